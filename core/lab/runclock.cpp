#include "runclock.h"

#include <algorithm>
#include <cmath>

namespace shoal {

void RunClock::start()
{
    m_activeNs = 0;
    m_wall.start();
    m_activeSince.start();
}

void RunClock::pause()
{
    if (!m_activeSince.isValid())
        return;
    m_activeNs += m_activeSince.nsecsElapsed();
    m_activeSince.invalidate();
}

void RunClock::resume()
{
    if (!m_activeSince.isValid())
        m_activeSince.start();
}

double RunClock::wallSec() const
{
    return m_wall.isValid() ? static_cast<double>(m_wall.nsecsElapsed()) / 1e9 : 0;
}

double RunClock::runSec() const
{
    const qint64 ns = m_activeNs + (m_activeSince.isValid() ? m_activeSince.nsecsElapsed() : 0);
    return static_cast<double>(ns) / 1e9;
}

int RunClock::msUntil(double seconds)
{
    return static_cast<int>(std::clamp(std::ceil(seconds * 1000.0), 0.0, 2'000'000'000.0));
}

} // namespace shoal
