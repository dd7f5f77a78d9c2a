#pragma once

#include "lab/latencyspectrum.h"

#include <QWidget>

class QChart;
class QChartView;

/// A finished run's latency distribution as a percentile spectrum in Qt Charts, as HdrHistogram
/// plots it: latency (logarithmic) against the percentile on a "nines" axis (50%, 90%, 99%,
/// 99.9%, ... evenly spaced), for end to end, queue wait and service, so the tail a mean or a
/// p95 hides shows as the curve's rise on the right. GUI thread.
class SpectrumView : public QWidget {
    Q_OBJECT

public:
    explicit SpectrumView(QWidget* parent = nullptr);

    /// Shows \a spectrum (a run's, or an opened run file's); an empty one clears the chart.
    void setSpectrum(const shoal::LatencySpectrum& spectrum);
    const shoal::LatencySpectrum& spectrum() const { return m_spectrum; }
    /// Draws \a spectrum, another run's called \a name, dashed in the same colours beside the
    /// current one; an empty one (or clearCompared()) draws none.
    void setCompared(const shoal::LatencySpectrum& spectrum, const QString& name);
    void clearCompared() { setCompared({}, {}); }
    const shoal::LatencySpectrum& compared() const { return m_compared; }
    QChart* chart() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    shoal::LatencySpectrum m_spectrum;
    shoal::LatencySpectrum m_compared; ///< see setCompared()
    QString m_comparedName;
    QChartView* m_view = nullptr;
};
