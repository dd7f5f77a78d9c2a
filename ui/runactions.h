#pragma once

#include "lab/runstate.h"

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMainWindow;
class QSpinBox;
class QToolBar;

namespace shoal {
class Session;
}

/// The window's commands as actions: run control (run, pause/resume, stop, reset, burst,
/// cancel all, close pool), the file commands, the built-in presets, the chart window and the
/// language, with the toolbar that shows them and their enabled state for each run state.
/// Run-control actions go to the session as queued calls on its thread; the rest are the
/// window's to connect (file dialogs) or reported as signals. Names every action (objectName)
/// so settings and tests can find it. GUI thread.
class RunActions : public QObject {
    Q_OBJECT

public:
    /// Drives \a session (not owned; it must outlive this); \a window owns the actions and
    /// gets the toolbar.
    RunActions(shoal::Session* session, QMainWindow* window);

    QAction* run() const { return m_run; }
    QAction* pause() const { return m_pause; }
    QAction* stop() const { return m_stop; }
    QAction* reset() const { return m_reset; }
    QAction* burst() const { return m_burst; }
    QAction* cancelAll() const { return m_cancelAll; }
    QAction* closePool() const { return m_closePool; }
    /// Shows the Sweep view; the window connects it.
    QAction* sweep() const { return m_sweep; }
    QAction* openPreset() const { return m_openPreset; }
    QAction* savePreset() const { return m_savePreset; }
    /// Opens a run file to look at, read-only; the window connects it.
    QAction* openRun() const { return m_openRun; }
    /// Draws a run file beside the current run, with a table of both; the window connects it.
    QAction* compareRun() const { return m_compareRun; }
    QAction* exportCsv() const { return m_exportCsv; }
    /// Saves the finished run as a run file; enabled once a run has finished.
    QAction* saveRun() const { return m_saveRun; }
    QAction* saveCharts() const { return m_saveCharts; }
    /// Saves the finished run (or the one on show, beside a compared one) as an HTML page;
    /// the window connects it and enables it for an opened run.
    QAction* saveReport() const { return m_saveReport; }
    QAction* quit() const { return m_quit; }
    /// One action per built-in preset, in the library's order.
    const QList<QAction*>& presetActions() const { return m_presetActions; }
    /// The chart windows (30 s, 2 min, 10 min, all), exclusive.
    QActionGroup* chartWindows() const { return m_windowGroup; }
    /// "System language", then one action per translation, exclusive.
    QActionGroup* languages() const { return m_languageGroup; }
    QToolBar* toolBar() const { return m_toolBar; }

    /// Enables what makes sense in \a state and names pause/resume for it.
    void setRunState(shoal::RunState state);
    /// While a sweep drives the session its runs are the sweep's: no run command, no preset.
    void setSweeping(bool sweeping);
    /// Shows chart window \a index (a ChartPanel::Window) as chosen, without chartWindowChosen.
    void showChartWindow(int index);
    /// Checks the language entry for \a code, or "System language" when \a followsSystem.
    void showLanguage(const QString& code, bool followsSystem);
    /// Sets every text and tooltip in the current language.
    void retranslate();

Q_SIGNALS:
    /// The person chose a built-in preset.
    void presetChosen(const QString& name);
    /// The person chose chart window \a index, from the menu or the toolbar.
    void chartWindowChosen(int index);
    /// The person chose a language (empty: the system's).
    void languageChosen(const QString& code);

private:
    void createActions(QMainWindow* window);
    void createChoices(QMainWindow* window);
    void createToolBar(QMainWindow* window);
    /// Runs \a command on the session's thread.
    template <typename Command>
    void command(Command&& command);

    shoal::Session* m_session = nullptr; ///< not owned; may live on another thread
    shoal::RunState m_state = shoal::RunState::Idle;
    bool m_sweeping = false; ///< a sweep drives the session
    QToolBar* m_toolBar = nullptr;
    QAction* m_run = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_reset = nullptr;
    QAction* m_burst = nullptr;
    QAction* m_cancelAll = nullptr;
    QAction* m_closePool = nullptr;
    QAction* m_sweep = nullptr;
    QAction* m_openPreset = nullptr;
    QAction* m_savePreset = nullptr;
    QAction* m_openRun = nullptr;
    QAction* m_compareRun = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_saveRun = nullptr;
    QAction* m_saveCharts = nullptr;
    QAction* m_saveReport = nullptr;
    QAction* m_quit = nullptr;
    QActionGroup* m_windowGroup = nullptr;   ///< 30 s, 2 min, 10 min, all
    QActionGroup* m_languageGroup = nullptr; ///< system, then each language
    QList<QAction*> m_presetActions;         ///< one per built-in preset
    QSpinBox* m_burstSize = nullptr;         ///< calls per burst
    QComboBox* m_windowBox = nullptr;        ///< the toolbar's chart window
    QLabel* m_windowLabel = nullptr;
};
