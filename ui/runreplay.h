#pragma once

#include "lab/runrecord.h"

#include <QCoreApplication>
#include <QString>

class ChartPanel;
class ControlPanel;
class EventLogView;
class RunStatusBar;
class SpectrumView;
class TheoryPanel;

/// Puts a recorded run on the window's views as the live run put it there: its rows through the
/// charts and the Theory dock, its workers' states onto the lanes, its events onto the charts'
/// markers and into the event log, its last totals in the status bar, its settings in the controls
/// (greyed out) and its latency distribution. GUI thread.
class RunReplay {
    Q_DECLARE_TR_FUNCTIONS(RunReplay)

public:
    /// The views a run is shown on (not owned).
    struct Views {
        ChartPanel* charts = nullptr;
        TheoryPanel* theory = nullptr;
        EventLogView* log = nullptr;
        RunStatusBar* status = nullptr;
        ControlPanel* controls = nullptr; ///< shows the run's settings, greyed out
        SpectrumView* spectrum = nullptr;
    };

    /// Shows \a record, read from \a path, on \a views (the charts cleared first).
    static void show(const shoal::RunRecord& record, const QString& path, const Views& views);
    /// The window's header for it: the run, its preset's description and the machine.
    static QString header(const shoal::RunRecord& record);
};
