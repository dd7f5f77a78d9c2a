#pragma once

#include <QList>
#include <QPointF>

#include <limits>

/// Thins one series for a plot a given number of pixels wide: the x range is cut into buckets
/// and each bucket keeps its first, lowest, highest and last point, in x order (the M4
/// method). A line drawn through what is left looks like the full series at that width, spikes
/// included, however many points went in. Points without a finite value (a NaN percentile) are left
/// out. One thread.
class SeriesDecimator {
public:
    /// Keeps points with \a x0 <= x <= \a x1, in \a buckets buckets (at least one).
    SeriesDecimator(double x0, double x1, int buckets);

    /// Adds the next point; x must not decrease from one call to the next.
    void add(double x, double y);
    /// The points kept (at most four per bucket), in x order; the decimator starts over.
    QList<QPointF> take();

    /// The smallest and largest y kept since construction (+inf/-inf when none).
    double minimum() const { return m_minimum; }
    /// See minimum().
    double maximum() const { return m_maximum; }

private:
    void flush();

    double m_x0 = 0;          ///< left edge of the range
    double m_x1 = 0;          ///< right edge of the range
    double m_bucketsPerX = 0; ///< buckets per unit of x
    int m_buckets = 1;        ///< how many buckets the range has
    int m_bucket = -1;        ///< the bucket being filled; -1 before the first point
    QPointF m_first;          ///< its first point
    QPointF m_low;            ///< its lowest point
    QPointF m_high;           ///< its highest point
    QPointF m_last;           ///< its last point
    QList<QPointF> m_points;  ///< flushed buckets
    double m_minimum = std::numeric_limits<double>::infinity();  ///< over every kept point
    double m_maximum = -std::numeric_limits<double>::infinity(); ///< over every kept point
};
