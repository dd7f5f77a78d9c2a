#pragma once

#include <QRect>

#include <cmath>

/// Run seconds to x pixels across a plot: the one mapping the charts, their markers and the
/// worker lanes share, so the same time is the same column everywhere. A value; any thread.
class TimeMapping {
public:
    /// [\a fromSec, \a toSec] across \a plot's width (\a toSec > \a fromSec).
    TimeMapping(double fromSec, double toSec, const QRect& plot)
        : m_fromSec(fromSec)
        , m_left(plot.left())
        , m_scale(plot.width() / (toSec - fromSec))
    {}

    /// The x of \a sec, unrounded.
    double x(double sec) const { return m_left + (sec - m_fromSec) * m_scale; }
    /// The pixel column of \a sec, rounded to the nearest (grid lines and ticks).
    int column(double sec) const
    {
        return m_left + static_cast<int>(std::lround((sec - m_fromSec) * m_scale));
    }
    /// The pixel column \a sec falls in (the left edge of a stretch).
    int floorColumn(double sec) const { return static_cast<int>(std::floor(x(sec))); }
    /// Pixels per second.
    double scale() const { return m_scale; }

private:
    double m_fromSec;
    int m_left;
    double m_scale;
};
