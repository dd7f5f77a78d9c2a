#pragma once

#include "lab/runrecord.h"
#include "lab/runstate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class ChartPanel;
class ComparisonView;
class SpectrumView;

/// The saved run the window holds the current one against (run B): drawn dashed on the charts
/// and the latency distribution, listed beside run A in the Comparison view, and put beside it
/// in a report. The views are not owned. GUI thread.
class ComparedRun {
    Q_DECLARE_TR_FUNCTIONS(ComparedRun)

public:
    ComparedRun(ChartPanel* charts, SpectrumView* spectrum, ComparisonView* view);

    /// Compares with \a record, read from \a path, from now on; run A waits.
    void show(const shoal::RunRecord& record, const QString& path);
    /// Compares with nothing.
    void clear();
    /// Whether a run is compared with.
    bool active() const;

    /// Run A is \a record, called \a name.
    void setCurrent(const shoal::RunRecord& record, const QString& name);
    /// Run A is the session's, in \a state, which has no whole record yet.
    void setPending(shoal::RunState state);

    /// The report of run \a a, called \a name: beside run B when there is one, else alone.
    QByteArray report(const shoal::RunRecord& a, const QString& name) const;

private:
    ChartPanel* m_charts = nullptr;
    SpectrumView* m_spectrum = nullptr;
    ComparisonView* m_view = nullptr;
};
