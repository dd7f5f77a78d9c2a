#include "sweeptext.h"

#include "lab/runexport.h"

#include <cmath>

using namespace shoal;

namespace {

/// For a point without a prediction (none is given).
const ModelPrediction kNoModel;

QString num(double v, int decimals = 1)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}

QString value(double v)
{
    return QString::number(v, 'g', 12);
}

QString sloText(const SweepSlo& slo)
{
    return SweepText::tr("%1 <= %2 ms").arg(SweepSlo::metricName(slo.metric), value(slo.limitMs));
}

} // namespace

QString SweepText::sentence(const SweepGroup& group, const QStringList& keys)
{
    QString where;
    if (group.where && keys.size() > 1)
        where = tr("With %1 = %2, ").arg(keys.at(1), value(*group.where));
    const QString key = keys.constFirst();
    if (group.recommendation) {
        const SweepRecommendation& r = *group.recommendation;
        switch (r.reason) {
        case SweepRecommendation::Reason::SmallestMeeting:
            return where + tr("%1 %2 is the smallest meeting %3 at %4 calls/s; %5 gives %6 ms.")
                               .arg(key, value(*r.value), sloText(r.slo),
                                    num(r.throughputPerSec, 0), value(*r.smallerValue),
                                    num(r.smallerFigureMs));
        case SweepRecommendation::Reason::SmallestTriedMeets:
            return where + tr("%1 %2, the smallest tried, meets %3 at %4 calls/s (%5 ms).")
                               .arg(key, value(*r.value), sloText(r.slo),
                                    num(r.throughputPerSec, 0), num(r.figureMs));
        case SweepRecommendation::Reason::NoneMeets:
            return where + tr("No %1 tried meets %2; the largest, %3, gives %4 ms.")
                               .arg(key, sloText(r.slo),
                                    r.smallerValue ? value(*r.smallerValue) : QStringLiteral("-"),
                                    num(r.smallerFigureMs));
        }
    }
    if (group.knee)
        return where +
               tr("No objective given; the knee (highest throughput per ms of mean latency) "
                  "is at %1 %2, %3 calls/s at %4 ms mean.")
                   .arg(key, value(group.knee->value), num(group.knee->throughputPerSec, 0),
                        num(group.knee->latencyMeanMs));
    return where + tr("No objective given and no point had a throughput and a latency.");
}

QStringList SweepText::header(const QStringList& keys)
{
    QStringList header = keys;
    header << tr("rep") << tr("offered/s") << tr("thru/s") << tr("p50 ms") << tr("p95 ms")
           << tr("p99 ms") << tr("mean ms") << tr("wait95 ms") << tr("util") << tr("model p95")
           << tr("timedOut") << tr("rejected");
    return header;
}

QList<QStringList> SweepText::rows(const SweepResult& result, const QLocale& locale)
{
    const auto num = [&locale](double v, int decimals = 1) {
        return std::isfinite(v) ? locale.toString(v, 'f', decimals) : QStringLiteral("-");
    };
    QList<QStringList> rows;
    for (qsizetype i = 0; i < result.points.size(); ++i) {
        const SweepPoint& p = result.points.at(i);
        QStringList row;
        for (const QString& key : result.keys)
            row << locale.toString(p.values.value(key), 'g', 12);
        const ModelPrediction& m = i < result.models.size() ? result.models.at(i) : kNoModel;
        row << locale.toString(p.repeat + 1) << num(p.offeredPerSec) << num(p.throughputPerSec)
            << num(p.latencyMs.p50) << num(p.latencyMs.p95) << num(p.latencyMs.p99)
            << num(p.latencyMs.mean) << num(p.queueWaitP95Ms) << num(p.utilisation, 2)
            << (m.latencyP95Ms ? num(*m.latencyP95Ms) : QStringLiteral("-"))
            << locale.toString(p.timedOut) << locale.toString(p.rejected);
        rows.append(row);
    }
    return rows;
}

QString SweepText::uslLine(const SweepGroup& g, const QLocale& locale)
{
    if (!g.usl || !g.usl->isFitted())
        return QString();
    const auto num = [&locale](double v, int decimals) {
        return std::isfinite(v) ? locale.toString(v, 'f', decimals) : QStringLiteral("-");
    };
    return tr("USL fit: sigma %1, kappa %2, peak at %3, R^2 %4")
        .arg(num(g.usl->sigma, 4), num(g.usl->kappa, 5),
             g.usl->peakAt ? num(*g.usl->peakAt, 1) : tr("none"), num(g.usl->r2, 3));
}

QString SweepText::format(const SweepResult& result)
{
    const QLocale c = QLocale::c();
    const QStringList head = header(result.keys);
    QList<QStringList> table{head};
    table += rows(result, c);
    QList<qsizetype> widths(head.size(), 0);
    for (const QStringList& row : table)
        for (qsizetype col = 0; col < row.size(); ++col)
            widths[col] = std::max(widths[col], row.at(col).size());
    QString out;
    for (const QStringList& row : table) {
        QStringList cells;
        for (qsizetype col = 0; col < row.size(); ++col)
            cells << row.at(col).rightJustified(widths[col]);
        out += cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    for (const SweepGroup& g : result.analysis.groups) {
        const QString usl = uslLine(g, c);
        if (!usl.isEmpty())
            out += usl + QLatin1Char('\n');
    }
    for (const SweepGroup& g : result.analysis.groups)
        out += sentence(g, result.keys) + QLatin1Char('\n');
    return out;
}

QByteArray SweepText::csv(const SweepResult& result)
{
    QStringList columns;
    for (const QString& key : result.keys)
        columns << key;
    columns << QStringLiteral("repeat") << QStringLiteral("offered_per_s")
            << QStringLiteral("throughput_per_s") << QStringLiteral("latency_p50_ms")
            << QStringLiteral("latency_p95_ms") << QStringLiteral("latency_p99_ms")
            << QStringLiteral("latency_mean_ms") << QStringLiteral("queue_wait_p95_ms")
            << QStringLiteral("utilisation") << QStringLiteral("timed_out")
            << QStringLiteral("canceled") << QStringLiteral("failed") << QStringLiteral("rejected")
            << QStringLiteral("predicted_latency_p95_ms")
            << QStringLiteral("predicted_queue_wait_p95_ms");
    QByteArray out = RunExport::csvRecord(columns).toUtf8() + '\n';
    const auto opt = [](const std::optional<double>& v) {
        return v && std::isfinite(*v) ? QString::number(*v, 'g', 8) : QString();
    };
    const auto fin = [](double v) {
        return std::isfinite(v) ? QString::number(v, 'g', 8) : QString();
    };
    for (qsizetype i = 0; i < result.points.size(); ++i) {
        const SweepPoint& p = result.points.at(i);
        const ModelPrediction& m = i < result.models.size() ? result.models.at(i) : kNoModel;
        QStringList f;
        for (const QString& key : result.keys)
            f << value(p.values.value(key));
        f << QString::number(p.repeat) << fin(p.offeredPerSec) << fin(p.throughputPerSec)
          << fin(p.latencyMs.p50) << fin(p.latencyMs.p95) << fin(p.latencyMs.p99)
          << fin(p.latencyMs.mean) << fin(p.queueWaitP95Ms) << fin(p.utilisation)
          << QString::number(p.timedOut) << QString::number(p.canceled) << QString::number(p.failed)
          << QString::number(p.rejected) << opt(m.latencyP95Ms) << opt(m.queueWaitP95Ms);
        out += RunExport::csvRecord(f).toUtf8() + '\n';
    }
    return out;
}

QString SweepText::valuesError(const SweepValuesError& e)
{
    switch (e.code) {
    case SweepValuesError::Code::None:
        return {};
    case SweepValuesError::Code::Empty:
        return tr("no value given");
    case SweepValuesError::Code::NotANumber:
        return tr("\"%1\" is not a number").arg(e.text);
    case SweepValuesError::Code::EmptyRange:
        return tr("the range \"%1\" is empty: its end is below its start").arg(e.text);
    case SweepValuesError::Code::BadStep:
        return tr("the step in \"%1\" must be above zero").arg(e.text);
    case SweepValuesError::Code::BadFactor:
        return tr("the factor in \"%1\" must be above one").arg(e.text);
    case SweepValuesError::Code::BadFactorStart:
        return tr("the range \"%1\" must start above zero to grow by a factor").arg(e.text);
    case SweepValuesError::Code::TooManyPoints:
        return tr("too many values at \"%1\": at most %2").arg(e.text).arg(e.limit);
    case SweepValuesError::Code::Duplicate:
        return tr("\"%1\" repeats a value given before").arg(e.text);
    }
    return {};
}

QString SweepText::sloError(const SweepSloError& e)
{
    switch (e.code) {
    case SweepSloError::Code::None:
        return {};
    case SweepSloError::Code::Empty:
        return tr("no objective given; expected METRIC<=MS");
    case SweepSloError::Code::NoOperator:
        return tr("expected METRIC<=MS, e.g. p95<=36");
    case SweepSloError::Code::UnknownMetric:
        return tr("unknown metric \"%1\"; expected p50, p95, p99 or wait_p95").arg(e.text);
    case SweepSloError::Code::NotANumber:
        return tr("\"%1\" is not a number of milliseconds").arg(e.text);
    case SweepSloError::Code::NotPositive:
        return tr("the limit \"%1\" must be above zero").arg(e.text);
    }
    return {};
}
