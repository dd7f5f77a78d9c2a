#include "hashworker.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace shoal {
namespace {

constexpr quint64 kGamma = 0x9E3779B97F4A7C15ULL;

quint64 splitMix(quint64 state)
{
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

HashWorker::HashWorker(std::shared_ptr<RateLimiter> limiter)
    : LimitedWorker(std::move(limiter))
{}

HashWorker::~HashWorker() = default;

void HashWorker::expand(quint64 seed, qint64 offset, qint64 size, char* out)
{
    quint64 word = static_cast<quint64>(offset) / 8;
    qint64 done = 0;
    while (done < size) {
        const quint64 value = qToLittleEndian(splitMix(seed + (word + 1) * kGamma));
        const auto n = std::min<qint64>(8, size - done);
        std::memcpy(out + done, &value, static_cast<std::size_t>(n));
        done += n;
        ++word;
    }
}

QByteArray HashWorker::expanded(const HashJob& job)
{
    QByteArray bytes(job.size, Qt::Uninitialized);
    expand(job.seed, 0, job.size, bytes.data());
    return bytes;
}

bool HashWorker::prepare(const HashJob& job)
{
    if (m_buffered.size == job.size && m_buffered.seed == job.seed)
        return true;
    m_buffered.size = -1;
    // resize() keeps the allocation when shrinking, so alternating sizes do not reallocate.
    m_buffer.resize(job.size);
    char* out = m_buffer.data();
    for (qint64 offset = 0; offset < job.size; offset += ChunkBytes) {
        if (isInterrupted())
            return false;
        expand(job.seed, offset, std::min(ChunkBytes, job.size - offset), out + offset);
    }
    m_buffered = job;
    return true;
}

HashResult HashWorker::hash(const char* data, qint64 size)
{
    HashResult result;
    m_sha.reset();
    qint64 done = 0;
    while (done < size) {
        if (isInterrupted()) {
            result.interrupted = true;
            break;
        }
        const qint64 n = std::min(ChunkBytes, size - done);
        m_sha.update(data + done, static_cast<std::size_t>(n));
        done += n;
        m_bytesHashed.store(done, std::memory_order_relaxed);
    }
    result.bytes = done;
    if (!result.interrupted)
        result.digest = m_sha.finish();
    return result;
}

std::any HashWorker::process(std::any payload)
{
    m_bytesHashed.store(0, std::memory_order_relaxed);
    HashResult result;
    if (const auto* job = std::any_cast<HashJob>(&payload)) {
        if (job->size < 0)
            throw std::invalid_argument("hash worker: negative payload size");
        if (prepare(*job))
            result = hash(m_buffer.constData(), job->size);
        else
            result.interrupted = true;
    } else if (const auto* bytes = std::any_cast<QByteArray>(&payload)) {
        result = hash(bytes->constData(), bytes->size());
    } else {
        throw std::invalid_argument("hash worker: payload must be a QByteArray or a HashJob");
    }
    m_jobsDone.fetch_add(1, std::memory_order_release);
    return result;
}

void HashWorker::interrupt()
{
    m_bytesAtInterrupt.store(m_bytesHashed.load(std::memory_order_relaxed),
                             std::memory_order_relaxed);
}

} // namespace shoal
