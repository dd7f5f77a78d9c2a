#pragma once

#include "lab/queueingmodel.h"
#include "lab/sweeppoint.h"
#include "lab/sweepresult.h"
#include "lab/sweepslo.h"

#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QCheckBox;
class QXYSeries;

/// A sweep's curves in Qt Charts, growing as its points come in: throughput against the first
/// key (each repeat a dot, the line through their means), and latency against it (p50, p95,
/// p99; with a second key one curve per value of it), with the queueing model's prediction
/// dashed and the objective as a line. Once the sweep is over: the recommendation and the knee
/// marked, and the scaling law's curve over the throughput. Hovering a point shows its numbers.
/// The latency axis may be logarithmic. GUI thread.
class SweepCharts : public QWidget {
    Q_OBJECT

public:
    explicit SweepCharts(QWidget* parent = nullptr);

    /// Forgets every point: a sweep over \a keys with objective \a slo begins, whose first key
    /// takes \a values (the horizontal axis spans them from the start, so the curves grow
    /// across it).
    void begin(const QStringList& keys, const std::optional<shoal::SweepSlo>& slo,
               const QList<double>& values);
    /// One more finished run and its model.
    void addPoint(const shoal::SweepPoint& point, const shoal::ModelPrediction& model);
    /// The sweep is over: its points replace those added, and the analysis is drawn.
    void setResult(const shoal::SweepResult& result);
    /// Latency on a logarithmic axis, or a linear one from zero.
    void setLogLatency(bool log);

    /// The switch for the logarithmic latency axis, for the view to place.
    QCheckBox* logToggle() const { return m_logBox; }
    QChart* throughputChart() const;
    QChart* latencyChart() const;
    /// Both charts side by side, as shown (for a PNG).
    QImage image() const;
    /// What hovering shows at first-key value \a x of the curve for second-key value \a where
    /// (ignored for one key): each repeat's figures, one line each.
    QString pointText(std::optional<double> where, double x) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    /// The points sharing one value of the second key.
    struct Group {
        std::optional<double> where;
        QList<int> points; ///< indices into m_points
    };
    QList<Group> groups() const;
    /// The first key's smallest and largest value: planned, else measured.
    std::pair<double, double> keyRange() const;
    /// Redraws every series and axis from the points (and the analysis, when there is one).
    void rebuild();
    void addThroughput(const Group& group, int colour);
    void addLatency(const Group& group, int colour, bool grid);
    void addAnalysis();
    void addAxes();
    /// Adds \a series to \a chart, showing pointText() when hovered under \a where.
    void attach(QChart* chart, QXYSeries* series, std::optional<double> where, bool inLegend);
    QString groupName(const Group& group) const;

    QStringList m_keys;
    std::optional<shoal::SweepSlo> m_slo;
    QList<double> m_planned; ///< the first key's values, as planned
    QList<shoal::SweepPoint> m_points;
    QList<shoal::ModelPrediction> m_models;
    std::optional<shoal::SweepResult> m_result;
    bool m_logLatency = false;
    QChartView* m_throughput = nullptr;
    QChartView* m_latency = nullptr;
    QCheckBox* m_logBox = nullptr;
};
