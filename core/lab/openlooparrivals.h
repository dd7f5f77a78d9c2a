#pragma once

#include "arrivalschedule.h"
#include "plannedcall.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace shoal {

/// The open loop's arrival times: when the next arrival is due, as the loop opens and closes,
/// the rate changes and the generator resumes. Spacing and seed come from an ArrivalSchedule.
/// A value type for one thread (the generator's pacer); not thread-safe.
class OpenLoopArrivals {
public:
    using Clock = std::chrono::steady_clock;

    /// Closed until setOpen(true, ...). \a ratePerSec <= 0 means no arrivals.
    OpenLoopArrivals(ArrivalProcess process, double ratePerSec, quint64 seed);

    /// Opens the loop (arrivals from \a now on, the first one a gap after it) or closes it (no
    /// arrivals until it opens again).
    void setOpen(bool open, Clock::time_point now);
    /// Changes the rate: the next arrival is one new gap after the latest one made, but never
    /// before \a now (a lower rate does not strand arrivals in the past; a rate of 0 stops them).
    void setRate(double ratePerSec, Clock::time_point now);
    /// After a pause: the next arrival is a gap after \a now, with no catch-up for the pause.
    void restartFrom(Clock::time_point now);

    /// Appends the arrivals due by \a now to \a calls, at most \a room of them.
    void takeDue(Clock::time_point now, std::size_t room, std::vector<PlannedCall>& calls);
    /// When the next arrival is due; nothing while the loop is closed or the rate is 0.
    std::optional<Clock::time_point> nextDue() const { return m_next; }
    /// True while the loop is open.
    bool isOpen() const { return m_open; }

private:
    /// Schedules the next arrival a gap after \a from (or none at rate 0).
    void scheduleFrom(Clock::time_point from);

    ArrivalSchedule m_schedule;              ///< the gaps
    bool m_open = false;                     ///< arrivals are made only while open
    Clock::time_point m_last;                ///< the latest arrival made, or when the loop opened
    std::optional<Clock::time_point> m_next; ///< the next arrival due
};

} // namespace shoal
