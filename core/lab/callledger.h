#pragma once

#include "callcounters.h"

#include "pool/latencyhistogram.h"
#include "pool/outcome.h"

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>

namespace shoal {

/// The load generator's books: its call budget, every call handed to the pool, every outcome,
/// the peak of calls outstanding and the end-to-end latency. Lock-free; any thread (the pacer and
/// the caller threads record submissions, completion threads record outcomes, the monitor reads).
/// Outcomes are counted with release and read before the submissions, so a reader never sees an
/// outcome without its call (counters().outstanding() is never negative). Besides the atomics,
/// a short lock keeps the time integrals (CallTimeTotals) exact.
class CallLedger {
public:
    /// \a maxCalls is the budget of calls; 0 = no limit.
    explicit CallLedger(qint64 maxCalls);
    CallLedger(const CallLedger&) = delete;
    CallLedger& operator=(const CallLedger&) = delete;

    /// Takes one call from the budget: false (and limitReached() from then on) once it is spent.
    bool reserve() noexcept;
    /// True once reserve() has refused a call.
    bool limitReached() const noexcept { return m_limitReached.load(std::memory_order_relaxed); }

    /// Counts a call about to be handed to the pool; before the pool sees it, so that its
    /// outcome can never be counted first.
    void recordSubmitted() noexcept;
    /// Counts the outcome of a call recorded by recordSubmitted(), which waited \a latency from
    /// its intended start. Refusals (Rejected, NotRunning) fail at once: their zero wait would
    /// only dilute the latency of real calls, so it is left out.
    void recordOutcome(Outcome outcome, std::chrono::nanoseconds latency) noexcept;

    /// The counts, outcomes read before submissions (see the class comment).
    CallCounters counters() const noexcept;
    /// End-to-end latency of the calls that waited for an answer, cumulative. A copy.
    LatencyHistogram latency() const { return m_latency; }
    /// The most calls that were ever outstanding at once.
    qint64 peakOutstanding() const noexcept { return m_peak.load(std::memory_order_relaxed); }
    /// The time integrals up to now.
    CallTimeTotals timeTotals() const;

private:
    /// A counter alone on its cache line: completions on different threads do not contend.
    struct alignas(64) PaddedCounter {
        std::atomic<qint64> value{0}; ///< the count
    };

    const qint64 m_maxCalls;                 ///< 0 = no limit
    std::atomic<qint64> m_reserved{0};       ///< calls taken from the budget, or tried
    std::atomic<bool> m_limitReached{false}; ///< set by the first refused reserve()
    PaddedCounter m_submitted;               ///< calls handed to the pool
    std::array<PaddedCounter, kOutcomes.size()> m_outcome; ///< by Outcome
    std::atomic<qint64> m_outstanding{0};                  ///< for the peak only
    std::atomic<qint64> m_peak{0};                         ///< the most outstanding at once
    LatencyHistogram m_latency;                            ///< recordShared from completions

    /// Adds the calls outstanding since the last change to the integral; under m_timeMutex.
    void advanceTo(std::chrono::steady_clock::time_point now) const noexcept;
    mutable std::mutex m_timeMutex;                             ///< guards the members below
    mutable CallTimeTotals m_time;                              ///< up to m_lastChange
    mutable std::chrono::steady_clock::time_point m_lastChange; ///< of m_open
    qint64 m_open = 0;                                          ///< calls outstanding
};

// Inline: every call passes through these, on the pacer and on completion threads.

inline bool CallLedger::reserve() noexcept
{
    if (m_maxCalls > 0 && m_reserved.fetch_add(1, std::memory_order_relaxed) >= m_maxCalls) {
        m_limitReached.store(true, std::memory_order_relaxed);
        return false;
    }
    return true;
}

inline void CallLedger::recordSubmitted() noexcept
{
    m_submitted.value.fetch_add(1, std::memory_order_relaxed);
    const qint64 now = m_outstanding.fetch_add(1, std::memory_order_relaxed) + 1;
    qint64 peak = m_peak.load(std::memory_order_relaxed);
    while (peak < now && !m_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
    std::lock_guard lock(m_timeMutex);
    advanceTo(std::chrono::steady_clock::now());
    ++m_open;
}

inline void CallLedger::advanceTo(std::chrono::steady_clock::time_point now) const noexcept
{
    if (now > m_lastChange) {
        m_time.inSystem += m_open * (now - m_lastChange);
        m_lastChange = now;
    }
}

inline void CallLedger::recordOutcome(Outcome outcome, std::chrono::nanoseconds latency) noexcept
{
    const bool waited = outcome != Outcome::Rejected && outcome != Outcome::NotRunning;
    if (waited)
        m_latency.recordShared(latency);
    {
        std::lock_guard lock(m_timeMutex);
        advanceTo(std::chrono::steady_clock::now());
        --m_open;
        if (waited) {
            m_time.latencySum += latency;
            ++m_time.latencyCount;
        }
    }
    // Release: a reader that sees this outcome also sees the call's submitted count.
    m_outcome[static_cast<std::size_t>(outcome)].value.fetch_add(1, std::memory_order_release);
    m_outstanding.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace shoal
