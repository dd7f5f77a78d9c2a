#include "commandline.h"

namespace {

const QString kHeadless = QStringLiteral("headless");
const QString kListPresets = QStringLiteral("list-presets");
const QString kPreset = QStringLiteral("preset");
const QString kDuration = QStringLiteral("duration");
const QString kJobs = QStringLiteral("jobs");
const QString kCsv = QStringLiteral("csv");
const QString kEvents = QStringLiteral("events");
const QString kSummary = QStringLiteral("summary");
const QString kSaveRun = QStringLiteral("save-run");
const QString kReport = QStringLiteral("report");
const QString kSet = QStringLiteral("set");
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");
const QString kLang = QStringLiteral("lang");
const QString kRun = QStringLiteral("run");
const QString kScreenshot = QStringLiteral("screenshot");
const QString kScreenshotAt = QStringLiteral("screenshot-at");
const QString kSweep = QStringLiteral("sweep");
const QString kPointSeconds = QStringLiteral("point-seconds");
const QString kWarmupSeconds = QStringLiteral("warmup-seconds");
const QString kRepeats = QStringLiteral("repeats");
const QString kSlo = QStringLiteral("slo");
const QString kSweepPreset = QStringLiteral("sweep-preset");
const QString kCompare = QStringLiteral("compare");

} // namespace

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(
        tr("Shoal: a worker-pool monitor and workload lab.\n\n"
           "  shoal-lab [--preset NAME|FILE | FILE] [--set key=value ...] [--lang de] [--run]\n"
           "  shoal-lab --list-presets\n"
           "  shoal-lab --headless [--preset NAME|FILE] [--duration S | --jobs N] [--csv FILE]\n"
           "            [--events FILE] [--summary FILE] [--save-run FILE] [--report FILE]\n"
           "            [--set key=value ...]\n"
           "  shoal-lab [--headless] --preset NAME|FILE --sweep KEY=VALUES [--sweep KEY2=VALUES]\n"
           "            | --sweep-preset\n"
           "            [--point-seconds S] [--warmup-seconds W] [--repeats R] [--slo p95<=MS]\n"
           "            [--csv FILE] [--summary FILE] [--report FILE] (files with --headless;\n"
           "            else the window's Sweep view runs it)\n"
           "  shoal-lab --compare A.shoalrun B.shoalrun [--report FILE]\n\n"
           "Exit status: 0 on success, 1 when the run failed, 2 on bad input."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {kHelp, tr("Show this help.")},
        {kVersion, tr("Show the version.")},
        {kListPresets, tr("List the built-in presets, each with a one-line description.")},
        {kHeadless, tr("Run a preset without a window: progress on stderr, a summary on stdout.")},
        {kPreset, tr("The preset to run: a built-in name or a preset file."), tr("NAME|FILE")},
        {kDuration, tr("Run for S seconds (run.durationSec)."), tr("S")},
        {kJobs, tr("Run until N calls were made (run.jobs)."), tr("N")},
        {kCsv, tr("Write the time series to FILE as CSV."), tr("FILE")},
        {kEvents, tr("Write the event log to FILE as CSV."), tr("FILE")},
        {kSummary, tr("Write the run summary to FILE as JSON."), tr("FILE")},
        {kSaveRun,
         tr("Write the whole run to FILE as a run file (.shoalrun): its preset, the machine, the "
            "summary, every sample and every event."),
         tr("FILE")},
        {kReport,
         tr("Write a report of the run, the sweep or the comparison to FILE: one self-contained "
            "HTML page with the tables and the charts. With --headless or --compare."),
         tr("FILE")},
        {kSet,
         tr("Change one preset key, with the preset's dotted names: pool.size=4, "
            "call.api=processCtx, workload.params.meanMs=20. May be repeated."),
         tr("key=value")},
        {kSweep,
         tr("Sweep a preset key over VALUES (1,2,4 | 1..8 | 1..16:2 | 50..800*2), one run per "
            "value; twice for a grid. Overrides the keys of the preset's sweep section."),
         tr("KEY=VALUES")},
        {kSweepPreset, tr("Run the sweep the preset's sweep section describes.")},
        {kPointSeconds, tr("Measured seconds per sweep point (default 5)."), tr("S")},
        {kWarmupSeconds, tr("Discarded warm-up seconds per sweep point (default 1)."), tr("W")},
        {kRepeats, tr("Runs per sweep point, interleaved (default 1)."), tr("R")},
        {kSlo, tr("The sweep's objective, METRIC<=MS with p50, p95, p99 or wait_p95."),
         tr("METRIC<=MS")},
        {kCompare,
         tr("Compare run file A with the run file B named after it: a table of each figure, "
            "the change and whether it is within the runs' noise."),
         tr("A")},
        {kLang, tr("The window's language (en, de); the system's by default."), tr("CODE")},
        {kRun, tr("Start a run as soon as the window is open.")},
        {kScreenshot,
         tr("Save a picture of the window during the run to FILE (PNG), then quit; implies "
            "--run."),
         tr("FILE")},
        {kScreenshotAt, tr("When to take the --screenshot: S seconds into the run (default 5)."),
         tr("S")},
    });
    m_parser.addPositionalArgument(QStringLiteral("file"),
                                   tr("A preset file to open, as --preset FILE."),
                                   QStringLiteral("[FILE]"));
}

bool CommandLine::parse(const QStringList& arguments)
{
    m_options = {};
    m_error.clear();
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return false;
    }
    // --compare A B: the second run is the one positional file.
    if (m_parser.isSet(kCompare)) {
        const QStringList rest = m_parser.positionalArguments();
        if (rest.size() != 1) {
            m_error = rest.isEmpty()
                          ? tr("--compare A B: name the second run file")
                          : tr("--compare A B: unexpected argument \"%1\"").arg(rest.at(1));
            return false;
        }
        m_options.mode = Mode::Compare;
        m_options.compared = {m_parser.value(kCompare), rest.constFirst()};
        m_options.reportPath = m_parser.value(kReport);
        return true;
    }
    // A file named on its own (as a desktop launcher passes it) is opened as --preset FILE.
    const QStringList files = m_parser.positionalArguments();
    if (files.size() > 1) {
        m_error = tr("unexpected argument \"%1\": give one file").arg(files.at(1));
        return false;
    }
    if (!files.isEmpty() && m_parser.isSet(kPreset)) {
        m_error = tr("unexpected argument \"%1\": --preset names the preset already")
                      .arg(files.constFirst());
        return false;
    }
    if (m_parser.isSet(kDuration) && m_parser.isSet(kJobs)) {
        m_error = tr("--duration and --jobs exclude each other");
        return false;
    }

    if (m_parser.isSet(kHelp))
        m_options.mode = Mode::Help;
    else if (m_parser.isSet(kVersion))
        m_options.mode = Mode::Version;
    else if (m_parser.isSet(kListPresets))
        m_options.mode = Mode::ListPresets;
    else if (m_parser.isSet(kHeadless))
        m_options.mode = Mode::Headless;

    m_options.preset = files.isEmpty() ? m_parser.value(kPreset) : files.constFirst();
    m_options.language = m_parser.value(kLang);
    m_options.screenshotPath = m_parser.value(kScreenshot);
    m_options.runAtStart = m_parser.isSet(kRun) || m_parser.isSet(kScreenshot);
    if (m_parser.isSet(kScreenshotAt)) {
        bool ok = false;
        m_options.screenshotAtSec = m_parser.value(kScreenshotAt).toDouble(&ok);
        if (!ok || !(m_options.screenshotAtSec >= 0) || m_options.screenshotAtSec > 86400) {
            m_error = tr("--screenshot-at: expected seconds from 0 to 86400, got \"%1\"")
                          .arg(m_parser.value(kScreenshotAt));
            return false;
        }
    }
    m_options.csvPath = m_parser.value(kCsv);
    m_options.eventsPath = m_parser.value(kEvents);
    m_options.summaryPath = m_parser.value(kSummary);
    m_options.runPath = m_parser.value(kSaveRun);
    m_options.reportPath = m_parser.value(kReport);
    // A report is of a run or a comparison the command line finishes; the window has neither.
    if (m_parser.isSet(kReport) &&
        (m_options.mode == Mode::Desktop || m_options.mode == Mode::ListPresets)) {
        m_error = tr("--report needs --headless or --compare");
        return false;
    }
    m_options.sweeps = m_parser.values(kSweep);
    m_options.pointSeconds = m_parser.value(kPointSeconds);
    m_options.warmupSeconds = m_parser.value(kWarmupSeconds);
    m_options.repeats = m_parser.value(kRepeats);
    m_options.slo = m_parser.value(kSlo);
    m_options.sweepPreset = m_parser.isSet(kSweepPreset);
    if (m_options.sweeps.size() > 2) {
        m_error = tr("--sweep: at most two keys, got %1").arg(m_options.sweeps.size());
        return false;
    }
    if (m_options.sweepAsked() && m_options.mode != Mode::Headless) {
        // The window runs the sweep in its Sweep view, which exports it.
        if (m_parser.isSet(kRun)) {
            m_error = tr("--run does not apply to a sweep: the window starts the sweep");
            return false;
        }
        if (!m_options.csvPath.isEmpty() || !m_options.summaryPath.isEmpty()) {
            m_error = tr("--csv and --summary of a sweep need --headless");
            return false;
        }
        m_options.runAtStart = false;
    }
    if (m_options.sweepAsked() && !m_options.eventsPath.isEmpty()) {
        m_error = tr("--events does not apply to a sweep");
        return false;
    }
    if (m_options.sweepAsked() && !m_options.runPath.isEmpty()) {
        m_error = tr("--save-run does not apply to a sweep");
        return false;
    }
    for (const QString& value : m_parser.values(kSet))
        m_options.assignments.append({QStringLiteral("--set ") + value, value});
    // The run length options come last, so they win over a --set of the same key.
    if (m_parser.isSet(kDuration)) {
        const QString value = m_parser.value(kDuration);
        m_options.assignments.append(
            {QStringLiteral("--duration ") + value, QStringLiteral("run.durationSec=") + value});
    }
    if (m_parser.isSet(kJobs)) {
        const QString value = m_parser.value(kJobs);
        m_options.assignments.append(
            {QStringLiteral("--jobs ") + value, QStringLiteral("run.jobs=") + value});
    }
    return true;
}
