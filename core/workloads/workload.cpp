#include "workload.h"

#include "hashworkload.h"
#include "imageworkload.h"
#include "syntheticworkload.h"

namespace shoal {

Workload::~Workload() = default;

ParamError ParamError::unusable(const QString& param, const QString& detail)
{
    ParamError e;
    e.code = Code::Unusable;
    e.param = param;
    e.detail = detail;
    return e;
}

QStringList workloadKinds()
{
    return {QStringLiteral("hash"), QStringLiteral("image"), QStringLiteral("synthetic")};
}

std::unique_ptr<Workload> makeWorkload(const QString& kind, const QVariantMap& params,
                                       std::shared_ptr<RateLimiter> limiter, ParamError& error)
{
    error = {};
    if (kind == QStringLiteral("hash"))
        return HashWorkload::create(params, std::move(limiter), error);
    if (kind == QStringLiteral("image"))
        return ImageWorkload::create(params, std::move(limiter), error);
    if (kind == QStringLiteral("synthetic"))
        return SyntheticWorkload::create(params, std::move(limiter), error);
    error.code = ParamError::Code::UnknownKind;
    error.param = kind;
    error.allowed = workloadKinds();
    return nullptr;
}

} // namespace shoal
