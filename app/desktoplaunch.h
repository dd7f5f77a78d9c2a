#pragma once

#include "commandline.h"

#include "lab/runstate.h"

#include <QObject>

#include <memory>

class LanguageSwitcher;
class MainWindow;
class SignalWatcher;

namespace shoal {
class SessionHost;
}

/// `shoal-lab` with a window: picks the language (--lang, else the saved one, else the
/// system's) and the preset (--preset and its assignments, else the last one used, else the
/// default), opens the main window on a session of its own thread, and optionally starts a
/// run (--run) and saves a screenshot of the window into it (--screenshot). SIGINT and SIGTERM
/// close the window as the person would (the run is dropped, nothing is written) and the
/// program exits with 128 + the signal. Needs a QApplication; GUI thread.
class DesktopLaunch : public QObject {
    Q_OBJECT

public:
    explicit DesktopLaunch(const CommandLine::Options& options, QObject* parent = nullptr);
    ~DesktopLaunch() override;

    /// Runs the window until it is closed; returns the exit status (2 for bad input, printed
    /// as one line on stderr before any window opens).
    int exec();

private:
    void onStateChanged(shoal::RunState state);
    void takeScreenshot();
    void onTerminationRequested(int signo);

    CommandLine::Options m_options;
    std::unique_ptr<LanguageSwitcher> m_languages;
    std::unique_ptr<shoal::SessionHost> m_host; ///< the session's thread; outlives the window
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SignalWatcher> m_signals; ///< SIGINT, SIGTERM: close the window
    bool m_screenshotScheduled = false;       ///< the --screenshot timer runs
    int m_status = 0;                         ///< exec()'s result
};
