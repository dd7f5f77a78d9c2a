#include "comparisontext.h"

#include <cmath>

using shoal::ComparedMetric;
using Figure = ComparedMetric::Figure;

namespace {

bool isCount(Figure figure)
{
    return figure >= Figure::Completed;
}

QString signedText(double v, int decimals, const QLocale& locale = QLocale::c())
{
    const QString text = locale.toString(v, 'f', decimals);
    return v > 0 ? QLatin1Char('+') + text : text;
}

} // namespace

QString ComparisonText::figureName(Figure figure)
{
    switch (figure) {
    case Figure::Throughput:
        return tr("throughput (calls/s)");
    case Figure::LatencyP50:
        return tr("latency p50 (ms)");
    case Figure::LatencyP95:
        return tr("latency p95 (ms)");
    case Figure::LatencyP99:
        return tr("latency p99 (ms)");
    case Figure::LatencyMax:
        return tr("latency max (ms)");
    case Figure::QueueWaitP95:
        return tr("queue wait p95 (ms)");
    case Figure::Utilisation:
        return tr("utilisation");
    case Figure::Completed:
        return tr("completed");
    case Figure::TimedOut:
        return tr("timed out");
    case Figure::Canceled:
        return tr("canceled");
    case Figure::Failed:
        return tr("failed");
    case Figure::Rejected:
        return tr("rejected");
    case Figure::NotRunning:
        return tr("pool not running");
    }
    return QString();
}

QString ComparisonText::noiseNote(const ComparedMetric& m)
{
    if (!m.noiseLow || !m.noiseHigh)
        return QString();
    const int decimals = m.figure == Figure::Utilisation ? 3 : 1;
    const QString interval =
        QStringLiteral("[%1, %2]")
            .arg(signedText(*m.noiseLow, decimals), signedText(*m.noiseHigh, decimals));
    return m.withinNoise() ? tr("within noise %1").arg(interval)
                           : tr("beyond noise %1").arg(interval);
}

QStringList ComparisonText::header()
{
    return {tr("metric"), QStringLiteral("A"), QStringLiteral("B"), tr("delta"),
            tr("noise (95% interval of B - A over the rows)")};
}

QString ComparisonText::value(double v, Figure figure, const QLocale& locale)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    if (isCount(figure))
        return locale.toString(v, 'f', 0);
    return locale.toString(v, 'f', figure == Figure::Utilisation ? 3 : 1);
}

QString ComparisonText::delta(const ComparedMetric& m, const QLocale& locale)
{
    return m.deltaPercent ? signedText(*m.deltaPercent, 1, locale) + QLatin1Char('%')
                          : QStringLiteral("-");
}

QString ComparisonText::heading(const QString& label, const Named& run)
{
    const shoal::RunRecord& r = *run.record;
    return tr("%1: %2 (%3; recorded on %4, %5 cores, Shoal %6)")
        .arg(label, run.path, r.scenario.name,
             r.machine.cpu.isEmpty() ? QStringLiteral("?") : r.machine.cpu)
        .arg(r.machine.cores)
        .arg(r.machine.shoal);
}

QString ComparisonText::format(const shoal::RunComparison& comparison, const Named& a,
                               const Named& b)
{
    const QLocale c = QLocale::c();
    QString out = heading(QStringLiteral("A"), a) + QLatin1Char('\n') +
                  heading(QStringLiteral("B"), b) + QStringLiteral("\n\n");
    const QStringList head = header();
    out += QStringLiteral("%1 %2 %3 %4  %5\n")
               .arg(head.at(0), -22)
               .arg(head.at(1), 12)
               .arg(head.at(2), 12)
               .arg(head.at(3), 8)
               .arg(head.at(4));
    for (const ComparedMetric& m : comparison.metrics) {
        out += QStringLiteral("%1 %2 %3 %4  %5")
                   .arg(figureName(m.figure), -22)
                   .arg(value(m.a, m.figure, c), 12)
                   .arg(value(m.b, m.figure, c), 12)
                   .arg(delta(m, c), 8)
                   .arg(noiseNote(m))
                   .trimmed() +
               QLatin1Char('\n');
    }
    return out;
}
