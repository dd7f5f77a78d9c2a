#include "syntheticworkload.h"

namespace shoal {

const ParamSchema& SyntheticWorkload::schema()
{
    constexpr double maxMs = 3'600'000; // an hour
    const QString distribution = QStringLiteral("distribution");
    static const ParamSchema schema =
        ParamSchema()
            .addChoice(distribution, QStringLiteral("fixed"), ServiceTimeDistribution::shapeNames())
            .addNumber(QStringLiteral("meanMs"), 10, 0, maxMs)
            .addNumber(QStringLiteral("spreadMs"), 5, 0, maxMs)
            .onlyWhen(distribution, {QStringLiteral("uniform")})
            .addNumber(QStringLiteral("sigma"), 0.5, 0, 4)
            .onlyWhen(distribution, {QStringLiteral("lognormal")})
            .addNumber(QStringLiteral("slowFraction"), 0.1, 0, 1)
            .onlyWhen(distribution, {QStringLiteral("bimodal")})
            .addNumber(QStringLiteral("slowMs"), 100, 0, maxMs)
            .onlyWhen(distribution, {QStringLiteral("bimodal")})
            .addChoice(QStringLiteral("mode"), QStringLiteral("sleep"),
                       {QStringLiteral("sleep"), QStringLiteral("spin")})
            .addBool(QStringLiteral("honourInterrupt"), true)
            .addNumber(QStringLiteral("failureRate"), 0, 0, 1)
            .addInteger(QStringLiteral("gpuSlots"), 0, 0, 1024)
            .addInteger(QStringLiteral("seed"), 1, 0, (qint64(1) << 53) - 1);
    return schema;
}

SyntheticSettings SyntheticWorkload::settingsFrom(const QVariantMap& v)
{
    SyntheticSettings s;
    auto& d = s.distribution;
    d.shape =
        ServiceTimeDistribution::shapeFromName(v.value(QStringLiteral("distribution")).toString());
    d.meanMs = v.value(QStringLiteral("meanMs")).toDouble();
    d.spreadMs = v.value(QStringLiteral("spreadMs")).toDouble();
    d.sigma = v.value(QStringLiteral("sigma")).toDouble();
    d.slowFraction = v.value(QStringLiteral("slowFraction")).toDouble();
    d.slowMs = v.value(QStringLiteral("slowMs")).toDouble();
    s.spin = v.value(QStringLiteral("mode")).toString() == QStringLiteral("spin");
    s.honourInterrupt = v.value(QStringLiteral("honourInterrupt")).toBool();
    s.failureRate = v.value(QStringLiteral("failureRate")).toDouble();
    s.gpuSlots = v.value(QStringLiteral("gpuSlots")).toInt();
    s.seed = v.value(QStringLiteral("seed")).toULongLong();
    return s;
}

std::unique_ptr<SyntheticWorkload> SyntheticWorkload::create(const QVariantMap& params,
                                                             std::shared_ptr<RateLimiter> limiter,
                                                             ParamError& error)
{
    QVariantMap values;
    error = schema().resolve(params, &values);
    if (error)
        return nullptr;
    return std::unique_ptr<SyntheticWorkload>(new SyntheticWorkload(values, std::move(limiter)));
}

SyntheticWorkload::SyntheticWorkload(const QVariantMap& values,
                                     std::shared_ptr<RateLimiter> limiter)
    : m_limiter(std::move(limiter))
    , m_values(values)
    , m_shared(std::make_shared<SyntheticShared>(settingsFrom(values)))
{}

std::unique_ptr<Worker> SyntheticWorkload::makeWorker()
{
    return std::make_unique<SyntheticWorker>(m_shared, m_limiter);
}

std::any SyntheticWorkload::makePayload(quint64 sequence)
{
    return SyntheticJob{sequence};
}

ParamError SyntheticWorkload::setParam(const QString& key, const QVariant& value)
{
    QVariant normalized;
    if (ParamError e = schema().check(key, value, &normalized))
        return e;
    std::lock_guard lock(m_valuesMutex);
    m_values.insert(key, normalized);
    const SyntheticSettings settings = settingsFrom(m_values);
    // Slots first: a worker that sees gpuSlots > 0 must find the semaphore sized for it.
    m_shared->gpuSlots.setCapacity(settings.gpuSlots);
    m_shared->settings.set(settings);
    return {};
}

QVariantMap SyntheticWorkload::params() const
{
    std::lock_guard lock(m_valuesMutex);
    return m_values;
}

} // namespace shoal
