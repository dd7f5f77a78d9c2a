#include "sweepanalysis.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace shoal {
namespace {

/// A group's points by the first key's value, ascending.
using ByValue = QMap<double, QList<SweepPoint>>;

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<double>& value)
{
    return value ? number(*value) : QJsonValue(QJsonValue::Null);
}

/// The worst (highest) figure of the repeats; NaN when any repeat has none.
double worstFigure(const SweepSlo& slo, const QList<SweepPoint>& repeats)
{
    double worst = -std::numeric_limits<double>::infinity();
    for (const SweepPoint& point : repeats) {
        const double figure = slo.figureOf(point);
        if (!std::isfinite(figure))
            return std::numeric_limits<double>::quiet_NaN();
        worst = std::max(worst, figure);
    }
    return worst;
}

/// The mean of the finite figures; NaN when there are none.
template <class Figure>
double meanOf(const QList<SweepPoint>& repeats, Figure figure)
{
    double sum = 0;
    int count = 0;
    for (const SweepPoint& point : repeats) {
        const double value = figure(point);
        if (std::isfinite(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

SweepRecommendation recommend(const QString& key, const SweepSlo& slo, const ByValue& byValue)
{
    SweepRecommendation r;
    r.key = key;
    r.slo = slo;
    std::optional<double> previous;
    for (auto it = byValue.cbegin(); it != byValue.cend(); ++it) {
        const bool meets = std::all_of(it.value().cbegin(), it.value().cend(),
                                       [&](const SweepPoint& p) { return slo.isMetBy(p); });
        if (meets) {
            r.value = it.key();
            r.reason = previous ? SweepRecommendation::Reason::SmallestMeeting
                                : SweepRecommendation::Reason::SmallestTriedMeets;
            r.figureMs = worstFigure(slo, it.value());
            r.throughputPerSec =
                meanOf(it.value(), [](const SweepPoint& p) { return p.throughputPerSec; });
            if (previous) {
                r.smallerValue = previous;
                r.smallerFigureMs = worstFigure(slo, byValue.value(*previous));
            }
            return r;
        }
        previous = it.key();
    }
    r.reason = SweepRecommendation::Reason::NoneMeets;
    if (previous) {
        r.smallerValue = previous;
        r.smallerFigureMs = worstFigure(slo, byValue.value(*previous));
    }
    return r;
}

std::optional<SweepKnee> findKnee(const QString& key, const ByValue& byValue)
{
    std::optional<SweepKnee> best;
    for (auto it = byValue.cbegin(); it != byValue.cend(); ++it) {
        SweepKnee k;
        k.key = key;
        k.value = it.key();
        k.throughputPerSec =
            meanOf(it.value(), [](const SweepPoint& p) { return p.throughputPerSec; });
        k.latencyMeanMs = meanOf(it.value(), [](const SweepPoint& p) { return p.latencyMs.mean; });
        if (!std::isfinite(k.throughputPerSec) || !(k.latencyMeanMs > 0))
            continue;
        k.power = k.throughputPerSec / k.latencyMeanMs;
        if (!std::isfinite(k.power))
            continue;
        // Values run upward, so a tie keeps the smaller (cheaper) one.
        if (!best || k.power > best->power * (1 + 1e-9))
            best = k;
    }
    return best;
}

QJsonObject recommendationJson(const SweepRecommendation& r)
{
    QJsonValue smaller(QJsonValue::Null);
    if (r.smallerValue) {
        smaller = QJsonObject{{QStringLiteral("value"), number(r.smallerValue)},
                              {QStringLiteral("figureMs"), number(r.smallerFigureMs)}};
    }
    return {
        {QStringLiteral("key"), r.key},
        {QStringLiteral("value"), number(r.value)},
        {QStringLiteral("slo"), r.slo.toString()},
        {QStringLiteral("reason"), SweepRecommendation::reasonName(r.reason)},
        {QStringLiteral("figureMs"), number(r.figureMs)},
        {QStringLiteral("throughputPerSec"), number(r.throughputPerSec)},
        {QStringLiteral("smaller"), smaller},
    };
}

QJsonObject kneeJson(const SweepKnee& k)
{
    return {
        {QStringLiteral("key"), k.key},
        {QStringLiteral("value"), number(k.value)},
        {QStringLiteral("power"), number(k.power)},
        {QStringLiteral("throughputPerSec"), number(k.throughputPerSec)},
        {QStringLiteral("latencyMeanMs"), number(k.latencyMeanMs)},
    };
}

QJsonObject uslJson(const UslFit& fit, const QList<SweepPoint>& points, const QString& key)
{
    QJsonArray residuals;
    for (qsizetype i = 0; i < fit.residuals.size() && i < points.size(); ++i) {
        residuals.append(QJsonObject{{QStringLiteral("value"), number(points[i].values.value(key))},
                                     {QStringLiteral("repeat"), points[i].repeat},
                                     {QStringLiteral("residual"), number(fit.residuals[i])}});
    }
    return {
        {QStringLiteral("sigma"), number(fit.sigma)},
        {QStringLiteral("kappa"), number(fit.kappa)},
        {QStringLiteral("lambda"), number(fit.lambda)},
        {QStringLiteral("peakAt"), number(fit.peakAt)},
        {QStringLiteral("r2"), number(fit.r2)},
        {QStringLiteral("residuals"), residuals},
    };
}

bool hasFinite(const SweepPoint& point, const QString& key)
{
    const auto it = point.values.constFind(key);
    return it != point.values.cend() && std::isfinite(it.value());
}

} // namespace

QString SweepRecommendation::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::SmallestMeeting:
        return QStringLiteral("smallestMeeting");
    case Reason::SmallestTriedMeets:
        return QStringLiteral("smallestTriedMeets");
    case Reason::NoneMeets:
        return QStringLiteral("noneMeets");
    }
    return {};
}

SweepAnalysis analyseSweep(const QStringList& keys, const QList<SweepPoint>& points,
                           const SweepAnalysisOptions& options)
{
    SweepAnalysis analysis;
    analysis.keys = keys;
    if (keys.isEmpty())
        return analysis;
    const QString& first = keys.first();
    const bool twoKeys = keys.size() > 1;

    // Second-key value (0 for a one-key sweep) -> first-key value -> repeats, in input order.
    QMap<double, ByValue> groups;
    QMap<double, QList<SweepPoint>> inOrder;
    for (const SweepPoint& point : points) {
        if (!hasFinite(point, first) || (twoKeys && !hasFinite(point, keys[1])))
            continue;
        const double where = twoKeys ? point.values.value(keys[1]) : 0;
        groups[where][point.values.value(first)].append(point);
        inOrder[where].append(point);
    }
    if (groups.isEmpty() && !twoKeys)
        groups.insert(0, {});

    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        SweepGroup group;
        if (twoKeys)
            group.where = it.key();
        if (options.slo && !it.value().isEmpty())
            group.recommendation = recommend(first, *options.slo, it.value());
        group.knee = findKnee(first, it.value());
        if (options.fitUsl) {
            QList<UslPoint> usl;
            for (const SweepPoint& point : inOrder.value(it.key())) {
                if (std::isfinite(point.throughputPerSec)) {
                    usl.append({point.values.value(first), point.throughputPerSec});
                    group.uslPoints.append(point);
                }
            }
            group.usl = fitUsl(usl);
        }
        analysis.groups.append(group);
    }
    return analysis;
}

QJsonObject SweepAnalysis::toJson() const
{
    const QString first = keys.value(0);
    const auto blocks = [&](const SweepGroup& g) {
        QJsonObject b;
        b.insert(QStringLiteral("recommendation"),
                 g.recommendation ? QJsonValue(recommendationJson(*g.recommendation))
                                  : QJsonValue(QJsonValue::Null));
        b.insert(QStringLiteral("knee"),
                 g.knee ? QJsonValue(kneeJson(*g.knee)) : QJsonValue(QJsonValue::Null));
        b.insert(QStringLiteral("usl"), g.usl && g.usl->isFitted()
                                            ? QJsonValue(uslJson(*g.usl, g.uslPoints, first))
                                            : QJsonValue(QJsonValue::Null));
        return b;
    };
    if (keys.size() < 2)
        return groups.isEmpty() ? blocks(SweepGroup{}) : blocks(groups.first());
    QJsonArray recommendations;
    QJsonArray knees;
    QJsonArray usls;
    for (const SweepGroup& g : groups) {
        const QJsonObject b = blocks(g);
        const QJsonObject where{{keys[1], number(g.where.value_or(0))}};
        const auto entry = [&](const QString& name) {
            QJsonObject e = b.value(name).toObject(); // empty when the block is null
            e.insert(QStringLiteral("where"), where);
            return e;
        };
        recommendations.append(entry(QStringLiteral("recommendation")));
        knees.append(entry(QStringLiteral("knee")));
        usls.append(entry(QStringLiteral("usl")));
    }
    QJsonObject out;
    out.insert(QStringLiteral("recommendation"), recommendations);
    out.insert(QStringLiteral("knee"), knees);
    out.insert(QStringLiteral("usl"), usls);
    return out;
}

} // namespace shoal
