#pragma once

#include "poolerror.h"

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <system_error>

namespace shoal {

/// How one call ended, as the pool, the load generator, the sampler, the summary and the
/// exports all count it.
enum class Outcome : std::uint8_t {
    Completed,  ///< a result was delivered
    TimedOut,   ///< JobTimedOut
    Canceled,   ///< Canceled or DeadlineExceeded
    Failed,     ///< WorkerThrew, JobNotFunc or another error from a worker
    Rejected,   ///< QueueFull
    NotRunning, ///< PoolNotRunning
};

/// Every outcome, in the order counts, columns and keys list them.
inline constexpr std::array<Outcome, 6> kOutcomes = {Outcome::Completed, Outcome::TimedOut,
                                                     Outcome::Canceled,  Outcome::Failed,
                                                     Outcome::Rejected,  Outcome::NotRunning};

/// The name of \a outcome as JSON keys spell it: "completed", "timedOut", ..., "notRunning".
constexpr const char* outcomeKey(Outcome outcome) noexcept
{
    constexpr const char* keys[] = {"completed", "timedOut", "canceled",
                                    "failed",    "rejected", "notRunning"};
    return keys[static_cast<int>(outcome)];
}

/// The name of \a outcome as CSV columns spell it: "completed", "timed_out", ..., "not_running".
constexpr const char* outcomeColumn(Outcome outcome) noexcept
{
    constexpr const char* columns[] = {"completed", "timed_out", "canceled",
                                       "failed",    "rejected",  "not_running"};
    return columns[static_cast<int>(outcome)];
}

/// The outcome of a call that ended with \a error (no error: Completed). Any thread; cheap.
inline Outcome outcomeOf(const std::error_code& error) noexcept
{
    if (!error)
        return Outcome::Completed;
    if (error.category() != poolCategory())
        return Outcome::Failed;
    switch (static_cast<PoolErrc>(error.value())) {
    case PoolErrc::JobTimedOut:
        return Outcome::TimedOut;
    case PoolErrc::Canceled:
    case PoolErrc::DeadlineExceeded:
        return Outcome::Canceled;
    case PoolErrc::QueueFull:
        return Outcome::Rejected;
    case PoolErrc::PoolNotRunning:
        return Outcome::NotRunning;
    default:
        return Outcome::Failed;
    }
}

/// Calls made and how many ended each way: the pool's, the load generator's and every row's
/// count, in one shape. When nothing is outstanding, submitted == finished(). A value snapshot;
/// copy freely.
struct OutcomeCounts {
    qint64 submitted = 0;  ///< calls made, in any form
    qint64 completed = 0;  ///< results delivered
    qint64 timedOut = 0;   ///< JobTimedOut
    qint64 canceled = 0;   ///< Canceled or DeadlineExceeded
    qint64 failed = 0;     ///< WorkerThrew, JobNotFunc or another error from a worker
    qint64 rejected = 0;   ///< QueueFull
    qint64 notRunning = 0; ///< PoolNotRunning

    /// The count of \a outcome.
    qint64& operator[](Outcome outcome) noexcept
    {
        switch (outcome) {
        case Outcome::Completed:
            return completed;
        case Outcome::TimedOut:
            return timedOut;
        case Outcome::Canceled:
            return canceled;
        case Outcome::Failed:
            return failed;
        case Outcome::Rejected:
            return rejected;
        case Outcome::NotRunning:
            break;
        }
        return notRunning;
    }
    /// See the non-const overload.
    qint64 operator[](Outcome outcome) const noexcept
    {
        return const_cast<OutcomeCounts&>(*this)[outcome];
    }

    /// Calls that have an outcome.
    qint64 finished() const
    {
        return completed + timedOut + canceled + failed + rejected + notRunning;
    }
    /// Calls made and not yet answered (waiting, running, or on their way back).
    qint64 outstanding() const { return submitted - finished(); }

    bool operator==(const OutcomeCounts&) const = default;
};

} // namespace shoal
