#pragma once

#include <QList>
#include <QPointF>

/// Thins one growing series for a plot a given number of pixels wide: x is cut into buckets of
/// one width, at its multiples, and each bucket keeps its first, lowest, highest and last
/// point, in x order (the M4 method). A line drawn through what is left looks like the full
/// series at that width, spikes included, however many points went in. Because the buckets
/// sit at fixed places, a live chart feeds each new point once and drops what scrolls out of
/// its window, instead of thinning the whole window again for every frame. Points without a
/// finite value (a NaN percentile) are left out, or kept as one break in the line. One thread.
class SeriesDecimator {
public:
    /// What a point without a finite value does.
    enum class NonFinite {
        Skip,  ///< left out: the line joins its neighbours
        Break, ///< kept as one point with a NaN value, where the line stops until the next one
    };

    /// Buckets one unit wide.
    SeriesDecimator() = default;
    /// Buckets \a bucketWidth wide (> 0), the first starting at x = 0.
    explicit SeriesDecimator(double bucketWidth, NonFinite nonFinite = NonFinite::Skip);

    /// The width it was made with.
    double bucketWidth() const { return m_bucketWidth; }
    /// Adds the next point; x must not decrease from one call to the next.
    void add(double x, double y);
    /// Forgets the points left of \a x (the bucket being filled only once it is all left of
    /// \a x).
    void dropBefore(double x);
    /// The points kept (at most four per bucket, the newest bucket as it stands), in x order.
    QList<QPointF> points() const;

private:
    /// Moves the bucket being filled to m_points.
    void flush();

    double m_bucketWidth = 1; ///< see bucketWidth()
    NonFinite m_nonFinite = NonFinite::Skip;
    bool m_filling = false;  ///< a bucket has points not yet flushed
    qint64 m_bucket = 0;     ///< the bucket being filled (x / width, rounded down)
    QPointF m_first;         ///< its first point
    QPointF m_low;           ///< its lowest point
    QPointF m_high;          ///< its highest point
    QPointF m_last;          ///< its last point
    QList<QPointF> m_points; ///< flushed buckets
};
