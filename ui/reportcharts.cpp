#include "reportcharts.h"

#include "chartpanel.h"
#include "spectrumview.h"
#include "sweepcharts.h"
#include "workerlanes.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace {

/// Holds (and owns) a widget at a fixed size, shown but never on a screen, so that it lays out and
/// paints as the window would at that size. The holder has no layout, so the platform is asked for
/// no size hints (the offscreen one would warn that it takes none).
class Stage {
public:
    Stage(QWidget& widget, QSize size)
    {
        m_host.setAttribute(Qt::WA_DontShowOnScreen);
        m_host.resize(size);
        widget.setParent(&m_host);
        widget.setGeometry(QRect(QPoint(0, 0), size));
        m_host.show();
        settle();
    }
    /// Delivers what the widget posted to itself, so that a grab shows the finished picture:
    /// Qt Charts lays its scene out and places its axes in posted events, and deletes a
    /// replaced axis's items later (with no event loop running, they would be drawn too).
    static void settle()
    {
        for (int round = 0; round < 3; ++round) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
    }

private:
    QWidget m_host;
};

} // namespace

QImage ReportCharts::charts(const shoal::RunRecord& record, const shoal::RunRecord* compared,
                            const QString& comparedName)
{
    auto* panel = new ChartPanel;
    const Stage stage(*panel, kChartsSize);
    // The run is over: the time axis ends at its last row (or the compared run's, if longer;
    // the panel rounds the axis up only past the planned length).
    const auto lastSec = [](const shoal::RunRecord& r) {
        return r.samples.isEmpty() ? 0.0 : r.samples.constLast().tSec;
    };
    panel->setPlannedSec(std::max(lastSec(record), compared ? lastSec(*compared) : 0.0));
    panel->lanes()->setDispatchOrder(record.scenario.dispatchOrder);
    panel->lanes()->setRecorded(true);
    for (const shoal::MetricsRow& row : record.samples)
        panel->appendSample(row, {}); // the lanes come whole, below
    panel->setLanes(record.lanes);
    for (const shoal::RunEvent& event : record.events)
        panel->addEvent(event);
    if (compared)
        panel->setCompared(compared->samples, comparedName);
    panel->refresh();
    Stage::settle();
    return panel->grab().toImage();
}

QImage ReportCharts::spectrum(const shoal::LatencySpectrum& spectrum,
                              const shoal::LatencySpectrum& compared, const QString& comparedName)
{
    auto* view = new SpectrumView;
    const Stage stage(*view, kWideSize);
    view->setSpectrum(spectrum);
    view->setCompared(compared, comparedName);
    Stage::settle();
    return view->grab().toImage();
}

QImage ReportCharts::sweep(const shoal::SweepResult& result,
                           const std::optional<shoal::SweepSlo>& slo)
{
    auto* charts = new SweepCharts;
    const Stage stage(*charts, kWideSize);
    QList<double> values;
    if (!result.keys.isEmpty()) {
        for (const shoal::SweepPoint& point : result.points) {
            const double v = point.values.value(result.keys.constFirst());
            if (!values.contains(v))
                values.append(v);
        }
    }
    std::sort(values.begin(), values.end());
    charts->begin(result.keys, slo, values);
    charts->setResult(result);
    Stage::settle();
    return charts->image();
}
