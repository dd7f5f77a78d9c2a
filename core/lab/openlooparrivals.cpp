#include "openlooparrivals.h"

#include <algorithm>

namespace shoal {

OpenLoopArrivals::OpenLoopArrivals(ArrivalProcess process, double ratePerSec, quint64 seed)
    : m_schedule(process, ratePerSec, seed)
{}

void OpenLoopArrivals::scheduleFrom(Clock::time_point from)
{
    const auto gap = m_schedule.nextGap();
    m_next = gap ? std::optional(from + *gap) : std::nullopt;
}

void OpenLoopArrivals::setOpen(bool open, Clock::time_point now)
{
    m_open = open;
    m_next.reset();
    if (open) {
        m_last = now;
        scheduleFrom(now);
    }
}

void OpenLoopArrivals::setRate(double ratePerSec, Clock::time_point now)
{
    m_schedule.setRate(ratePerSec);
    if (!m_open)
        return;
    const auto gap = m_schedule.nextGap();
    m_next = gap ? std::optional(std::max(m_last + *gap, now)) : std::nullopt;
}

void OpenLoopArrivals::restartFrom(Clock::time_point now)
{
    if (m_open)
        scheduleFrom(now);
}

void OpenLoopArrivals::takeDue(Clock::time_point now, std::size_t room,
                               std::vector<PlannedCall>& calls)
{
    for (; m_open && m_next && *m_next <= now && room > 0; --room) {
        calls.push_back({*m_next, -1});
        m_last = *m_next;
        scheduleFrom(m_last);
    }
}

} // namespace shoal
