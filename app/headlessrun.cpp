#include "headlessrun.h"

#include "headlesssweep.h"
#include "presetchoice.h"
#include "progressreporter.h"
#include "signalwatcher.h"
#include "summarytable.h"
#include "sweepoptions.h"

#include "lab/runexport.h"
#include "lab/session.h"
#include "text/errortext.h"
#include "ui/runreport.h"

#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace shoal;

HeadlessRun::HeadlessRun(const CommandLine::Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_progress(std::make_unique<ProgressReporter>(isatty(fileno(stderr)) == 1))
{}

HeadlessRun::~HeadlessRun() = default;

void HeadlessRun::complain(const QString& reason)
{
    m_progress->finish();
    std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(reason));
    std::fflush(stderr);
}

std::optional<Scenario> HeadlessRun::scenario()
{
    QString error;
    std::optional<Scenario> s = PresetChoice::resolve(m_options, &error);
    if (!s)
        complain(error);
    return s;
}

bool HeadlessRun::outputsWritable()
{
    for (const QString& path : {m_options.csvPath, m_options.eventsPath, m_options.summaryPath,
                                m_options.runPath, m_options.reportPath}) {
        if (path.isEmpty())
            continue;
        if (const FileError e = RunExport::checkWritable(path)) {
            complain(ErrorText::file(e));
            return false;
        }
    }
    return true;
}

int HeadlessRun::exec()
{
    // Made first and destroyed last: a signal during the teardown below is still caught (and
    // ignored, as the teardown is already under way) instead of killing the process half-way.
    SignalWatcher watcher;
    const std::optional<Scenario> s = scenario();
    if (!s || !outputsWritable())
        return BadInput;
    // A sweep when asked for (docs/sweeps.md).
    if (m_options.sweepAsked()) {
        QString error;
        const std::optional<SweepSpec> spec = SweepOptions::resolve(m_options, *s, &error);
        if (!spec) {
            complain(error);
            return BadInput;
        }
        HeadlessSweep sweep(m_options, *s, *spec);
        return sweep.exec(watcher);
    }

    // No window to keep responsive: the session lives on this thread, whose event loop runs
    // its timers; the pool, the generator and the errands have their own threads.
    Session session;
    connect(&watcher, &SignalWatcher::terminationRequested, this, [this, &session](int signo) {
        if (m_signal != 0)
            return;
        m_signal = signo;
        complain(
            tr("stopped by %1; no files written").arg(QString::fromLocal8Bit(signalName(signo))));
        // Drops the run: processCtx calls are canceled, the pool is closed; the session's
        // destructor below waits for the running jobs.
        session.reset();
        m_loop.quit();
    });
    connect(&session, &Session::sampleAvailable, this, &HeadlessRun::onSample);
    connect(&session, &Session::runFinished, this, &HeadlessRun::onFinished);
    connect(&session, &Session::errorOccurred, this, &HeadlessRun::onError);
    connect(&session, &Session::stateChanged, this, [this](RunState state) { m_state = state; });
    session.loadScenario(*s);
    session.start();
    m_loop.exec();
    m_progress->finish();

    // Interrupted: nothing is written, so a file at an output path is the previous run's,
    // whole; a partial run's figures are not passed off as a finished run's.
    if (m_signal != 0)
        return SignalWatcher::exitStatus(m_signal);
    if (!m_summary)
        return m_status == Success ? RunFailed : m_status;
    std::fputs(qPrintable(SummaryTable::format(*m_summary)), stdout);
    std::fflush(stdout);

    // The session writes the run it holds; each export reports back at once.
    const auto written =
        connect(&session, &Session::exportFinished, this, [this](const ExportResult& result) {
            if (result.error) {
                complain(ErrorText::file(result.error));
                m_status = RunFailed;
            }
        });
    if (!m_options.csvPath.isEmpty())
        session.exportSamplesCsv(m_options.csvPath);
    if (!m_options.eventsPath.isEmpty())
        session.exportEventsCsv(m_options.eventsPath);
    if (!m_options.summaryPath.isEmpty())
        session.exportSummaryJson(m_options.summaryPath);
    if (!m_options.runPath.isEmpty())
        session.saveRun(m_options.runPath);
    disconnect(written);
    // Last, as it takes longest: the charts are drawn offscreen from the run just written.
    if (!m_options.reportPath.isEmpty()) {
        if (const FileError e =
                RunReport::write(m_options.reportPath, RunReport::run(session.runRecord()))) {
            complain(ErrorText::file(e));
            m_status = RunFailed;
        }
    }
    if (!m_summary->identityHolds || !m_summary->poolAgrees) {
        complain(tr("the accounting identity did not hold"));
        m_status = RunFailed;
    }
    return m_status;
}

const char* HeadlessRun::signalName(int signo)
{
    switch (signo) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "a signal";
    }
}

void HeadlessRun::onSample(const Sample& sample)
{
    if (sample.state != RunState::Finished)
        m_progress->update(sample);
}

void HeadlessRun::onFinished(const RunSummary& summary)
{
    m_summary = summary;
    m_loop.quit();
}

void HeadlessRun::onError(const SessionError& error)
{
    complain(ErrorText::session(error));
    // A refusal before the run began is the input's fault (e.g. an image folder that cannot be
    // used); later errors are reported and the run goes on.
    if (m_state == RunState::Idle || m_state == RunState::Preparing) {
        m_status = error.code == SessionError::Code::WorkloadRefused ? BadInput : RunFailed;
        m_loop.quit();
    }
}
