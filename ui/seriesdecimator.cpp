#include "seriesdecimator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace {

/// Appends a bucket's first, extremes and last, in x order, each once: the line enters and
/// leaves the bucket where the full series does and reaches both its extremes.
void appendBucket(QList<QPointF>& to, const QPointF& first, const QPointF& low, const QPointF& high,
                  const QPointF& last)
{
    std::array<QPointF, 4> kept{first, low, high, last};
    std::sort(kept.begin(), kept.end(),
              [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    for (const QPointF& p : kept) {
        if (to.isEmpty() || to.constLast() != p)
            to.append(p);
    }
}

} // namespace

SeriesDecimator::SeriesDecimator(double bucketWidth, NonFinite nonFinite)
    : m_bucketWidth(bucketWidth > 0 ? bucketWidth : 1)
    , m_nonFinite(nonFinite)
{}

void SeriesDecimator::add(double x, double y)
{
    if (!std::isfinite(x))
        return;
    if (!std::isfinite(y)) {
        if (m_nonFinite == NonFinite::Break) {
            // One break for a run of missing values, and none before the first point.
            flush();
            if (!m_points.isEmpty() && std::isfinite(m_points.constLast().y()))
                m_points.append(QPointF(x, std::numeric_limits<double>::quiet_NaN()));
        }
        return;
    }
    const auto bucket = static_cast<qint64>(std::floor(x / m_bucketWidth));
    const QPointF point(x, y);
    if (!m_filling || bucket != m_bucket) {
        flush();
        m_filling = true;
        m_bucket = bucket;
        m_first = m_low = m_high = m_last = point;
        return;
    }
    if (y < m_low.y())
        m_low = point;
    else if (y > m_high.y())
        m_high = point;
    m_last = point;
}

void SeriesDecimator::dropBefore(double x)
{
    const auto kept = std::lower_bound(m_points.cbegin(), m_points.cend(), x,
                                       [](const QPointF& p, double x) { return p.x() < x; });
    m_points.erase(m_points.cbegin(), kept);
    // The bucket being filled is the newest; a window wider than a bucket never cuts it.
    if (m_filling && m_last.x() < x)
        m_filling = false;
}

QList<QPointF> SeriesDecimator::points() const
{
    QList<QPointF> points;
    points.reserve(m_points.size() + 4);
    points.append(m_points);
    if (m_filling)
        appendBucket(points, m_first, m_low, m_high, m_last);
    return points;
}

void SeriesDecimator::flush()
{
    if (m_filling)
        appendBucket(m_points, m_first, m_low, m_high, m_last);
    m_filling = false;
}
