#include "paramschema.h"

#include <cmath>
#include <limits>

namespace shoal {
namespace {

bool isIntegerType(int typeId)
{
    switch (typeId) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

bool isFloatType(int typeId)
{
    return typeId == QMetaType::Double || typeId == QMetaType::Float;
}

ParamError wrongType(const QString& key, const QString& expected)
{
    ParamError e;
    e.code = ParamError::Code::WrongType;
    e.param = key;
    e.expected = expected;
    return e;
}

ParamError outOfRange(const ParamSchema::Spec& spec)
{
    ParamError e;
    e.code = ParamError::Code::OutOfRange;
    e.param = spec.key;
    e.minimum = spec.minimum;
    e.maximum = spec.maximum;
    e.allowed = spec.allowed;
    return e;
}

} // namespace

QString valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::Integer:
        return QStringLiteral("integer");
    case ValueType::Number:
        return QStringLiteral("number");
    case ValueType::Bool:
        return QStringLiteral("bool");
    case ValueType::String:
    case ValueType::Choice:
        return QStringLiteral("string");
    case ValueType::StringList:
        return QStringLiteral("list of strings");
    }
    return QString();
}

ParamSchema& ParamSchema::addInteger(const QString& key, qint64 defaultValue, qint64 minimum,
                                     qint64 maximum)
{
    m_specs.push_back({key,
                       Type::Integer,
                       QVariant(defaultValue),
                       QVariant(minimum),
                       QVariant(maximum),
                       {},
                       {},
                       {}});
    return *this;
}

ParamSchema& ParamSchema::addNumber(const QString& key, double defaultValue, double minimum,
                                    double maximum)
{
    m_specs.push_back({key,
                       Type::Number,
                       QVariant(defaultValue),
                       QVariant(minimum),
                       QVariant(maximum),
                       {},
                       {},
                       {}});
    return *this;
}

ParamSchema& ParamSchema::addBool(const QString& key, bool defaultValue)
{
    m_specs.push_back({key, Type::Bool, QVariant(defaultValue), {}, {}, {}, {}, {}});
    return *this;
}

ParamSchema& ParamSchema::addString(const QString& key, const QString& defaultValue)
{
    m_specs.push_back({key, Type::String, QVariant(defaultValue), {}, {}, {}, {}, {}});
    return *this;
}

ParamSchema& ParamSchema::addChoice(const QString& key, const QString& defaultValue,
                                    const QStringList& allowed)
{
    m_specs.push_back({key, Type::Choice, QVariant(defaultValue), {}, {}, allowed, {}, {}});
    return *this;
}

ParamSchema& ParamSchema::onlyWhen(const QString& key, const QStringList& values)
{
    Q_ASSERT(!m_specs.empty() && find(key));
    m_specs.back().whenKey = key;
    m_specs.back().whenValues = values;
    return *this;
}

bool ParamSchema::applies(const Spec& spec, const QVariantMap& params) const
{
    if (spec.whenKey.isEmpty())
        return true;
    const Spec* when = find(spec.whenKey);
    return !when ||
           spec.whenValues.contains(params.value(spec.whenKey, when->defaultValue).toString());
}

ParamSchema& ParamSchema::addStringList(const QString& key, const QStringList& defaultValue)
{
    m_specs.push_back({key, Type::StringList, QVariant(defaultValue), {}, {}, {}, {}, {}});
    return *this;
}

const ParamSchema::Spec* ParamSchema::find(const QString& key) const
{
    for (const auto& spec : m_specs) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

ParamError ParamSchema::check(const QString& key, const QVariant& value, QVariant* normalized) const
{
    const Spec* spec = find(key);
    if (!spec) {
        ParamError e;
        e.code = ParamError::Code::UnknownKey;
        e.param = key;
        return e;
    }
    const int typeId = value.typeId();
    switch (spec->type) {
    case Type::Integer: {
        qint64 n = 0;
        if (typeId == QMetaType::ULongLong || typeId == QMetaType::ULong) {
            const auto u = value.toULongLong();
            if (u > static_cast<quint64>(std::numeric_limits<qint64>::max()))
                return outOfRange(*spec);
            n = static_cast<qint64>(u);
        } else if (isIntegerType(typeId)) {
            n = value.toLongLong();
        } else if (isFloatType(typeId)) {
            // JSON numbers arrive as doubles; an integral one is an integer.
            const double d = value.toDouble();
            if (!std::isfinite(d) || std::trunc(d) != d)
                return wrongType(key, QStringLiteral("integer"));
            if (d < -9.2e18 || d > 9.2e18)
                return outOfRange(*spec);
            n = static_cast<qint64>(d);
        } else {
            return wrongType(key, QStringLiteral("integer"));
        }
        if (n < spec->minimum.toLongLong() || n > spec->maximum.toLongLong())
            return outOfRange(*spec);
        *normalized = QVariant(n);
        return {};
    }
    case Type::Number: {
        if (!isIntegerType(typeId) && !isFloatType(typeId))
            return wrongType(key, QStringLiteral("number"));
        const double d = value.toDouble();
        if (std::isnan(d))
            return wrongType(key, QStringLiteral("number"));
        if (d < spec->minimum.toDouble() || d > spec->maximum.toDouble())
            return outOfRange(*spec);
        *normalized = QVariant(d);
        return {};
    }
    case Type::Bool:
        if (typeId != QMetaType::Bool)
            return wrongType(key, QStringLiteral("bool"));
        *normalized = QVariant(value.toBool());
        return {};
    case Type::String:
        if (typeId != QMetaType::QString)
            return wrongType(key, QStringLiteral("string"));
        *normalized = QVariant(value.toString());
        return {};
    case Type::Choice:
        if (typeId != QMetaType::QString)
            return wrongType(key, QStringLiteral("string"));
        if (!spec->allowed.contains(value.toString()))
            return outOfRange(*spec);
        *normalized = QVariant(value.toString());
        return {};
    case Type::StringList: {
        if (typeId != QMetaType::QVariantList && typeId != QMetaType::QStringList)
            return wrongType(key, valueTypeName(Type::StringList));
        QStringList items;
        for (const QVariant& item : value.toList()) {
            if (item.typeId() != QMetaType::QString)
                return wrongType(key, valueTypeName(Type::StringList));
            items.append(item.toString());
        }
        *normalized = QVariant(items);
        return {};
    }
    }
    return wrongType(key, QString());
}

ParamError ParamSchema::resolve(const QVariantMap& given, QVariantMap* resolved) const
{
    QVariantMap result = defaults();
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        QVariant normalized;
        if (ParamError e = check(it.key(), it.value(), &normalized))
            return e;
        result.insert(it.key(), normalized);
    }
    *resolved = result;
    return {};
}

QVariantMap ParamSchema::defaults() const
{
    QVariantMap map;
    for (const auto& spec : m_specs)
        map.insert(spec.key, spec.defaultValue);
    return map;
}

} // namespace shoal
