#pragma once

#include "commandline.h"

#include "lab/runstate.h"

#include <QObject>

#include <memory>

class LanguageSwitcher;
class MainWindow;

namespace shoal {
class SessionHost;
}

/// `shoal-lab` with a window: picks the language (--lang, else the saved one, else the
/// system's) and the preset (--preset and its assignments, else the last one used, else the
/// default), opens the main window on a session of its own thread, and optionally starts a
/// run (--run) and saves a screenshot of the window into it (--screenshot). Needs a
/// QApplication; GUI thread.
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

    CommandLine::Options m_options;
    std::unique_ptr<LanguageSwitcher> m_languages;
    std::unique_ptr<shoal::SessionHost> m_host; ///< the session's thread; outlives the window
    std::unique_ptr<MainWindow> m_window;
    bool m_screenshotScheduled = false; ///< the --screenshot timer runs
    int m_status = 0;                   ///< exec()'s result
};
