#include "workload.h"

#include "commandworkload.h"
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

namespace {

template <typename Kind>
std::unique_ptr<Workload> create(const QVariantMap& params, std::shared_ptr<RateLimiter> limiter,
                                 ParamError& error)
{
    return Kind::create(params, std::move(limiter), error);
}

} // namespace

const std::vector<WorkloadKind>& workloadRegistry()
{
    static const std::vector<WorkloadKind> kinds = {
        {"synthetic", QT_TRANSLATE_NOOP("ControlPanel", "synthetic service times"),
         &SyntheticWorkload::schema, &create<SyntheticWorkload>, nullptr},
        {"hash", QT_TRANSLATE_NOOP("ControlPanel", "SHA-256 hashing"), &HashWorkload::schema,
         &create<HashWorkload>, nullptr},
        {"image", QT_TRANSLATE_NOOP("ControlPanel", "image thumbnails"), &ImageWorkload::schema,
         &create<ImageWorkload>, nullptr},
        {"command", QT_TRANSLATE_NOOP("ControlPanel", "your own program"), &CommandWorkload::schema,
         &create<CommandWorkload>, &CommandWorkload::check},
    };
    return kinds;
}

const WorkloadKind* findWorkloadKind(const QString& kind)
{
    for (const WorkloadKind& entry : workloadRegistry()) {
        if (kind == QLatin1StringView(entry.kind))
            return &entry;
    }
    return nullptr;
}

const ParamSchema* workloadSchema(const QString& kind)
{
    const WorkloadKind* entry = findWorkloadKind(kind);
    return entry ? &entry->schema() : nullptr;
}

QStringList workloadKinds()
{
    QStringList kinds;
    for (const WorkloadKind& entry : workloadRegistry())
        kinds.append(QLatin1StringView(entry.kind));
    kinds.sort();
    return kinds;
}

std::unique_ptr<Workload> makeWorkload(const QString& kind, const QVariantMap& params,
                                       std::shared_ptr<RateLimiter> limiter, ParamError& error)
{
    error = {};
    if (const WorkloadKind* entry = findWorkloadKind(kind))
        return entry->create(params, std::move(limiter), error);
    error.code = ParamError::Code::UnknownKind;
    error.param = kind;
    error.allowed = workloadKinds();
    return nullptr;
}

} // namespace shoal
