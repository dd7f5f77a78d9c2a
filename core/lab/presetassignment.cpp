#include "presetassignment.h"

#include "presetformat.h"
#include "presetkeys.h"
#include "settingstable.h"

#include "workloads/paramschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

namespace shoal {
namespace {

namespace keys = presetkeys;

using Code = ScenarioError::Code;

/// Parses the text of a --set value as the JSON type \a type wants.
std::optional<QJsonValue> valueFromText(ValueType type, const QString& text)
{
    using Type = ValueType;
    switch (type) {
    case Type::Integer:
    case Type::Number: {
        bool ok = false;
        const double d = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok || !std::isfinite(d))
            return std::nullopt;
        return QJsonValue(d);
    }
    case Type::Bool:
        if (text == QStringLiteral("true"))
            return QJsonValue(true);
        if (text == QStringLiteral("false"))
            return QJsonValue(false);
        return std::nullopt;
    case Type::String:
    case Type::Choice:
        return QJsonValue(text);
    case Type::StringList: {
        // A JSON array, as a preset spells it; whether its items are strings is the schema's.
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (!document.isArray())
            return std::nullopt;
        return QJsonValue(document.array());
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<Scenario> PresetAssignment::apply(const Scenario& scenario, const QString& assignment,
                                                ScenarioError* error)
{
    const auto fail = [&](Code code, const QString& path,
                          const QString& expected = {}) -> std::optional<Scenario> {
        if (error) {
            *error = ScenarioError();
            error->code = code;
            error->path = path;
            error->expected = expected;
        }
        return std::nullopt;
    };
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        fail(Code::BadAssignment, {});
        if (error)
            error->detail = assignment;
        return std::nullopt;
    }
    const QString key = assignment.left(equals).trimmed();
    const QString text = assignment.mid(equals + 1);
    QJsonObject root = PresetFormat::toJson(scenario);

    if (key == keys::timeline) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isArray())
            return fail(Code::WrongType, keys::timeline, QStringLiteral("array"));
        root.insert(keys::timeline, document.array());
        return PresetFormat::fromJson(root, error);
    }

    ValueType type = ValueType::String;
    if (key.startsWith(keys::paramsPrefix)) {
        const QString name = key.mid(keys::paramsPrefix.size());
        const ParamSchema* schema = workloadSchema(scenario.workloadKind);
        const ParamSchema::Spec* spec = schema ? schema->find(name) : nullptr;
        if (!spec)
            return fail(Code::UnknownKey, key);
        type = spec->type;
    } else if (const Setting* field = SettingsTable::find(key)) {
        type = field->type;
    } else {
        return fail(Code::UnknownKey, key);
    }

    const std::optional<QJsonValue> value = valueFromText(type, text);
    if (!value)
        return fail(Code::WrongType, key, valueTypeName(type));
    QStringList path = key.split(QLatin1Char('.'));
    if (key.startsWith(keys::paramsPrefix))
        path = {keys::workload, keys::params, key.mid(keys::paramsPrefix.size())};
    PresetFormat::setAt(root, path, *value);
    if (key == QStringLiteral("run.durationSec") || key == QStringLiteral("run.jobs")) {
        QJsonObject run = root.value(keys::run).toObject();
        run.remove(key == QStringLiteral("run.jobs") ? keys::durationSec : keys::jobs);
        root.insert(keys::run, run);
    }
    if (key == QStringLiteral("workload.kind") && text != scenario.workloadKind) {
        QJsonObject workload = root.value(keys::workload).toObject();
        workload.remove(keys::params);
        root.insert(keys::workload, workload);
    }
    return PresetFormat::fromJson(root, error);
}

} // namespace shoal
