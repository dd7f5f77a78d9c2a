#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace shoal {

LatencyHistogram& LatencyHistogram::operator=(const LatencyHistogram& other)
{
    for (int i = 0; i < BucketCount; ++i)
        m_buckets[i].store(other.m_buckets[i].load(std::memory_order_relaxed),
                           std::memory_order_relaxed);
    return *this;
}

int LatencyHistogram::bucketOf(std::uint64_t ns) noexcept
{
    if (ns < SubBuckets)
        return static_cast<int>(ns);
    const int exponent = std::bit_width(ns) - 1; // >= SubBucketBits
    if (exponent > MaxExponent)
        return BucketCount - 1;
    const int shift = exponent - SubBucketBits;
    const auto sub = static_cast<int>((ns >> shift) - SubBuckets); // 0..63
    return (shift + 1) * SubBuckets + sub;
}

std::uint64_t LatencyHistogram::valueOf(int bucket) noexcept
{
    if (bucket < SubBuckets)
        return static_cast<std::uint64_t>(bucket);
    const int shift = bucket / SubBuckets - 1;
    const auto sub = static_cast<std::uint64_t>(bucket % SubBuckets);
    const std::uint64_t low = (SubBuckets + sub) << shift;
    const std::uint64_t width = std::uint64_t{1} << shift;
    return low + width / 2;
}

void LatencyHistogram::record(std::chrono::nanoseconds value) noexcept
{
    auto& bucket =
        m_buckets[bucketOf(static_cast<std::uint64_t>(std::max<long long>(0, value.count())))];
    bucket.store(bucket.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

void LatencyHistogram::recordShared(std::chrono::nanoseconds value) noexcept
{
    m_buckets[bucketOf(static_cast<std::uint64_t>(std::max<long long>(0, value.count())))]
        .fetch_add(1, std::memory_order_relaxed);
}

void LatencyHistogram::add(const LatencyHistogram& other) noexcept
{
    for (int i = 0; i < BucketCount; ++i) {
        const auto n = other.m_buckets[i].load(std::memory_order_relaxed);
        if (n)
            m_buckets[i].store(m_buckets[i].load(std::memory_order_relaxed) + n,
                               std::memory_order_relaxed);
    }
}

void LatencyHistogram::subtract(const LatencyHistogram& earlier) noexcept
{
    for (int i = 0; i < BucketCount; ++i) {
        const auto mine = m_buckets[i].load(std::memory_order_relaxed);
        const auto theirs = earlier.m_buckets[i].load(std::memory_order_relaxed);
        m_buckets[i].store(mine > theirs ? mine - theirs : 0, std::memory_order_relaxed);
    }
}

void LatencyHistogram::clear() noexcept
{
    for (auto& bucket : m_buckets)
        bucket.store(0, std::memory_order_relaxed);
}

std::uint64_t LatencyHistogram::count() const noexcept
{
    std::uint64_t total = 0;
    for (const auto& bucket : m_buckets)
        total += bucket.load(std::memory_order_relaxed);
    return total;
}

std::chrono::nanoseconds LatencyHistogram::percentile(double q) const noexcept
{
    const auto total = count();
    if (total == 0)
        return std::chrono::nanoseconds{0};
    q = std::clamp(q, 0.0, 1.0);
    // The rank of the q-quantile, 1-based, as in the nearest-rank definition.
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total))));
    std::uint64_t seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_buckets[i].load(std::memory_order_relaxed);
        if (seen >= rank)
            return std::chrono::nanoseconds{static_cast<long long>(valueOf(i))};
    }
    return max();
}

std::chrono::nanoseconds LatencyHistogram::max() const noexcept
{
    for (int i = BucketCount - 1; i >= 0; --i)
        if (m_buckets[i].load(std::memory_order_relaxed))
            return std::chrono::nanoseconds{static_cast<long long>(valueOf(i))};
    return std::chrono::nanoseconds{0};
}

} // namespace shoal
