#pragma once

#include "workload.h"

#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <vector>

namespace shoal {

/// What a setting or a workload parameter accepts: integral numbers, numbers, true/false, text,
/// one of some texts, or a list of texts (a JSON array of strings; workload parameters only).
/// One enum for preset keys and workload parameters alike.
enum class ValueType { Integer, Number, Bool, String, Choice, StringList };

/// The JSON type name a value of \a type is given as: "integer", "number", "bool", "string",
/// "list of strings".
QString valueTypeName(ValueType type);

/// The parameters one workload kind accepts: name, type, default and allowed range. It checks
/// values from a preset (a QVariantMap as QJsonDocument::toVariant() makes it) and normalizes
/// them: integers to qint64 (integral doubles included, since JSON numbers are doubles), numbers
/// to double, booleans to bool, strings and choices to QString, lists of strings to QStringList.
/// Immutable once built; any thread may use a built schema.
class ParamSchema {
public:
    using Type = ValueType;

    /// One parameter.
    struct Spec {
        QString key;              ///< as the preset spells it
        Type type = Type::String; ///< what values are accepted
        QVariant defaultValue;    ///< normalized
        QVariant minimum;         ///< Integer (qint64) and Number (double) only
        QVariant maximum;         ///< Integer (qint64) and Number (double) only
        QStringList allowed;      ///< Choice only
        /// The parameter matters only while \c whenKey has one of \c whenValues (e.g. a spread
        /// only for a uniform distribution); empty: always.
        QString whenKey;
        QStringList whenValues;
    };

    ParamSchema& addInteger(const QString& key, qint64 defaultValue, qint64 minimum,
                            qint64 maximum);
    ParamSchema& addNumber(const QString& key, double defaultValue, double minimum, double maximum);
    ParamSchema& addBool(const QString& key, bool defaultValue);
    ParamSchema& addString(const QString& key, const QString& defaultValue);
    ParamSchema& addChoice(const QString& key, const QString& defaultValue,
                           const QStringList& allowed);
    /// A list of texts: a JSON array whose items are all strings (an empty array included).
    ParamSchema& addStringList(const QString& key, const QStringList& defaultValue);

    /// The parameter added last matters only while \a key (added before it) is one of \a values.
    ParamSchema& onlyWhen(const QString& key, const QStringList& values);
    /// Whether \a spec matters with \a params (missing ones at their defaults).
    bool applies(const Spec& spec, const QVariantMap& params) const;

    /// Checks \a value for \a key; on success stores the normalized value in \a normalized.
    ParamError check(const QString& key, const QVariant& value, QVariant* normalized) const;
    /// Every default overlaid with \a given, each checked; the first bad key (in key order)
    /// is reported and \a resolved is left untouched.
    ParamError resolve(const QVariantMap& given, QVariantMap* resolved) const;
    /// The defaults of every parameter.
    QVariantMap defaults() const;
    const std::vector<Spec>& specs() const { return m_specs; }
    /// The parameter named \a key, or null if the kind has none.
    const Spec* find(const QString& key) const;

private:
    std::vector<Spec> m_specs; ///< in the order they were added
};

} // namespace shoal
