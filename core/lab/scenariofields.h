#pragma once

#include "scenario.h"
#include "scenarioerror.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace shoal {

class ParamSchema;
struct ParamError;

/// The scalar keys of the preset format with their types and ranges: one table shared by the
/// preset validator, --set assignments and the Session's live setters, so a value is refused
/// the same way (and named by the same key) wherever it comes from. Immutable; any thread.
class ScenarioFields {
public:
    /// What a key accepts: integral numbers, numbers, true/false, text, or one of some texts.
    enum class Type { Integer, Number, Bool, String, Choice };

    /// One scalar key.
    struct Field {
        QString path;             ///< e.g. "arrival.ratePerSec"
        Type type = Type::Number; ///< what values are accepted
        double minimum = 0;       ///< Integer and Number
        double maximum = 0;       ///< Integer and Number
        QStringList choices;      ///< Choice
        bool nonEmpty = false;    ///< String: refuse ""
    };

    /// Every scalar key outside the timeline and the workload parameters, in checking order.
    static const std::vector<Field>& all();
    /// The key at \a path, or null.
    static const Field* find(const QString& path);
    /// The field that an action's "value" is checked as (e.g. setRate: arrival.ratePerSec);
    /// null for actions without a value and for setParam, whose value the workload checks.
    static const Field* actionValue(Scenario::Action action);

    /// Checks \a value for \a field, naming it \a path in the error. On success stores the
    /// normalized value (qint64, double, bool or QString) in \a normalized.
    static ScenarioError check(const Field& field, const QJsonValue& value, const QString& path,
                               QVariant* normalized);
    /// The JSON type name check() wants for \a type: "integer", "number", "bool", "string".
    static QString typeName(Type type);

    /// The parameter schema of workload \a kind, or null for an unknown kind.
    static const ParamSchema* workloadSchema(const QString& kind);
    /// A workload's refusal as a preset error; \a path is the parameter's JSON path.
    static ScenarioError fromParamError(const ParamError& error, const QString& path);
};

} // namespace shoal
