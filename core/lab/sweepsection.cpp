#include "sweepsection.h"

#include "presetassignment.h"
#include "presetkeys.h"
#include "sweepvalues.h"

#include <QJsonArray>

namespace shoal {
namespace {

using Code = ScenarioError::Code;

const QString kKeys = QStringLiteral("keys");
const QString kKey = QStringLiteral("key");
const QString kValues = QStringLiteral("values");
const QString kPointSec = QStringLiteral("pointSec");
const QString kWarmupSec = QStringLiteral("warmupSec");
const QString kRepeats = QStringLiteral("repeats");
const QString kSlo = QStringLiteral("slo");
const QString kDurationKey = presetkeys::run + QLatin1Char('.') + presetkeys::durationSec;
const QString kJobsKey = presetkeys::run + QLatin1Char('.') + presetkeys::jobs;

ScenarioError make(Code code, const QString& path)
{
    ScenarioError e;
    e.code = code;
    e.path = path;
    return e;
}

ScenarioError wrongType(const QString& path, const QString& expected)
{
    ScenarioError e = make(Code::WrongType, path);
    e.expected = expected;
    return e;
}

/// Keys of \a object outside \a allowed: the first one as UnknownKey.
bool onlyKeys(const QJsonObject& object, const QString& path, const QStringList& allowed,
              ScenarioError* error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = make(Code::UnknownKey, path + QLatin1Char('.') + it.key());
            return false;
        }
    }
    return true;
}

bool number(const QJsonObject& o, const QString& key, const QString& path, double minimum,
            double* out, ScenarioError* error)
{
    if (!o.contains(key))
        return true;
    if (!o.value(key).isDouble()) {
        *error = wrongType(path + QLatin1Char('.') + key, QStringLiteral("number"));
        return false;
    }
    const double v = o.value(key).toDouble();
    if (!(v >= minimum) || v > 86400) {
        *error = make(Code::OutOfRange, path + QLatin1Char('.') + key);
        error->minimum = minimum;
        error->maximum = 86400;
        return false;
    }
    *out = v;
    return true;
}

} // namespace

std::optional<SweepSpec> SweepSection::fromJson(const QJsonValue& value, const Scenario& scenario,
                                                ScenarioError* error)
{
    const QString path = QStringLiteral("sweep");
    if (!value.isObject()) {
        *error = wrongType(path, QStringLiteral("object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path, {kKeys, kPointSec, kWarmupSec, kRepeats, kSlo}, error))
        return std::nullopt;
    SweepSpec spec;
    const QJsonValue keys = o.value(kKeys);
    if (!keys.isArray()) {
        *error = keys.isUndefined()
                     ? make(Code::MissingField, path + QStringLiteral(".keys"))
                     : wrongType(path + QStringLiteral(".keys"), QStringLiteral("array"));
        return std::nullopt;
    }
    const QJsonArray axes = keys.toArray();
    if (axes.isEmpty() || axes.size() > SweepSpec::kMaxKeys) {
        *error = make(Code::OutOfRange, path + QStringLiteral(".keys"));
        error->minimum = 1;
        error->maximum = SweepSpec::kMaxKeys;
        return std::nullopt;
    }
    for (qsizetype i = 0; i < axes.size(); ++i) {
        const QString at = QStringLiteral("sweep.keys[%1]").arg(i);
        if (!axes.at(i).isObject()) {
            *error = wrongType(at, QStringLiteral("object"));
            return std::nullopt;
        }
        const QJsonObject a = axes.at(i).toObject();
        if (!onlyKeys(a, at, {kKey, kValues}, error))
            return std::nullopt;
        SweepSpec::Axis axis;
        if (!a.value(kKey).isString() || a.value(kKey).toString().isEmpty()) {
            *error = a.contains(kKey)
                         ? wrongType(at + QStringLiteral(".key"), QStringLiteral("string"))
                         : make(Code::MissingField, at + QStringLiteral(".key"));
            return std::nullopt;
        }
        axis.key = a.value(kKey).toString();
        const QString keyPath = at + QStringLiteral(".key");
        for (qsizetype j = 0; j < spec.axes.size(); ++j) {
            if (spec.axes.at(j).key == axis.key) {
                *error = make(Code::Conflict, keyPath);
                error->detail = QStringLiteral("sweep.keys[%1].key, %2").arg(j).arg(keyPath);
                return std::nullopt;
            }
        }
        if (axis.key == kDurationKey || axis.key == kJobsKey) {
            // The sweep sets each point's length itself, from pointSec and warmupSec.
            *error = make(Code::Unusable, keyPath);
            error->detail = kPointSec; // as SweepRunner::plan names it
            return std::nullopt;
        }
        const QString valuesPath = at + QStringLiteral(".values");
        const QJsonValue values = a.value(kValues);
        if (values.isString()) {
            SweepValuesError ve;
            axis.values = parseSweepValues(values.toString(), &ve);
            if (ve) {
                *error = make(Code::Unusable, valuesPath);
                error->detail = ve.text.isEmpty() ? values.toString() : ve.text;
                return std::nullopt;
            }
        } else if (values.isArray()) {
            // The same rules as the text form: at most kMaxSweepValues, no value twice.
            const QJsonArray list = values.toArray();
            if (list.size() > kMaxSweepValues) {
                *error = make(Code::OutOfRange, valuesPath);
                error->minimum = 1;
                error->maximum = kMaxSweepValues;
                return std::nullopt;
            }
            for (qsizetype j = 0; j < list.size(); ++j) {
                const QString itemPath = valuesPath + QStringLiteral("[%1]").arg(j);
                if (!list.at(j).isDouble()) {
                    *error = wrongType(itemPath, QStringLiteral("number"));
                    return std::nullopt;
                }
                const double v = list.at(j).toDouble();
                if (axis.values.contains(v)) {
                    *error = make(Code::Unusable, itemPath);
                    error->detail = QString::number(v, 'g', 12); // the value given twice
                    return std::nullopt;
                }
                axis.values.append(v);
            }
        } else {
            *error = values.isUndefined() ? make(Code::MissingField, valuesPath)
                                          : wrongType(valuesPath, QStringLiteral("array"));
            return std::nullopt;
        }
        if (axis.values.isEmpty()) {
            *error = make(Code::Empty, valuesPath);
            return std::nullopt;
        }
        // Each value must be one the key can take in this preset, as --set would check it.
        for (double v : axis.values) {
            ScenarioError e;
            if (!PresetAssignment::apply(
                    scenario, axis.key + QLatin1Char('=') + QString::number(v, 'g', 12), &e)) {
                e.path = at + QStringLiteral(" (") + e.path + QLatin1Char(')');
                *error = e;
                return std::nullopt;
            }
        }
        spec.axes.append(axis);
    }
    if (!number(o, kPointSec, path, 0.1, &spec.pointSec, error) ||
        !number(o, kWarmupSec, path, 0, &spec.warmupSec, error))
        return std::nullopt;
    if (o.contains(kRepeats)) {
        const QJsonValue r = o.value(kRepeats);
        const double d = r.toDouble(-1);
        if (!r.isDouble() || d != static_cast<int>(d)) {
            *error = wrongType(path + QStringLiteral(".repeats"), QStringLiteral("integer"));
            return std::nullopt;
        }
        spec.repeats = static_cast<int>(d);
    }
    if (spec.repeats < 1 || spec.runs() > SweepSpec::kMaxPoints) {
        *error = make(Code::OutOfRange, path + QStringLiteral(".repeats"));
        error->minimum = 1;
        error->maximum = SweepSpec::kMaxPoints / std::max(1, spec.combinations());
        return std::nullopt;
    }
    if (o.contains(kSlo)) {
        if (!o.value(kSlo).isString()) {
            *error = wrongType(path + QStringLiteral(".slo"), QStringLiteral("string"));
            return std::nullopt;
        }
        spec.slo = parseSweepSlo(o.value(kSlo).toString());
        if (!spec.slo) {
            *error = make(Code::Unusable, path + QStringLiteral(".slo"));
            error->detail = o.value(kSlo).toString();
            return std::nullopt;
        }
    }
    return spec;
}

QJsonObject SweepSection::toJson(const SweepSpec& spec)
{
    QJsonArray axes;
    for (const SweepSpec::Axis& axis : spec.axes) {
        QJsonArray values;
        for (double v : axis.values)
            values.append(v);
        axes.append(QJsonObject{{kKey, axis.key}, {kValues, values}});
    }
    QJsonObject o{{kKeys, axes},
                  {kPointSec, spec.pointSec},
                  {kWarmupSec, spec.warmupSec},
                  {kRepeats, spec.repeats}};
    if (spec.slo)
        o.insert(kSlo, spec.slo->toString());
    return o;
}

} // namespace shoal
