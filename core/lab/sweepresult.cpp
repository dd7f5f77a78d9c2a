#include "sweepresult.h"

#include <QJsonArray>

#include <cmath>

namespace shoal {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

/// Adds \a key when \a value is given: the model block carries only what the model says.
void insertIf(QJsonObject& object, const QString& key, const std::optional<double>& value)
{
    if (value)
        object.insert(key, number(*value));
}

} // namespace

QJsonObject SweepResult::modelJson(const ModelPrediction& m)
{
    QJsonObject o{
        {QStringLiteral("name"), m.name()},
        {QStringLiteral("reason"), ModelPrediction::reasonName(m.reason)},
        {QStringLiteral("servers"), m.servers},
        {QStringLiteral("arrivalPerSec"), number(m.arrivalPerSec)},
        {QStringLiteral("serviceMeanMs"), number(m.serviceMeanMs)},
        {QStringLiteral("utilisation"), number(m.utilisation)},
    };
    insertIf(o, QStringLiteral("waitProbability"), m.waitProbability);
    insertIf(o, QStringLiteral("queueWaitMeanMs"), m.queueWaitMeanMs);
    insertIf(o, QStringLiteral("queueWaitP95Ms"), m.queueWaitP95Ms);
    insertIf(o, QStringLiteral("latencyMeanMs"), m.latencyMeanMs);
    insertIf(o, QStringLiteral("latencyP50Ms"), m.latencyP50Ms);
    insertIf(o, QStringLiteral("latencyP95Ms"), m.latencyP95Ms);
    insertIf(o, QStringLiteral("latencyP99Ms"), m.latencyP99Ms);
    return o;
}

QJsonObject SweepResult::toJson() const
{
    QJsonArray pointArray;
    for (qsizetype i = 0; i < points.size(); ++i) {
        QJsonObject p = points.at(i).toJson();
        if (i < models.size())
            p.insert(QStringLiteral("model"), modelJson(models.at(i)));
        pointArray.append(p);
    }
    QJsonObject o = analysis.toJson();
    o.insert(QStringLiteral("keys"), QJsonArray::fromStringList(keys));
    o.insert(QStringLiteral("points"), pointArray);
    return o;
}

} // namespace shoal
