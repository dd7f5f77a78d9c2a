#include "callledger.h"

namespace shoal {

CallLedger::CallLedger(qint64 maxCalls)
    : m_maxCalls(maxCalls)
{}

bool CallLedger::reserve() noexcept
{
    if (m_maxCalls > 0 && m_reserved.fetch_add(1, std::memory_order_relaxed) >= m_maxCalls) {
        m_limitReached.store(true, std::memory_order_relaxed);
        return false;
    }
    return true;
}

void CallLedger::recordSubmitted() noexcept
{
    m_submitted.value.fetch_add(1, std::memory_order_relaxed);
    const qint64 now = m_outstanding.fetch_add(1, std::memory_order_relaxed) + 1;
    qint64 peak = m_peak.load(std::memory_order_relaxed);
    while (peak < now && !m_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}

void CallLedger::recordOutcome(Outcome outcome, std::chrono::nanoseconds latency) noexcept
{
    if (outcome != Rejected && outcome != NotRunning)
        m_latency.recordShared(latency);
    // Release: a reader that sees this outcome also sees the call's submitted count.
    m_outcome[outcome].value.fetch_add(1, std::memory_order_release);
    m_outstanding.fetch_sub(1, std::memory_order_relaxed);
}

CallCounters CallLedger::counters() const noexcept
{
    // Outcomes first (acquire), calls made last: every outcome read here was counted after its
    // call was, so submitted covers it and outstanding() is never negative.
    CallCounters c;
    c.completed = m_outcome[Completed].value.load(std::memory_order_acquire);
    c.timedOut = m_outcome[TimedOut].value.load(std::memory_order_acquire);
    c.canceled = m_outcome[Canceled].value.load(std::memory_order_acquire);
    c.failed = m_outcome[Failed].value.load(std::memory_order_acquire);
    c.rejected = m_outcome[Rejected].value.load(std::memory_order_acquire);
    c.notRunning = m_outcome[NotRunning].value.load(std::memory_order_acquire);
    c.submitted = m_submitted.value.load(std::memory_order_acquire);
    return c;
}

} // namespace shoal
