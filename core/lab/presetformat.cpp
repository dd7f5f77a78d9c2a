#include "presetformat.h"

#include "presetkeys.h"
#include "sweepsection.h"

#include "settingstable.h"

#include "workloads/paramschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace shoal {
namespace {

namespace keys = presetkeys;

using Code = ScenarioError::Code;

/// Walks one preset, keeping the first error; every step returns false once there is one.
class Reader {
public:
    explicit Reader(ScenarioError* error)
        : m_error(error)
    {}

    bool fail(ScenarioError e)
    {
        if (m_error)
            *m_error = std::move(e);
        return false;
    }
    bool fail(Code code, const QString& path)
    {
        ScenarioError e;
        e.code = code;
        e.path = path;
        return fail(std::move(e));
    }

    /// Refuses any key of \a object outside \a known.
    bool onlyKeys(const QJsonObject& object, const QString& prefix, const QStringList& known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                return fail(Code::UnknownKey, prefix + it.key());
        }
        return true;
    }

    /// The sub-object \a key of \a parent (empty when absent and optional).
    bool object(const QJsonObject& parent, const QString& key, const QString& path, bool required,
                QJsonObject* out)
    {
        const auto it = parent.find(key);
        if (it == parent.end())
            return required ? fail(Code::MissingField, path) : true;
        if (!it->isObject()) {
            ScenarioError e;
            e.code = Code::WrongType;
            e.path = path;
            e.expected = QStringLiteral("object");
            return fail(std::move(e));
        }
        *out = it->toObject();
        return true;
    }

    /// The scalar \a key of \a object, checked as the table's field \a path; \a out is left
    /// alone when the key is absent and optional.
    bool scalar(const QJsonObject& object, const QString& key, const QString& path, bool required,
                QVariant* out)
    {
        const auto it = object.find(key);
        if (it == object.end())
            return required ? fail(Code::MissingField, path) : true;
        const Setting* field = SettingsTable::find(path);
        Q_ASSERT(field);
        ScenarioError e = SettingsTable::check(*field, *it, path, out);
        if (e && path == QStringLiteral("workload.kind") && e.code == Code::NotOneOf)
            e.code = Code::UnknownWorkloadKind;
        return e ? fail(std::move(e)) : true;
    }

    /// Each key of \a params, checked by the workload's own schema.
    bool workloadParams(const QJsonObject& params, const ParamSchema& schema, QVariantMap* out)
    {
        QVariantMap result;
        for (auto it = params.begin(); it != params.end(); ++it) {
            QVariant normalized;
            if (const ParamError e = schema.check(it.key(), it->toVariant(), &normalized))
                return fail(SettingsTable::fromParamError(e, keys::paramsPrefix + it.key()));
            result.insert(it.key(), normalized);
        }
        *out = result;
        return true;
    }

    bool timelineEntry(const QJsonValue& value, const QString& path, const ParamSchema& schema,
                       Scenario::TimelineEntry* entry)
    {
        if (!value.isObject()) {
            ScenarioError e;
            e.code = Code::WrongType;
            e.path = path;
            e.expected = QStringLiteral("object");
            return fail(std::move(e));
        }
        const QJsonObject object = value.toObject();
        if (!onlyKeys(object, path + QLatin1Char('.'),
                      {keys::atSec, keys::action, keys::value, keys::key}))
            return false;

        const auto at = object.find(keys::atSec);
        if (at == object.end())
            return fail(Code::MissingField, path + QStringLiteral(".atSec"));
        static const Setting atSec = [] {
            Setting setting;
            setting.path = keys::atSec;
            setting.maximum = 86'400;
            return setting;
        }();
        QVariant atValue;
        if (ScenarioError e =
                SettingsTable::check(atSec, *at, path + QStringLiteral(".atSec"), &atValue))
            return fail(std::move(e));
        entry->atSec = atValue.toDouble();

        const auto actionIt = object.find(keys::action);
        const QString actionPath = path + QStringLiteral(".action");
        if (actionIt == object.end())
            return fail(Code::MissingField, actionPath);
        static const Setting actionField = [] {
            Setting setting;
            setting.path = keys::action;
            setting.type = ValueType::Choice;
            setting.choices = Scenario::actionNames();
            return setting;
        }();
        QVariant actionName;
        if (ScenarioError e = SettingsTable::check(actionField, *actionIt, actionPath, &actionName))
            return fail(std::move(e));
        entry->action = *Scenario::actionFromName(actionName.toString());

        const QString valuePath = path + QStringLiteral(".value");
        const QString keyPath = path + QStringLiteral(".key");
        const auto valueIt = object.find(keys::value);
        const auto keyIt = object.find(keys::key);
        if (entry->action == Scenario::Action::SetParam) {
            if (keyIt == object.end())
                return fail(Code::MissingField, keyPath);
            if (!keyIt->isString()) {
                ScenarioError e;
                e.code = Code::WrongType;
                e.path = keyPath;
                e.expected = QStringLiteral("string");
                return fail(std::move(e));
            }
            entry->key = keyIt->toString();
            if (valueIt == object.end())
                return fail(Code::MissingField, valuePath);
            QVariant normalized;
            if (ParamError e = schema.check(entry->key, valueIt->toVariant(), &normalized)) {
                // An unknown parameter is the key's fault, anything else the value's.
                return fail(SettingsTable::fromParamError(
                    e, e.code == ParamError::Code::UnknownKey ? keyPath : valuePath));
            }
            entry->value = normalized;
            return true;
        }
        if (keyIt != object.end())
            return fail(Code::UnknownKey, keyPath);
        const Setting* valueField = entry->action == Scenario::Action::Burst
                                        ? &SettingsTable::burstCount()
                                        : SettingsTable::ofAction(entry->action);
        if (!valueField) {
            if (valueIt != object.end())
                return fail(Code::UnknownKey, valuePath);
            return true;
        }
        if (valueIt == object.end())
            return fail(Code::MissingField, valuePath);
        if (ScenarioError e = SettingsTable::check(*valueField, *valueIt, valuePath, &entry->value))
            return fail(std::move(e));
        return true;
    }

    /// Checks the section object \a name of \a root (the root itself for an empty name):
    /// its type, presence, and that it holds only keys of the table (and \a extra).
    bool section(const QJsonObject& root, const QString& name, const QStringList& extra,
                 QJsonObject* out)
    {
        if (name.isEmpty()) {
            *out = root;
            return true;
        }
        QStringList known = extra;
        bool required = false;
        const QString prefix = name + QLatin1Char('.');
        for (const Setting& setting : SettingsTable::all()) {
            if (setting.path.startsWith(prefix)) {
                known.append(setting.path.mid(prefix.size()));
                required = required || setting.required;
            }
        }
        *out = QJsonObject();
        if (!object(root, name, name, required, out))
            return false;
        if (name == keys::run && out->contains(keys::durationSec) && out->contains(keys::jobs)) {
            ScenarioError e;
            e.code = Code::Conflict;
            e.path = keys::run;
            e.detail = QStringLiteral("durationSec, jobs");
            return fail(std::move(e));
        }
        return onlyKeys(*out, prefix, known);
    }

    /// What the kind itself refuses in \a params beyond its schema (a program that cannot be
    /// started), so a bad preset is refused when it loads rather than when it runs.
    bool kindCheck(const QString& kind, const ParamSchema& schema, const QVariantMap& params)
    {
        const WorkloadKind* entry = findWorkloadKind(kind);
        if (!entry || !entry->check)
            return true;
        QVariantMap resolved;
        if (schema.resolve(params, &resolved))
            return true; // already checked key by key
        if (const ParamError e = entry->check(resolved))
            return fail(SettingsTable::fromParamError(e, keys::paramsPrefix + e.param));
        return true;
    }

    std::optional<Scenario> read(const QJsonObject& root)
    {
        Scenario s;
        QStringList rootKeys = {keys::timeline, keys::sweep};
        for (const Setting& setting : SettingsTable::all()) {
            const QString first = setting.path.section(QLatin1Char('.'), 0, 0);
            if (!rootKeys.contains(first))
                rootKeys.append(first);
        }
        if (!onlyKeys(root, QString(), rootKeys))
            return std::nullopt;

        // Every key in the table's order, each section checked as it is reached.
        QString current;
        QJsonObject holder = root;
        const ParamSchema* schema = nullptr;
        for (const Setting& setting : SettingsTable::all()) {
            const qsizetype dot = setting.path.indexOf(QLatin1Char('.'));
            const QString name = dot < 0 ? QString() : setting.path.left(dot);
            if (name != current) {
                current = name;
                const QStringList extra =
                    name == keys::workload ? QStringList{keys::params} : QStringList{};
                if (!section(root, name, extra, &holder))
                    return std::nullopt;
            }
            QVariant value;
            if (!scalar(holder, setting.path.mid(dot + 1), setting.path, setting.required, &value))
                return std::nullopt;
            if (value.isValid())
                setting.set(s, value);
            if (setting.path == QStringLiteral("workload.kind")) {
                schema = workloadSchema(s.workloadKind);
                Q_ASSERT(schema);
                QJsonObject params;
                if (!object(holder, keys::params, QStringLiteral("workload.params"), false,
                            &params) ||
                    !workloadParams(params, *schema, &s.workloadParams))
                    return std::nullopt;
                if (!kindCheck(s.workloadKind, *schema, s.workloadParams))
                    return std::nullopt;
            }
        }
        Q_ASSERT(schema);

        const auto timeline = root.find(keys::timeline);
        if (timeline != root.end()) {
            if (!timeline->isArray()) {
                ScenarioError e;
                e.code = Code::WrongType;
                e.path = keys::timeline;
                e.expected = QStringLiteral("array");
                fail(std::move(e));
                return std::nullopt;
            }
            const QJsonArray entries = timeline->toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                Scenario::TimelineEntry entry;
                const QString path = QStringLiteral("timeline[%1]").arg(i);
                if (!timelineEntry(entries.at(i), path, *schema, &entry))
                    return std::nullopt;
                s.timeline.append(entry);
            }
        }
        const auto sweep = root.find(keys::sweep);
        if (sweep != root.end()) {
            ScenarioError e;
            s.sweep = SweepSection::fromJson(*sweep, s, &e);
            if (!s.sweep) {
                fail(std::move(e));
                return std::nullopt;
            }
        }
        return s;
    }

private:
    ScenarioError* m_error = nullptr; ///< where the first fault goes; may be null
};

QJsonValue jsonValue(const QVariant& value)
{
    return QJsonValue::fromVariant(value);
}

} // namespace

std::optional<Scenario> PresetFormat::parse(const QByteArray& json, ScenarioError* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error) {
            *error = {};
            error->code = Code::BadJson;
            error->offset = parseError.offset;
            error->jsonError = parseError.error;
        }
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error) {
            *error = {};
            error->code = Code::NotAnObject;
        }
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

std::optional<Scenario> PresetFormat::fromJson(const QJsonObject& object, ScenarioError* error)
{
    return Reader(error).read(object);
}

QJsonObject PresetFormat::toJson(const Scenario& s)
{
    QJsonObject root;
    for (const Setting& setting : SettingsTable::all()) {
        if (!setting.saved || setting.saved(s))
            setAt(root, setting.path.split(QLatin1Char('.')), jsonValue(setting.get(s)));
    }
    QJsonObject params;
    for (auto it = s.workloadParams.cbegin(); it != s.workloadParams.cend(); ++it)
        params.insert(it.key(), jsonValue(it.value()));
    setAt(root, {keys::workload, keys::params}, params);
    QJsonArray timeline;
    for (const auto& entry : s.timeline) {
        QJsonObject e{{keys::atSec, entry.atSec},
                      {keys::action, Scenario::actionName(entry.action)}};
        if (entry.action == Scenario::Action::SetParam)
            e.insert(keys::key, entry.key);
        if (entry.value.isValid())
            e.insert(keys::value, jsonValue(entry.value));
        timeline.append(e);
    }
    root.insert(keys::timeline, timeline);
    if (s.sweep)
        root.insert(keys::sweep, SweepSection::toJson(*s.sweep));
    return root;
}

QByteArray PresetFormat::serialize(const Scenario& scenario)
{
    return QJsonDocument(toJson(scenario)).toJson(QJsonDocument::Indented);
}

void PresetFormat::setAt(QJsonObject& root, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        root.insert(path.front(), value);
        return;
    }
    QJsonObject child = root.value(path.front()).toObject();
    setAt(child, path.mid(1), value);
    root.insert(path.front(), child);
}

} // namespace shoal
