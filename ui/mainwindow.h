#pragma once

#include "lab/exportresult.h"
#include "lab/runevent.h"
#include "lab/runrecord.h"
#include "lab/runstate.h"
#include "lab/runsummary.h"
#include "lab/sample.h"
#include "lab/scenario.h"
#include "lab/sessionerror.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class ChartPanel;
class ComparedRun;
class ComparisonView;
class ControlPanel;
class EventLogView;
class LanguageSwitcher;
class RunActions;
class RunStatusBar;
class SpectrumView;
class SweepDock;
class SweepView;
class TheoryPanel;
class WindowDocks;
class WindowMenus;
class QLabel;
class QMessageBox;
class QTimer;

namespace shoal {
class Session;
} // namespace shoal

/// Shoal's main window: the preset's description on top, the live charts and worker lanes in
/// the middle, the knobs in a dock on the left with the queueing theory under them, the event log
/// in a dock below, the run's numbers in the status bar, and every command as an action (toolbar,
/// menus, shortcuts). It talks to the lab only through the Session facade: commands are queued
/// calls of its slots, state comes back as its signals' value snapshots, and the charts are redrawn
/// at 10 Hz however fast samples come. GUI thread; the session may live on another thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Drives \a session (not owned; it must outlive the window) and switches languages with
    /// \a languages (not owned). Restores the geometry from the settings.
    MainWindow(shoal::Session* session, LanguageSwitcher* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    // What the actions do once a file is chosen, reachable without a dialog.

    /// Loads a built-in preset or a preset file into the session; a refusal shows a dialog
    /// naming the field and the reason, and the configuration stays.
    void loadPreset(const QString& nameOrFile);
    /// Loads \a scenario into the session (between runs).
    void loadScenario(const shoal::Scenario& scenario);
    /// Writes the run's samples to \a path and its events next to it ("<name>-events.csv").
    void exportCsv(const QString& path);
    /// Writes the configuration as a preset file.
    void savePreset(const QString& path);
    /// Writes the finished run as a run file (.shoalrun).
    void saveRun(const QString& path);
    /// Shows the run file at \a path as it was recorded, read-only (its settings greyed out in
    /// the controls) until the next run starts or a preset loads. A file that is refused shows
    /// a dialog naming it and the reason, and the screen stays as it was; false then.
    bool openRun(const QString& path);
    /// Whether the charts show an opened run file rather than the session's runs.
    bool showsRecordedRun() const { return m_opened.has_value(); }
    /// Draws the run file at \a path dashed beside the current run (live, finished or opened)
    /// on every chart and the latency distribution, and lists both in the Comparison dock,
    /// until stopComparing(); later runs are compared with it too. A file that is refused
    /// shows a dialog naming it and the reason, and nothing changes; false then.
    bool compareWith(const QString& path);
    /// Draws and lists no other run.
    void stopComparing();
    /// Writes the finished run, or the opened one, as an HTML page (RunReport), beside the run
    /// compared with if there is one; fileWritten() says how it went (a dialog when it failed).
    void saveReport(const QString& path);
    /// Writes the charts and lanes to a PNG file; false (and a dialog) when it cannot.
    bool saveChartsImage(const QString& path);
    /// Starts a run.
    void run();

    ChartPanel* charts() const { return m_charts; }
    ControlPanel* controls() const { return m_controls; }
    EventLogView* eventLog() const { return m_log; }
    RunStatusBar* runStatus() const { return m_status; }
    TheoryPanel* theory() const { return m_theory; }
    SpectrumView* spectrum() const { return m_spectrum; }
    SweepView* sweep() const { return m_sweep; }
    ComparisonView* comparison() const { return m_comparison; }
    /// Shows the Sweep view in front.
    void showSweep();
    RunActions* actions() const { return m_actions; }
    /// The run's state as the session last reported it.
    shoal::RunState runState() const { return m_state; }
    /// The dialog showing the last refusal, while it is open.
    QMessageBox* errorDialog() const;

Q_SIGNALS:
    /// A file export or save finished; \a error is empty on success.
    void fileWritten(const QString& path, const QString& error);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void onSweepingChanged(bool sweeping);
    /// Back from an opened run to the session's configuration.
    void leaveRecordedRun();
    /// Gives the Comparison dock the current run as run A, or says what it waits for.
    void compareCurrent();
    /// The session's record of its run arrived (for the Comparison dock or a report).
    void onRunRecorded(const shoal::RunRecord& record);
    /// The file commands' dialogs, the presets, chart window and language choices.
    void connectActions();
    void connectSession();
    void retranslate();
    void restoreSettings();
    void showError(const QString& title, const QString& text);
    /// Runs \a command on the session's thread.
    template <typename Command>
    void command(Command&& command);

    void onStateChanged(shoal::RunState state);
    void onScenarioChanged(const shoal::Scenario& scenario);
    void onSample(const shoal::Sample& sample);
    void onEvent(const shoal::RunEvent& event);
    void onRunFinished(const shoal::RunSummary& summary);
    void onError(const shoal::SessionError& error);
    void onExportFinished(const shoal::ExportResult& result);

    shoal::Session* m_session = nullptr;     ///< not owned; may live on another thread
    LanguageSwitcher* m_languages = nullptr; ///< not owned
    shoal::RunState m_state = shoal::RunState::Idle;
    shoal::Scenario m_scenario;               ///< as the session last reported it
    double m_lastRunSec = -1;                 ///< the newest sample's run clock
    std::optional<shoal::RunRecord> m_opened; ///< the run file on show, if any
    QString m_openedPath;                     ///< its file
    QString m_pendingReport;          ///< where to write a report once the session's record comes
    QString m_pendingPreset;          ///< asked for; remembered once loaded
    QTimer* m_refreshTimer = nullptr; ///< redraws the charts at 10 Hz

    QLabel* m_header = nullptr; ///< the preset's name, description, what to watch
    ChartPanel* m_charts = nullptr;
    ControlPanel* m_controls = nullptr;
    EventLogView* m_log = nullptr;
    RunStatusBar* m_status = nullptr;
    TheoryPanel* m_theory = nullptr;         ///< the queueing model beside the measurements
    SweepDock* m_sweepDock = nullptr;        ///< the Sweep view and its runner
    SweepView* m_sweep = nullptr;            ///< m_sweepDock's view
    SpectrumView* m_spectrum = nullptr;      ///< the last run's latency distribution
    ComparisonView* m_comparison = nullptr;  ///< two runs' figures side by side
    std::unique_ptr<ComparedRun> m_compared; ///< the saved run held against the current one
    QPointer<QMessageBox> m_errorDialog;     ///< the refusal on show, if any

    std::unique_ptr<WindowDocks> m_docks;
    std::unique_ptr<WindowMenus> m_menus;
    RunActions* m_actions = nullptr; ///< the commands, their toolbar and their state
};
