#include "closedloopcallers.h"

#include <algorithm>

namespace shoal {
namespace {

/// Orders the due heap: the earliest call on top.
bool later(const PlannedCall& a, const PlannedCall& b)
{
    return a.intended > b.intended;
}

} // namespace

ClosedLoopCallers::ClosedLoopCallers(int maxCallers, int callers, bool loopClosed,
                                     const std::atomic<OfferPhase>& phase,
                                     std::function<void()> wakePacer)
    : m_maxCallers(maxCallers)
    , m_phase(phase)
    , m_wakePacer(std::move(wakePacer))
    , m_calling(std::make_unique<std::atomic<bool>[]>(static_cast<std::size_t>(maxCallers)))
    , m_count(std::clamp(callers, 0, maxCallers))
    , m_closed(loopClosed)
{
    m_target.store(loopClosed ? m_count : 0, std::memory_order_seq_cst);
}

bool ClosedLoopCallers::setCount(int callers)
{
    std::lock_guard lock(m_mutex);
    m_count = std::clamp(callers, 0, m_maxCallers);
    if (m_closed)
        m_target.store(m_count, std::memory_order_seq_cst);
    return m_closed;
}

bool ClosedLoopCallers::setLoopClosed(bool closed)
{
    std::lock_guard lock(m_mutex);
    if (m_closed == closed)
        return false;
    m_closed = closed;
    // Callers above the target end after their current call (see the generator's next()).
    m_target.store(closed ? m_count : 0, std::memory_order_seq_cst);
    return true;
}

bool ClosedLoopCallers::isLoopClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

bool ClosedLoopCallers::activate(int caller)
{
    bool expected = false;
    if (!m_calling[caller].compare_exchange_strong(expected, true, std::memory_order_seq_cst))
        return false;
    m_active.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void ClosedLoopCallers::retire(int caller, bool mayRestart)
{
    m_calling[caller].store(false, std::memory_order_seq_cst);
    m_active.fetch_sub(1, std::memory_order_relaxed);
    if (!mayRestart)
        return;
    // setCount() stores the target and then the pacer tries to start every caller below it; one
    // of the two of us sees the other, and activate() lets only one restart the caller.
    if (m_phase.load(std::memory_order_seq_cst) == OfferPhase::Running && caller < target() &&
        activate(caller)) {
        bool earliest = false;
        {
            std::lock_guard lock(m_mutex);
            earliest = pushDue(caller, Clock::now());
        }
        if (earliest)
            m_wakePacer();
    }
}

bool ClosedLoopCallers::pushDue(int caller, Clock::time_point at)
{
    const bool earliest = m_due.empty() || at < m_due.front().intended;
    m_due.push_back({at, caller});
    std::push_heap(m_due.begin(), m_due.end(), later);
    return earliest;
}

ClosedLoopCallers::Deferral ClosedLoopCallers::defer(int caller, Clock::time_point at)
{
    Deferral deferral = Deferral::Timed;
    bool earliest = false;
    {
        std::lock_guard lock(m_mutex);
        switch (m_phase.load(std::memory_order_seq_cst)) {
        case OfferPhase::Paused:
            m_parked.push_back(caller);
            deferral = Deferral::Parked;
            break;
        case OfferPhase::Stopped:
            deferral = Deferral::Ended;
            break;
        case OfferPhase::Idle:
        case OfferPhase::Running:
            earliest = pushDue(caller, at);
            break;
        }
    }
    if (deferral == Deferral::Ended)
        retire(caller, false);
    if (earliest)
        m_wakePacer();
    return deferral;
}

void ClosedLoopCallers::startBelowTarget(Clock::time_point now, std::vector<PlannedCall>& calls)
{
    const int below = target();
    for (int caller = 0; caller < below; ++caller) {
        if (activate(caller))
            calls.push_back({now, caller});
    }
}

void ClosedLoopCallers::takeDue(Clock::time_point now, std::size_t room,
                                std::vector<PlannedCall>& calls, std::vector<int>& surplus)
{
    std::lock_guard lock(m_mutex);
    for (; !m_due.empty() && m_due.front().intended <= now && room > 0; --room) {
        std::pop_heap(m_due.begin(), m_due.end(), later);
        const PlannedCall due = m_due.back();
        m_due.pop_back();
        if (due.caller < target())
            calls.push_back(due);
        else
            surplus.push_back(due.caller);
    }
}

void ClosedLoopCallers::parkDue()
{
    // Think times that end during a pause resume with it, timed from the resume.
    std::lock_guard lock(m_mutex);
    for (const PlannedCall& due : m_due)
        m_parked.push_back(due.caller);
    m_due.clear();
}

void ClosedLoopCallers::takeParked(Clock::time_point now, std::vector<PlannedCall>& calls,
                                   std::vector<int>& surplus)
{
    std::lock_guard lock(m_mutex);
    for (const int caller : m_parked) {
        if (caller < target())
            calls.push_back({now, caller});
        else
            surplus.push_back(caller);
    }
    m_parked.clear();
}

void ClosedLoopCallers::takeWaiting(std::vector<int>& ended)
{
    std::lock_guard lock(m_mutex);
    for (const PlannedCall& due : m_due)
        ended.push_back(due.caller);
    ended.insert(ended.end(), m_parked.begin(), m_parked.end());
    m_due.clear();
    m_parked.clear();
}

std::optional<ClosedLoopCallers::Clock::time_point> ClosedLoopCallers::nextDue() const
{
    std::lock_guard lock(m_mutex);
    if (m_due.empty())
        return std::nullopt;
    return m_due.front().intended;
}

} // namespace shoal
