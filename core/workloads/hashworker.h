#pragma once

#include "limitedworker.h"
#include "sha256.h"

#include <QByteArray>

#include <atomic>

namespace shoal {

/// A hash payload that the worker expands itself: \a size bytes of a fixed pseudo-random
/// stream chosen by \a seed (see HashWorker::expand()). The worker keeps the last expansion,
/// so repeated jobs measure hashing, not filling memory.
struct HashJob {
    qint64 size = 0;  ///< bytes to hash, >= 0
    quint64 seed = 0; ///< which stream
};

/// What a hash job returns.
struct HashResult {
    Sha256::Digest digest{};  ///< SHA-256 of the payload; meaningless when interrupted
    qint64 bytes = 0;         ///< bytes hashed (all of them unless interrupted)
    bool interrupted = false; ///< the caller gave up and the job stopped early

    /// The digest in lowercase hex, as sha256sum prints it.
    QByteArray hex() const { return Sha256::toHex(digest); }
};

/// SHA-256 of a QByteArray or a HashJob payload, with one reusable libcrypto context and one
/// reusable payload buffer per worker. The interrupt flag is checked between 64 KiB chunks, so
/// an abandoned job stops within one chunk and returns a HashResult marked interrupted (the
/// pool discards it). Any other payload type fails the call (std::invalid_argument).
class HashWorker final : public LimitedWorker {
public:
    /// The unit of work between two interrupt checks.
    static constexpr qint64 ChunkBytes = 64 * 1024;

    /// \a limiter may be null. Runs on the thread that creates or grows the pool.
    explicit HashWorker(std::shared_ptr<RateLimiter> limiter);
    ~HashWorker() override;

    /// Worker's thread. Returns a HashResult.
    std::any process(std::any payload) override;
    /// Abandoning thread. Records progress for bytesHashedAtInterrupt(); the job itself
    /// stops on the pool's interrupt flag.
    void interrupt() override;

    /// Bytes of the current or last job hashed so far. Any thread.
    qint64 bytesHashed() const noexcept { return m_bytesHashed.load(std::memory_order_relaxed); }
    /// bytesHashed() when interrupt() last ran; -1 before any interrupt. Any thread.
    qint64 bytesHashedAtInterrupt() const noexcept
    {
        return m_bytesAtInterrupt.load(std::memory_order_relaxed);
    }
    /// Jobs that process() has finished, interrupted ones included. Any thread.
    qint64 jobsDone() const noexcept { return m_jobsDone.load(std::memory_order_acquire); }

    /// Writes bytes [offset, offset + size) of the stream for \a seed to \a out; \a offset is a
    /// multiple of 8. The stream is SplitMix64: 64-bit word i is the SplitMix64 output for
    /// state seed + (i + 1) * 0x9E3779B97F4A7C15, stored little-endian. Any thread.
    static void expand(quint64 seed, qint64 offset, qint64 size, char* out);
    /// The whole payload a HashJob stands for. Any thread.
    static QByteArray expanded(const HashJob& job);

private:
    /// Makes m_buffer hold \a job's bytes; false when interrupted first.
    bool prepare(const HashJob& job);
    HashResult hash(const char* data, qint64 size);

    Sha256 m_sha;                               ///< reused for every job
    QByteArray m_buffer;                        ///< the last HashJob's bytes, reused
    HashJob m_buffered{-1, 0};                  ///< what m_buffer holds; size -1 = nothing valid
    std::atomic<qint64> m_bytesHashed{0};       ///< progress of the current job
    std::atomic<qint64> m_bytesAtInterrupt{-1}; ///< progress seen by the last interrupt()
    std::atomic<qint64> m_jobsDone{0};          ///< process() calls finished
};

} // namespace shoal
