#include "scenario.h"

namespace shoal {
namespace {

struct ActionName {
    Scenario::Action action;
    const char* name;
};

constexpr ActionName kActionNames[] = {
    {Scenario::Action::SetSize, "setSize"},
    {Scenario::Action::SetTimeout, "setTimeout"},
    {Scenario::Action::SetRate, "setRate"},
    {Scenario::Action::SetCallers, "setCallers"},
    {Scenario::Action::SetLimit, "setLimit"},
    {Scenario::Action::SetBurst, "setBurst"},
    {Scenario::Action::SetMaxWaiting, "setMaxWaiting"},
    {Scenario::Action::SetApi, "setApi"},
    {Scenario::Action::Burst, "burst"},
    {Scenario::Action::CancelAll, "cancelAll"},
    {Scenario::Action::ClosePool, "closePool"},
    {Scenario::Action::SetParam, "setParam"},
};

struct DispatchOrderName {
    DispatchOrder order;
    const char* name;
};

constexpr DispatchOrderName kDispatchOrderNames[] = {
    {DispatchOrder::NewestIdleFirst, "newest-idle"},
    {DispatchOrder::LongestIdleFirst, "longest-idle"},
};

} // namespace

bool Scenario::TimelineEntry::operator==(const TimelineEntry& other) const
{
    return atSec == other.atSec && action == other.action && key == other.key &&
           value.isValid() == other.value.isValid() && (!value.isValid() || value == other.value);
}

bool Scenario::operator==(const Scenario& other) const
{
    return version == other.version && name == other.name && description == other.description &&
           watch == other.watch && workloadKind == other.workloadKind &&
           workloadParams == other.workloadParams && poolSize == other.poolSize &&
           maxWaiting == other.maxWaiting && dispatchOrder == other.dispatchOrder &&
           callApi == other.callApi && timeoutMs == other.timeoutMs &&
           arrivalMode == other.arrivalMode && arrivalProcess == other.arrivalProcess &&
           ratePerSec == other.ratePerSec && callers == other.callers && thinkMs == other.thinkMs &&
           seed == other.seed && limiterEnabled == other.limiterEnabled &&
           limiterRate == other.limiterRate && limiterBurst == other.limiterBurst &&
           jobs == other.jobs &&
           // The duration is unused, and not saved, while the run is measured in jobs.
           (jobs > 0 || durationSec == other.durationSec) && drainSec == other.drainSec &&
           samplerPeriodMs == other.samplerPeriodMs && timeline == other.timeline &&
           sweep == other.sweep;
}

QString Scenario::defaultPresetName()
{
    return QStringLiteral("steady-state");
}

QStringList Scenario::actionNames()
{
    QStringList names;
    for (const auto& entry : kActionNames)
        names.append(QLatin1StringView(entry.name));
    return names;
}

QString Scenario::actionName(Action action)
{
    for (const auto& entry : kActionNames) {
        if (entry.action == action)
            return QLatin1StringView(entry.name);
    }
    return QString();
}

std::optional<Scenario::Action> Scenario::actionFromName(const QString& name)
{
    for (const auto& entry : kActionNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.action;
    }
    return std::nullopt;
}

QString dispatchOrderName(DispatchOrder order)
{
    for (const auto& entry : kDispatchOrderNames) {
        if (entry.order == order)
            return QLatin1StringView(entry.name);
    }
    return QString();
}

std::optional<DispatchOrder> dispatchOrderFromName(const QString& name)
{
    for (const auto& entry : kDispatchOrderNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.order;
    }
    return std::nullopt;
}

QStringList dispatchOrderNames()
{
    QStringList names;
    for (const auto& entry : kDispatchOrderNames)
        names.append(QLatin1StringView(entry.name));
    return names;
}

} // namespace shoal
