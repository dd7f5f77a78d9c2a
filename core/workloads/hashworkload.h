#pragma once

#include "liveparams.h"
#include "paramschema.h"
#include "workload.h"

#include <mutex>

namespace shoal {

/// SHA-256 hashing as a workload: every call hashes the same payloadBytes-byte pseudo-random
/// payload (HashJob), which each worker expands once into its own buffer. Parameters:
/// payloadBytes (1 .. 256 MiB), seed. Workers return HashResult.
class HashWorkload final : public Workload {
public:
    /// The parameters this kind accepts, with their defaults and ranges.
    static const ParamSchema& schema();
    /// Null with \a error set when \a params are refused. Any thread.
    static std::unique_ptr<HashWorkload>
    create(const QVariantMap& params, std::shared_ptr<RateLimiter> limiter, ParamError& error);

    QString kind() const override { return QStringLiteral("hash"); }
    std::unique_ptr<Worker> makeWorker() override;
    std::any makePayload(quint64 sequence) override;
    ParamError setParam(const QString& key, const QVariant& value) override;
    QVariantMap params() const override;

private:
    /// What a payload is made from.
    struct Settings {
        qint64 payloadBytes = 0; ///< bytes per job
        quint64 seed = 0;        ///< which pseudo-random stream
    };
    static Settings settingsFrom(const QVariantMap& values);
    HashWorkload(const QVariantMap& values, std::shared_ptr<RateLimiter> limiter);

    std::shared_ptr<RateLimiter> m_limiter; ///< shared by all workers; may be null
    mutable std::mutex m_valuesMutex;       ///< guards m_values and serialises setParam
    QVariantMap m_values;                   ///< every parameter, normalized
    LiveParams<Settings> m_settings;        ///< read per payload, any thread
};

} // namespace shoal
