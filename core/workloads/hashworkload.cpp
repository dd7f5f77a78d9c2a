#include "hashworkload.h"

#include "hashworker.h"

namespace shoal {

const ParamSchema& HashWorkload::schema()
{
    static const ParamSchema schema =
        ParamSchema()
            .addInteger(QStringLiteral("payloadBytes"), 1 << 20, 1, qint64(256) << 20)
            .addInteger(QStringLiteral("seed"), 1, 0, (qint64(1) << 53) - 1);
    return schema;
}

HashWorkload::Settings HashWorkload::settingsFrom(const QVariantMap& values)
{
    return {values.value(QStringLiteral("payloadBytes")).toLongLong(),
            values.value(QStringLiteral("seed")).toULongLong()};
}

std::unique_ptr<HashWorkload> HashWorkload::create(const QVariantMap& params,
                                                   std::shared_ptr<RateLimiter> limiter,
                                                   ParamError& error)
{
    QVariantMap values;
    error = schema().resolve(params, &values);
    if (error)
        return nullptr;
    return std::unique_ptr<HashWorkload>(new HashWorkload(values, std::move(limiter)));
}

HashWorkload::HashWorkload(const QVariantMap& values, std::shared_ptr<RateLimiter> limiter)
    : m_limiter(std::move(limiter))
    , m_values(values)
    , m_settings(settingsFrom(values))
{}

std::unique_ptr<Worker> HashWorkload::makeWorker()
{
    return std::make_unique<HashWorker>(m_limiter);
}

std::any HashWorkload::makePayload(quint64 /*sequence*/)
{
    const auto settings = m_settings.get();
    return HashJob{settings->payloadBytes, settings->seed};
}

ParamError HashWorkload::setParam(const QString& key, const QVariant& value)
{
    QVariant normalized;
    if (ParamError e = schema().check(key, value, &normalized))
        return e;
    std::lock_guard lock(m_valuesMutex);
    m_values.insert(key, normalized);
    m_settings.set(settingsFrom(m_values));
    return {};
}

QVariantMap HashWorkload::params() const
{
    std::lock_guard lock(m_valuesMutex);
    return m_values;
}

} // namespace shoal
