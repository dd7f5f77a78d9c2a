#include "callledger.h"

namespace shoal {

CallLedger::CallLedger(qint64 maxCalls)
    : m_maxCalls(maxCalls)
{}

CallCounters CallLedger::counters() const noexcept
{
    // Outcomes first (acquire), calls made last: every outcome read here was counted after its
    // call was, so submitted covers it and outstanding() is never negative.
    CallCounters c;
    for (const Outcome outcome : kOutcomes)
        c[outcome] =
            m_outcome[static_cast<std::size_t>(outcome)].value.load(std::memory_order_acquire);
    c.submitted = m_submitted.value.load(std::memory_order_acquire);
    return c;
}

CallTimeTotals CallLedger::timeTotals() const
{
    std::lock_guard lock(m_timeMutex);
    advanceTo(std::chrono::steady_clock::now());
    return m_time;
}

} // namespace shoal
