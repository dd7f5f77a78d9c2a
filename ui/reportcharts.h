#pragma once

#include "lab/latencyspectrum.h"
#include "lab/runrecord.h"
#include "lab/sweepresult.h"
#include "lab/sweepslo.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

/// The report's pictures, drawn by the window's own widgets offscreen (never shown), so a
/// report shows exactly what the window would: the live charts and worker lanes (ChartPanel),
/// the latency spectrum (SpectrumView) and a sweep's curves (SweepCharts). GUI thread; needs a
/// QApplication (any platform, offscreen included).
class ReportCharts {
public:
    /// The size the live charts are drawn at: the report page's width, so that their text
    /// reads at the size the window shows it.
    static constexpr QSize kChartsSize{1100, 820};
    /// The size the spectrum and the sweep curves are drawn at.
    static constexpr QSize kWideSize{1100, 440};

    /// \a record's rows through the live charts, its events as markers, its workers on the
    /// lanes; with \a compared (called \a comparedName), that run's lines dashed beside them.
    static QImage charts(const shoal::RunRecord& record, const shoal::RunRecord* compared = nullptr,
                         const QString& comparedName = {});
    /// The percentile spectrum of \a spectrum; with \a compared (called \a comparedName), that
    /// one dashed beside it.
    static QImage spectrum(const shoal::LatencySpectrum& spectrum,
                           const shoal::LatencySpectrum& compared = {},
                           const QString& comparedName = {});
    /// A finished sweep's curves, with objective \a slo drawn when there is one.
    static QImage sweep(const shoal::SweepResult& result,
                        const std::optional<shoal::SweepSlo>& slo);
};
