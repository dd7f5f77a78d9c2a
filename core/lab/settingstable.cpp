#include "settingstable.h"

#include "loadgenerator.h"

#include "pool/pool.h"
#include "workloads/ratelimiter.h"
#include "workloads/workload.h"

#include <QtGlobal>

#include <cmath>

namespace shoal {
namespace {

constexpr double kMaxMs = 3'600'000;                // an hour
constexpr double kMaxSec = 86'400;                  // a day
constexpr double kMaxSeed = 9'007'199'254'740'991.; // 2^53 - 1, exact in a JSON number

using Get = std::function<QVariant(const Scenario&)>;
using Set = std::function<void(Scenario&, const QVariant&)>;

Setting make(const char* path, ValueType type, double minimum, double maximum, Get get, Set set)
{
    Setting setting;
    setting.path = QLatin1StringView(path);
    setting.type = type;
    setting.minimum = minimum;
    setting.maximum = maximum;
    setting.get = std::move(get);
    setting.set = std::move(set);
    return setting;
}

Setting number(const char* path, double minimum, double maximum, double Scenario::*field)
{
    return make(
        path, ValueType::Number, minimum, maximum,
        [field](const Scenario& s) { return QVariant(s.*field); },
        [field](Scenario& s, const QVariant& v) { s.*field = v.toDouble(); });
}

template <typename Int>
Setting integer(const char* path, double minimum, double maximum, Int Scenario::*field)
{
    return make(
        path, ValueType::Integer, minimum, maximum,
        [field](const Scenario& s) { return QVariant(static_cast<qint64>(s.*field)); },
        [field](Scenario& s, const QVariant& v) { s.*field = static_cast<Int>(v.toLongLong()); });
}

Setting text(const char* path, bool nonEmpty, QString Scenario::*field)
{
    Setting setting = make(
        path, ValueType::String, 0, 0, [field](const Scenario& s) { return QVariant(s.*field); },
        [field](Scenario& s, const QVariant& v) { s.*field = v.toString(); });
    setting.nonEmpty = nonEmpty;
    return setting;
}

Setting boolean(const char* path, bool Scenario::*field)
{
    return make(
        path, ValueType::Bool, 0, 0, [field](const Scenario& s) { return QVariant(s.*field); },
        [field](Scenario& s, const QVariant& v) { s.*field = v.toBool(); });
}

/// A choice between the names of an enum, stored as the enum.
template <typename Enum>
Setting choice(const char* path, const QStringList& names, Enum Scenario::*field,
               QString (*nameOf)(Enum), std::optional<Enum> (*fromName)(const QString&))
{
    Setting setting = make(
        path, ValueType::Choice, 0, 0,
        [field, nameOf](const Scenario& s) { return QVariant(nameOf(s.*field)); },
        [field, fromName](Scenario& s, const QVariant& v) {
            if (const auto value = fromName(v.toString()))
                s.*field = *value;
        });
    setting.choices = names;
    return setting;
}

Setting& describe(Setting& setting, const char* label, const char* toolTip)
{
    setting.label = label;
    setting.toolTip = toolTip;
    return setting;
}

std::vector<Setting> makeTable()
{
    std::vector<Setting> table;
    const auto add = [&table](Setting setting, const char* label = nullptr,
                              const char* toolTip = nullptr) -> Setting& {
        table.push_back(std::move(setting));
        return describe(table.back(), label, toolTip);
    };

    add(integer("version", 1, 1, &Scenario::version)).required = true;
    add(text("name", true, &Scenario::name)).required = true;
    add(text("description", false, &Scenario::description));
    add(text("watch", false, &Scenario::watch));

    Setting kind = text("workload.kind", true, &Scenario::workloadKind);
    kind.type = ValueType::Choice;
    kind.nonEmpty = false;
    kind.required = true;
    kind.choices = workloadKinds();
    for (const WorkloadKind& entry : workloadRegistry())
        kind.choiceTexts.push_back({QLatin1StringView(entry.kind), entry.label});
    // Changing the kind drops the previous kind's parameters: they mean nothing to the new one.
    kind.set = [](Scenario& s, const QVariant& v) {
        if (s.workloadKind != v.toString())
            s.workloadParams.clear();
        s.workloadKind = v.toString();
    };
    add(std::move(kind), QT_TRANSLATE_NOOP("ControlPanel", "Kind"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "workload.kind: what each job does. A change during a run applies to "
                          "calls made from then on, with the kind's default parameters."));

    add(integer("pool.size", 0, 1024, &Scenario::poolSize),
        QT_TRANSLATE_NOOP("ControlPanel", "Workers"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "pool.size: workers in the pool; a change resizes the running "
                          "pool (a shrink waits for current jobs)"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.resizePool(s.poolSize); };
    add(integer("pool.maxWaiting", -1, 1e9, &Scenario::maxWaiting),
        QT_TRANSLATE_NOOP("ControlPanel", "Queue bound"),
        QT_TRANSLATE_NOOP(
            "ControlPanel",
            "pool.maxWaiting: calls allowed to wait; more are rejected with QueueFull"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.pool.setMaxWaiting(s.maxWaiting); };
    Setting& order =
        add(choice("pool.dispatchOrder", dispatchOrderNames(), &Scenario::dispatchOrder,
                   &dispatchOrderName, &dispatchOrderFromName),
            QT_TRANSLATE_NOOP("ControlPanel", "Dispatch order"),
            QT_TRANSLATE_NOOP(
                "ControlPanel",
                "pool.dispatchOrder: which idle worker gets the next call. Newest idle first "
                "hands it to the worker that went idle last, still spinning with warm caches: "
                "the cheapest handoff, but at low load one worker does nearly every job. "
                "Longest idle first rotates over every worker, as tunny does, and usually "
                "wakes a sleeping one. Measured on a busy 2-core machine: 6.3 against 5.3 µs "
                "per job with 64 callers, about the same (11.9 against 12.0 µs) with one "
                "caller."));
    order.choiceTexts = {{dispatchOrderName(DispatchOrder::NewestIdleFirst),
                          QT_TRANSLATE_NOOP("ControlPanel", "newest idle first")},
                         {dispatchOrderName(DispatchOrder::LongestIdleFirst),
                          QT_TRANSLATE_NOOP("ControlPanel", "longest idle first (rotate)")}};
    order.applyLive = [](LiveRun& run, const Scenario& s) {
        run.pool.setDispatchOrder(s.dispatchOrder);
    };
    add(choice("call.api", callApiNames(), &Scenario::callApi, &callApiName, &callApiFromName),
        QT_TRANSLATE_NOOP("ControlPanel", "API"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "call.api: process waits as long as it takes; processTimed gives "
                          "up after the timeout; processCtx ends at the deadline or when "
                          "canceled"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.generator.setApi(s.callApi); };
    add(number("call.timeoutMs", 0, kMaxMs, &Scenario::timeoutMs),
        QT_TRANSLATE_NOOP("ControlPanel", "Timeout (ms)"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "call.timeoutMs: processTimed's timeout and processCtx's deadline, "
                          "for calls made from now on"))
        .applyLive = [](LiveRun& run, const Scenario& s) {
        run.generator.setTimeoutMs(s.timeoutMs);
    };

    Setting& mode = add(choice("arrival.mode", arrivalModeNames(), &Scenario::arrivalMode,
                               &arrivalModeName, &arrivalModeFromName),
                        QT_TRANSLATE_NOOP("ControlPanel", "Mode"),
                        QT_TRANSLATE_NOOP("ControlPanel",
                                          "arrival.mode: open loop offers calls at a rate whatever "
                                          "the pool does; closed loop has callers that wait for "
                                          "their answers. A change during a run lets the calls "
                                          "made go on."));
    mode.choiceTexts = {
        {arrivalModeName(ArrivalMode::Open), QT_TRANSLATE_NOOP("ControlPanel", "open loop (rate)")},
        {arrivalModeName(ArrivalMode::Closed),
         QT_TRANSLATE_NOOP("ControlPanel", "closed loop (callers)")}};
    mode.applyLive = [](LiveRun& run, const Scenario& s) { run.generator.setMode(s.arrivalMode); };

    Setting& process =
        add(choice("arrival.process", arrivalProcessNames(), &Scenario::arrivalProcess,
                   &arrivalProcessName, &arrivalProcessFromName),
            QT_TRANSLATE_NOOP("ControlPanel", "Spacing"),
            QT_TRANSLATE_NOOP("ControlPanel", "arrival.process: constant spacing or Poisson "
                                              "arrivals. Applies from the next run."));
    process.choiceTexts = {{arrivalProcessName(ArrivalProcess::Constant),
                            QT_TRANSLATE_NOOP("ControlPanel", "constant")},
                           {arrivalProcessName(ArrivalProcess::Poisson),
                            QT_TRANSLATE_NOOP("ControlPanel", "Poisson")}};

    add(number("arrival.ratePerSec", 0, 1e6, &Scenario::ratePerSec),
        QT_TRANSLATE_NOOP("ControlPanel", "Rate (/s)"),
        QT_TRANSLATE_NOOP("ControlPanel", "arrival.ratePerSec: open-loop calls offered per second"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.generator.setRate(s.ratePerSec); };
    add(integer("arrival.callers", 0, 10'000, &Scenario::callers),
        QT_TRANSLATE_NOOP("ControlPanel", "Callers"),
        QT_TRANSLATE_NOOP("ControlPanel", "arrival.callers: closed-loop callers"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.generator.setCallers(s.callers); };
    add(number("arrival.thinkMs", 0, kMaxMs, &Scenario::thinkMs),
        QT_TRANSLATE_NOOP("ControlPanel", "Think time (ms)"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "arrival.thinkMs: a closed-loop caller's pause between calls"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.generator.setThinkMs(s.thinkMs); };
    add(integer("arrival.seed", 0, kMaxSeed, &Scenario::seed));

    add(boolean("limiter.enabled", &Scenario::limiterEnabled),
        QT_TRANSLATE_NOOP("ControlPanel", "On"),
        QT_TRANSLATE_NOOP("ControlPanel",
                          "limiter.enabled: workers share a token bucket in blockUntilReady"))
        .applyLive = [](LiveRun& run, const Scenario& s) {
        run.limiter.setLimit(s.limiterEnabled ? s.limiterRate : RateLimiter::Inf);
    };
    add(number("limiter.ratePerSec", 0, 1e9, &Scenario::limiterRate),
        QT_TRANSLATE_NOOP("ControlPanel", "Tokens (/s)"),
        QT_TRANSLATE_NOOP("ControlPanel", "limiter.ratePerSec: tokens added per second"))
        .applyLive = [](LiveRun& run, const Scenario& s) {
        if (s.limiterEnabled)
            run.limiter.setLimit(s.limiterRate);
    };
    add(integer("limiter.burst", 0, 1e6, &Scenario::limiterBurst),
        QT_TRANSLATE_NOOP("ControlPanel", "Burst"),
        QT_TRANSLATE_NOOP("ControlPanel", "limiter.burst: the bucket's size"))
        .applyLive = [](LiveRun& run, const Scenario& s) { run.limiter.setBurst(s.limiterBurst); };

    add(number("run.durationSec", 0.1, kMaxSec, &Scenario::durationSec),
        QT_TRANSLATE_NOOP("ControlPanel", "Duration (s)"),
        QT_TRANSLATE_NOOP("ControlPanel", "run.durationSec: how long a run offers calls"))
        .saved = [](const Scenario& s) { return s.jobs == 0; };
    add(integer("run.jobs", 1, 1e12, &Scenario::jobs), QT_TRANSLATE_NOOP("ControlPanel", "Jobs"),
        QT_TRANSLATE_NOOP("ControlPanel", "run.jobs: end the run after this many calls instead"))
        .saved = [](const Scenario& s) { return s.jobs > 0; };
    add(number("run.drainSec", 0, 3600, &Scenario::drainSec));
    add(integer("sampler.periodMs", 10, 60'000, &Scenario::samplerPeriodMs)).applyLive =
        [](LiveRun& run, const Scenario& s) { run.setSamplePeriod(s.samplerPeriodMs); };
    return table;
}

ScenarioError error(ScenarioError::Code code, const QString& path)
{
    ScenarioError e;
    e.code = code;
    e.path = path;
    return e;
}

} // namespace

const std::vector<Setting>& SettingsTable::all()
{
    static const std::vector<Setting> table = makeTable();
    return table;
}

const Setting* SettingsTable::find(const QString& path)
{
    for (const Setting& setting : all()) {
        if (setting.path == path)
            return &setting;
    }
    return nullptr;
}

const Setting& SettingsTable::burstCount()
{
    static const Setting burst = [] {
        Setting setting;
        setting.path = QStringLiteral("burst");
        setting.type = ValueType::Integer;
        setting.minimum = 1;
        setting.maximum = 1e6;
        return setting;
    }();
    return burst;
}

const Setting* SettingsTable::ofAction(Scenario::Action action)
{
    switch (action) {
    case Scenario::Action::SetSize:
        return find(QStringLiteral("pool.size"));
    case Scenario::Action::SetTimeout:
        return find(QStringLiteral("call.timeoutMs"));
    case Scenario::Action::SetRate:
        return find(QStringLiteral("arrival.ratePerSec"));
    case Scenario::Action::SetCallers:
        return find(QStringLiteral("arrival.callers"));
    case Scenario::Action::SetLimit:
        return find(QStringLiteral("limiter.ratePerSec"));
    case Scenario::Action::SetBurst:
        return find(QStringLiteral("limiter.burst"));
    case Scenario::Action::SetMaxWaiting:
        return find(QStringLiteral("pool.maxWaiting"));
    case Scenario::Action::SetApi:
        return find(QStringLiteral("call.api"));
    case Scenario::Action::Burst:
    case Scenario::Action::CancelAll:
    case Scenario::Action::ClosePool:
    case Scenario::Action::SetParam:
        return nullptr;
    }
    return nullptr;
}

QString SettingsTable::text(const QVariant& value)
{
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 12);
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

ScenarioError SettingsTable::check(const Setting& field, const QJsonValue& value,
                                   const QString& path, QVariant* normalized)
{
    auto wrongType = [&] {
        ScenarioError e = error(ScenarioError::Code::WrongType, path);
        e.expected = valueTypeName(field.type);
        return e;
    };
    auto outOfRange = [&] {
        ScenarioError e = error(ScenarioError::Code::OutOfRange, path);
        if (field.type == ValueType::Integer) {
            e.minimum = static_cast<qint64>(field.minimum);
            e.maximum = static_cast<qint64>(field.maximum);
        } else {
            e.minimum = field.minimum;
            e.maximum = field.maximum;
        }
        return e;
    };
    switch (field.type) {
    case ValueType::Integer: {
        if (!value.isDouble())
            return wrongType();
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            return wrongType();
        if (d < field.minimum || d > field.maximum)
            return outOfRange();
        *normalized = static_cast<qint64>(d);
        return {};
    }
    case ValueType::Number: {
        if (!value.isDouble())
            return wrongType();
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return wrongType();
        if (d < field.minimum || d > field.maximum)
            return outOfRange();
        *normalized = d;
        return {};
    }
    case ValueType::Bool:
        if (!value.isBool())
            return wrongType();
        *normalized = value.toBool();
        return {};
    case ValueType::String:
        if (!value.isString())
            return wrongType();
        if (field.nonEmpty && value.toString().isEmpty())
            return error(ScenarioError::Code::Empty, path);
        *normalized = value.toString();
        return {};
    case ValueType::Choice:
        if (!value.isString())
            return wrongType();
        if (!field.choices.contains(value.toString())) {
            ScenarioError e = error(ScenarioError::Code::NotOneOf, path);
            e.allowed = field.choices;
            e.detail = value.toString();
            return e;
        }
        *normalized = value.toString();
        return {};
    case ValueType::StringList:
        break; // no setting is a list: workload parameters are checked by their schema
    }
    return wrongType();
}

ScenarioError SettingsTable::fromParamError(const ParamError& paramError, const QString& path)
{
    ScenarioError e;
    e.path = path;
    switch (paramError.code) {
    case ParamError::Code::None:
        return {};
    case ParamError::Code::UnknownKind:
        e.code = ScenarioError::Code::UnknownWorkloadKind;
        e.allowed = paramError.allowed;
        e.detail = paramError.param;
        break;
    case ParamError::Code::UnknownKey:
        e.code = ScenarioError::Code::UnknownKey;
        break;
    case ParamError::Code::WrongType:
        e.code = ScenarioError::Code::WrongType;
        e.expected = paramError.expected;
        break;
    case ParamError::Code::OutOfRange:
        if (!paramError.allowed.isEmpty()) {
            e.code = ScenarioError::Code::NotOneOf;
            e.allowed = paramError.allowed;
        } else {
            e.code = ScenarioError::Code::OutOfRange;
            e.minimum = paramError.minimum;
            e.maximum = paramError.maximum;
        }
        break;
    case ParamError::Code::Unusable:
        e.code = ScenarioError::Code::Unusable;
        e.detail = paramError.detail;
        break;
    }
    return e;
}

} // namespace shoal
