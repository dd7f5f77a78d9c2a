#include "seriesdecimator.h"

#include <algorithm>
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
    const int bucket =
        std::min(m_buckets - 1, static_cast<int>(std::floor((x - m_x0) * m_bucketsPerX)));
    if (bucket != m_bucket) {
        flush();
        m_bucket = bucket;
        m_low = m_high = QPointF(x, y);
    } else if (y < m_low.y()) {
        m_low = QPointF(x, y);
    } else if (y > m_high.y()) {
        m_high = QPointF(x, y);
    }
    m_minimum = std::min(m_minimum, y);
    m_maximum = std::max(m_maximum, y);
}

QList<QPointF> SeriesDecimator::take()
{
    flush();
    m_bucket = -1;
    QList<QPointF> points;
    points.swap(m_points);
    return points;
}

void SeriesDecimator::flush()
{
    if (m_bucket < 0)
        return;
    if (m_low == m_high) {
        m_points.append(m_low);
    } else if (m_low.x() <= m_high.x()) {
        m_points.append(m_low);
        m_points.append(m_high);
    } else {
        m_points.append(m_high);
        m_points.append(m_low);
    }
    m_bucket = -1;
}
