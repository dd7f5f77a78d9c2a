#pragma once

#include "lab/runevent.h"
#include "lab/runsummary.h"

#include <QTableWidget>

/// The event log pane: every live change and timeline entry of the run, plus what the window
/// itself has to say (a preset loaded, a run finished, a refused command in red), newest at the
/// bottom and kept in view. Bounded to the newest MaxRows rows. GUI thread.
class EventLogView : public QTableWidget {
    Q_OBJECT

public:
    /// Rows kept; older ones are dropped.
    static constexpr int MaxRows = 5000;

    explicit EventLogView(QWidget* parent = nullptr);

    /// A change from the run, at its time on the run's clock.
    void addEvent(const shoal::RunEvent& event);
    /// A line from the window, at \a tSec (negative: no time).
    void addNote(double tSec, const QString& text);
    /// A refusal or failure, drawn in red.
    void addError(double tSec, const QString& text);
    /// A note of how the run \a summary sums up ended: completed, throughput, p99, identity.
    void addSummary(const shoal::RunSummary& summary);

protected:
    void changeEvent(QEvent* event) override;

private:
    void addRow(double tSec, const QString& what, const QString& change, bool error);
    void retranslate();
};
