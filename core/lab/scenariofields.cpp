#include "scenariofields.h"

#include "workloads/hashworkload.h"
#include "workloads/imageworkload.h"
#include "workloads/syntheticworkload.h"
#include "workloads/workload.h"

#include <cmath>

namespace shoal {
namespace {

constexpr double kMaxMs = 3'600'000;                // an hour
constexpr double kMaxSec = 86'400;                  // a day
constexpr double kMaxSeed = 9'007'199'254'740'991.; // 2^53 - 1, exact in a JSON number

using Type = ScenarioFields::Type;

ScenarioFields::Field number(const char* path, double minimum, double maximum)
{
    return {QLatin1StringView(path), Type::Number, minimum, maximum, {}, false};
}

ScenarioFields::Field integer(const char* path, double minimum, double maximum)
{
    return {QLatin1StringView(path), Type::Integer, minimum, maximum, {}, false};
}

ScenarioFields::Field choice(const char* path, const QStringList& choices)
{
    return {QLatin1StringView(path), Type::Choice, 0, 0, choices, false};
}

ScenarioFields::Field text(const char* path, bool nonEmpty)
{
    return {QLatin1StringView(path), Type::String, 0, 0, {}, nonEmpty};
}

ScenarioFields::Field boolean(const char* path)
{
    return {QLatin1StringView(path), Type::Bool, 0, 0, {}, false};
}

ScenarioError error(ScenarioError::Code code, const QString& path)
{
    ScenarioError e;
    e.code = code;
    e.path = path;
    return e;
}

} // namespace

const std::vector<ScenarioFields::Field>& ScenarioFields::all()
{
    static const std::vector<Field> fields = {
        integer("version", 1, 1),
        text("name", true),
        text("description", false),
        text("watch", false),
        choice("workload.kind", workloadKinds()),
        integer("pool.size", 0, 1024),
        integer("pool.maxWaiting", -1, 1e9),
        choice("call.api", callApiNames()),
        number("call.timeoutMs", 0, kMaxMs),
        choice("arrival.mode", arrivalModeNames()),
        choice("arrival.process", arrivalProcessNames()),
        number("arrival.ratePerSec", 0, 1e6),
        integer("arrival.callers", 0, 10'000),
        number("arrival.thinkMs", 0, kMaxMs),
        integer("arrival.seed", 0, kMaxSeed),
        boolean("limiter.enabled"),
        number("limiter.ratePerSec", 0, 1e9),
        integer("limiter.burst", 0, 1e6),
        number("run.durationSec", 0.1, kMaxSec),
        integer("run.jobs", 1, 1e12),
        number("run.drainSec", 0, 3600),
        integer("sampler.periodMs", 10, 60'000),
    };
    return fields;
}

const ScenarioFields::Field* ScenarioFields::find(const QString& path)
{
    for (const Field& field : all()) {
        if (field.path == path)
            return &field;
    }
    return nullptr;
}

const ScenarioFields::Field* ScenarioFields::actionValue(Scenario::Action action)
{
    static const Field burstCount = integer("burst", 1, 1e6);
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
        return &burstCount;
    case Scenario::Action::CancelAll:
    case Scenario::Action::ClosePool:
    case Scenario::Action::SetParam:
        return nullptr;
    }
    return nullptr;
}

QString ScenarioFields::typeName(Type type)
{
    switch (type) {
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Number:
        return QStringLiteral("number");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::String:
    case Type::Choice:
        return QStringLiteral("string");
    }
    return QString();
}

ScenarioError ScenarioFields::check(const Field& field, const QJsonValue& value,
                                    const QString& path, QVariant* normalized)
{
    auto wrongType = [&] {
        ScenarioError e = error(ScenarioError::Code::WrongType, path);
        e.expected = typeName(field.type);
        return e;
    };
    auto outOfRange = [&] {
        ScenarioError e = error(ScenarioError::Code::OutOfRange, path);
        if (field.type == Type::Integer) {
            e.minimum = static_cast<qint64>(field.minimum);
            e.maximum = static_cast<qint64>(field.maximum);
        } else {
            e.minimum = field.minimum;
            e.maximum = field.maximum;
        }
        return e;
    };
    switch (field.type) {
    case Type::Integer: {
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
    case Type::Number: {
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
    case Type::Bool:
        if (!value.isBool())
            return wrongType();
        *normalized = value.toBool();
        return {};
    case Type::String:
        if (!value.isString())
            return wrongType();
        if (field.nonEmpty && value.toString().isEmpty())
            return error(ScenarioError::Code::Empty, path);
        *normalized = value.toString();
        return {};
    case Type::Choice:
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
    }
    return wrongType();
}

const ParamSchema* ScenarioFields::workloadSchema(const QString& kind)
{
    if (kind == QStringLiteral("hash"))
        return &HashWorkload::schema();
    if (kind == QStringLiteral("image"))
        return &ImageWorkload::schema();
    if (kind == QStringLiteral("synthetic"))
        return &SyntheticWorkload::schema();
    return nullptr;
}

ScenarioError ScenarioFields::fromParamError(const ParamError& paramError, const QString& path)
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
