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
