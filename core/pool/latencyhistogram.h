#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace shoal {

/// A log-linear histogram of durations (HDR-style): exact below 64 ns, then 64 buckets per
/// power of two, so any percentile it reports is within 0.8% of the true value. Durations from
/// 0 to ~4.9 hours; longer ones land in the last bucket.
///
/// Recording is lock-free. record() is for a single writer (a worker recording its own jobs:
/// a relaxed load and store, no read-modify-write); recordShared() is for many writers. Any
/// thread may read or copy() concurrently: each bucket is read atomically, the whole is not a
/// single snapshot, which is what a monitor needs. Histograms merge by add() and diff by subtract()
/// (cumulative snapshots minus the previous one give an interval's distribution).
class LatencyHistogram {
public:
    static constexpr int SubBucketBits = 6;
    static constexpr int SubBuckets = 1 << SubBucketBits;
    static constexpr int MaxExponent = 44; ///< 2^44 ns ≈ 4.9 h
    static constexpr int BucketCount = (MaxExponent - SubBucketBits + 1) * SubBuckets;

    LatencyHistogram() = default;
    LatencyHistogram(const LatencyHistogram& other) { *this = other; }
    LatencyHistogram& operator=(const LatencyHistogram& other);

    void record(std::chrono::nanoseconds value) noexcept;
    void recordShared(std::chrono::nanoseconds value) noexcept;

    void add(const LatencyHistogram& other) noexcept;
    /// Removes \a earlier's counts; \a earlier must be an older copy of this same series.
    void subtract(const LatencyHistogram& earlier) noexcept;
    void clear() noexcept;

    std::uint64_t count() const noexcept;
    /// The value at quantile \a q in [0, 1] (0.5 = median); zero when empty.
    std::chrono::nanoseconds percentile(double q) const noexcept;
    /// The largest recorded value's bucket (within 0.8%); zero when empty.
    std::chrono::nanoseconds max() const noexcept;

    static int bucketOf(std::uint64_t nanoseconds) noexcept;
    /// The representative value of a bucket: its midpoint.
    static std::uint64_t valueOf(int bucket) noexcept;

private:
    std::array<std::atomic<std::uint64_t>, BucketCount> m_buckets{}; ///< counts per bucket
};

} // namespace shoal
