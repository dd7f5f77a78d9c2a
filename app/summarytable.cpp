#include "summarytable.h"

#include "text/modeltext.h"

#include <QList>
#include <QPair>

#include <cmath>

namespace {

QString milliseconds(double ms)
{
    if (!std::isfinite(ms))
        return QStringLiteral("-");
    return SummaryTable::tr("%1 ms").arg(ms, 0, 'f', ms < 10 ? 3 : 1);
}

} // namespace

QString SummaryTable::steadyLine(const shoal::SteadyMeasurement& m)
{
    if (m.toSec <= m.fromSec)
        return tr("too short to measure");
    return tr("%1 s to %2 s: p50 %3, p95 %4, p99 %5, queue wait p95 %6, %7% waited, "
              "utilisation %8")
        .arg(m.fromSec, 0, 'f', 1)
        .arg(m.toSec, 0, 'f', 1)
        .arg(milliseconds(m.latencyP50Ms), milliseconds(m.latencyP95Ms),
             milliseconds(m.latencyP99Ms), milliseconds(m.queueWaitP95Ms))
        .arg(m.waitShare * 100, 0, 'f', 1)
        .arg(m.utilisation, 0, 'f', 3);
}

QString SummaryTable::modelLine(const shoal::ModelPrediction& m)
{
    if (!m.latencyP95Ms)
        return tr("rho %1").arg(m.utilisation, 0, 'f', 3);
    return tr("rho %1, P(wait) %2, p50 %3, p95 %4, p99 %5, queue wait p95 %6")
        .arg(m.utilisation, 0, 'f', 3)
        .arg(m.waitProbability.value_or(0), 0, 'f', 3)
        .arg(milliseconds(m.latencyP50Ms.value_or(NAN)), milliseconds(*m.latencyP95Ms),
             milliseconds(m.latencyP99Ms.value_or(NAN)),
             milliseconds(m.queueWaitP95Ms.value_or(NAN)));
}

QString SummaryTable::format(const shoal::RunSummary& s)
{
    const shoal::CallCounters& c = s.counters;
    QList<QPair<QString, QString>> rows = {
        {tr("preset"), s.presetName},
        {tr("elapsed"),
         tr("%1 s (offering %2 s)").arg(s.elapsedSec, 0, 'f', 2).arg(s.activeSec, 0, 'f', 2)},
        {tr("offered"), tr("%1 calls/s").arg(s.offeredPerSec, 0, 'f', 1)},
        {tr("throughput"), tr("%1 calls/s").arg(s.throughputPerSec, 0, 'f', 1)},
        {tr("latency p50"), milliseconds(s.latencyP50Ms)},
        {tr("latency p95"), milliseconds(s.latencyP95Ms)},
        {tr("latency p99"), milliseconds(s.latencyP99Ms)},
        {tr("latency max"), milliseconds(s.latencyMaxMs)},
        {tr("queue wait p95"), milliseconds(s.queueWaitP95Ms)},
        {tr("service p95"), milliseconds(s.serviceP95Ms)},
        {tr("steady part"), steadyLine(s.steady)},
        {tr("model"), ModelText::comparison(s.steady.latencyP95Ms, s.model)},
        {tr("model detail"), modelLine(s.model)},
        {tr("Little's law"),
         s.steady.toSec <= s.steady.fromSec
             ? tr("too short to measure")
             : tr("%1 calls in the system, throughput x mean latency %2")
                   .arg(s.steady.littlesLaw.meanInSystem, 0, 'f', 2)
                   .arg(s.steady.littlesLaw.throughputTimesMeanLatency, 0, 'f', 2)},
        {tr("submitted"), QString::number(c.submitted)},
        {tr("completed"), QString::number(c.completed)},
        {tr("timeouts"), QString::number(c.timedOut)},
        {tr("canceled"), QString::number(c.canceled)},
        {tr("errors"), QString::number(c.failed)},
        {tr("rejections"), QString::number(c.rejected)},
        {tr("not running"), QString::number(c.notRunning)},
        {tr("peak waiting"), QString::number(s.peakWaiting)},
        {tr("peak in flight"), QString::number(s.peakInFlight)},
        {tr("peak abandoned"), QString::number(s.peakAbandoned)},
        {tr("drained"), s.drained ? tr("yes") : tr("no, the pool was closed on the rest")},
        {tr("accounting"),
         (s.identityHolds ? tr("ok") : tr("NOT OK")) +
             tr(": %1 submitted, %2 accounted for (completed + timeouts + canceled + errors + "
                "rejections + not running)%3")
                 .arg(c.submitted)
                 .arg(c.finished())
                 .arg(s.poolAgrees ? tr("; the pool agrees") : tr("; the pool DISAGREES"))},
    };
    qsizetype width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto& row : rows)
        text += row.first.leftJustified(width + 2) + row.second + QLatin1Char('\n');
    return text;
}
