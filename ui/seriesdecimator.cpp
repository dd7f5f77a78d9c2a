#include "seriesdecimator.h"

#include <algorithm>
#include <array>
#include <cmath>

SeriesDecimator::SeriesDecimator(double x0, double x1, int buckets)
    : m_x0(x0)
    , m_x1(std::max(x0, x1))
    , m_buckets(std::max(1, buckets))
{
    const double span = m_x1 - m_x0;
    m_bucketsPerX = span > 0 ? m_buckets / span : 0;
}

void SeriesDecimator::add(double x, double y)
{
    if (!std::isfinite(y) || x < m_x0 || x > m_x1)
        return;
    // x >= m_x0, so truncating is flooring.
    const int bucket = std::min(m_buckets - 1, static_cast<int>((x - m_x0) * m_bucketsPerX));
    const QPointF point(x, y);
    if (bucket != m_bucket) {
        flush();
        m_bucket = bucket;
        m_first = m_low = m_high = m_last = point;
    } else {
        if (y < m_low.y())
            m_low = point;
        else if (y > m_high.y())
            m_high = point;
        m_last = point;
    }
    m_minimum = std::min(m_minimum, y);
    m_maximum = std::max(m_maximum, y);
}

QList<QPointF> SeriesDecimator::take()
{
    flush();
    QList<QPointF> points;
    points.swap(m_points);
    return points;
}

void SeriesDecimator::flush()
{
    if (m_bucket < 0)
        return;
    // First, extremes and last, in x order, each once: the line enters and leaves the bucket
    // where the full series does and reaches both its extremes.
    std::array<QPointF, 4> kept{m_first, m_low, m_high, m_last};
    std::sort(kept.begin(), kept.end(),
              [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    for (const QPointF& p : kept) {
        if (m_points.isEmpty() || m_points.constLast() != p)
            m_points.append(p);
    }
    m_bucket = -1;
}
