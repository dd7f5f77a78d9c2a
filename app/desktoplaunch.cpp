#include "desktoplaunch.h"

#include "headlessrun.h"
#include "presetchoice.h"
#include "signalwatcher.h"
#include "sweepoptions.h"

#include "ui/chartpanel.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/pngfile.h"
#include "ui/sweepview.h"

#include "lab/presetlibrary.h"
#include "lab/session.h"
#include "lab/sessionhost.h"

#include <QApplication>
#include <QSettings>
#include <QTimer>

#include <cstdio>

DesktopLaunch::DesktopLaunch(const CommandLine::Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{}

DesktopLaunch::~DesktopLaunch()
{
    // The window goes first; the session's thread then ends its run and stops.
    m_signals.reset();
    m_window.reset();
    m_host.reset();
}

int DesktopLaunch::exec()
{
    QSettings settings;
    m_languages = std::make_unique<LanguageSwitcher>();
    const QString language = m_options.language.isEmpty()
                                 ? settings.value(QStringLiteral("language")).toString()
                                 : m_options.language;
    if (!m_languages->setLanguage(language)) {
        if (!m_options.language.isEmpty()) {
            std::fprintf(stderr, "shoal-lab: %s\n",
                         qPrintable(tr("--lang: no translation for \"%1\" (available: %2)")
                                        .arg(language, LanguageSwitcher::available().join(
                                                           QStringLiteral(", ")))));
            return HeadlessRun::BadInput;
        }
        m_languages->setLanguage(QString());
    }

    // A run file (the desktop opens them with the program) is shown over the last preset.
    CommandLine::Options options = m_options;
    QString runFile;
    if (options.preset.endsWith(QStringLiteral(".shoalrun"), Qt::CaseInsensitive)) {
        runFile = options.preset;
        options.preset.clear();
    }
    // The preset: as asked, else the last one used (if it still loads), else the default.
    if (options.preset.isEmpty()) {
        const QString last = settings.value(QStringLiteral("presets/last")).toString();
        shoal::ScenarioError ignored;
        if (!last.isEmpty() && shoal::PresetLibrary::load(last, &ignored))
            options.preset = last;
    }
    QString error;
    const std::optional<shoal::Scenario> scenario = PresetChoice::resolve(options, &error);
    if (!scenario) {
        std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(error));
        return HeadlessRun::BadInput;
    }

    std::optional<shoal::SweepSpec> sweep;
    if (options.sweepAsked()) {
        sweep = SweepOptions::resolve(options, *scenario, &error);
        if (!sweep) {
            std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(error));
            return HeadlessRun::BadInput;
        }
    }

    m_host = std::make_unique<shoal::SessionHost>();
    m_window = std::make_unique<MainWindow>(m_host->session(), m_languages.get());
    connect(m_host->session(), &shoal::Session::stateChanged, this, &DesktopLaunch::onStateChanged);
    if (!runFile.isEmpty()) {
        // Once the window has the preset (it comes back from the session's thread), show the
        // run over it; a refused file is the window's dialog.
        connect(
            m_host->session(), &shoal::Session::scenarioChanged, this,
            [this, runFile] {
                m_window->openRun(runFile);
                if (!m_options.screenshotPath.isEmpty()) {
                    m_screenshotScheduled = true;
                    QTimer::singleShot(static_cast<int>(m_options.screenshotAtSec * 1000), this,
                                       &DesktopLaunch::takeScreenshot);
                }
            },
            Qt::SingleShotConnection);
    }
    if (sweep) {
        // Once the window has the preset (it comes back from the session's thread), sweep it.
        connect(
            m_host->session(), &shoal::Session::scenarioChanged, this,
            [this, spec = *sweep] { m_window->sweep()->start(spec); }, Qt::SingleShotConnection);
    }
    if (options.assignments.isEmpty())
        m_window->loadPreset(options.preset.isEmpty() ? scenario->name : options.preset);
    else
        m_window->loadScenario(*scenario);
    m_signals = std::make_unique<SignalWatcher>();
    connect(m_signals.get(), &SignalWatcher::terminationRequested, this,
            &DesktopLaunch::onTerminationRequested);
    m_window->show();
    if (m_options.runAtStart && runFile.isEmpty())
        m_window->run();
    const int status = QApplication::exec();
    return m_status != 0 ? m_status : status;
}

void DesktopLaunch::onStateChanged(shoal::RunState state)
{
    if (m_options.screenshotPath.isEmpty() || m_screenshotScheduled ||
        state != shoal::RunState::Running)
        return;
    m_screenshotScheduled = true;
    QTimer::singleShot(static_cast<int>(m_options.screenshotAtSec * 1000), this,
                       &DesktopLaunch::takeScreenshot);
}

void DesktopLaunch::onTerminationRequested(int signo)
{
    m_status = SignalWatcher::exitStatus(signo);
    m_window->close(); // the last window: the event loop ends, then the session
}

void DesktopLaunch::takeScreenshot()
{
    m_window->charts()->refresh();
    QString error;
    const bool saved = PngFile::write(m_window->grab().toImage(), m_options.screenshotPath, &error);
    if (!saved) {
        std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(error));
        m_status = HeadlessRun::RunFailed;
    }
    m_window->close();
}
