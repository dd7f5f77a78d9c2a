#include "sweepslo.h"

#include "textpiece.h"

#include <QLocale>

#include <cmath>

namespace shoal {
namespace {

std::optional<SweepSlo> refuse(SweepSloError* error, SweepSloError::Code code,
                               const TextPiece& piece)
{
    if (error)
        *error = {code, piece.position, piece.text.toString()};
    return std::nullopt;
}

} // namespace

double SweepSlo::figureOf(const SweepPoint& point) const
{
    switch (metric) {
    case Metric::P50:
        return point.latencyMs.p50;
    case Metric::P95:
        return point.latencyMs.p95;
    case Metric::P99:
        return point.latencyMs.p99;
    case Metric::WaitP95:
        return point.queueWaitP95Ms;
    }
    return std::nan("");
}

bool SweepSlo::isMetBy(const SweepPoint& point) const
{
    const double figure = figureOf(point);
    return std::isfinite(figure) && figure <= limitMs;
}

QString SweepSlo::metricName(Metric metric)
{
    switch (metric) {
    case Metric::P50:
        return QStringLiteral("p50");
    case Metric::P95:
        return QStringLiteral("p95");
    case Metric::P99:
        return QStringLiteral("p99");
    case Metric::WaitP95:
        return QStringLiteral("wait_p95");
    }
    return {};
}

QString SweepSlo::toString() const
{
    return metricName(metric) + u"<=" + QString::number(limitMs, 'g', 12);
}

std::optional<SweepSlo> parseSweepSlo(QStringView text, SweepSloError* error)
{
    if (error)
        *error = {};
    const TextPiece whole = trimmedPiece(text, 0);
    if (whole.text.isEmpty())
        return refuse(error, SweepSloError::Code::Empty, whole);
    const qsizetype op = text.indexOf(u"<=");
    if (op < 0)
        return refuse(error, SweepSloError::Code::NoOperator, whole);
    const TextPiece name = trimmedPiece(text.first(op), 0);
    SweepSlo slo;
    bool known = false;
    for (const SweepSlo::Metric metric : {SweepSlo::Metric::P50, SweepSlo::Metric::P95,
                                          SweepSlo::Metric::P99, SweepSlo::Metric::WaitP95}) {
        if (name.text.compare(SweepSlo::metricName(metric), Qt::CaseInsensitive) == 0) {
            slo.metric = metric;
            known = true;
        }
    }
    if (!known)
        return refuse(error, SweepSloError::Code::UnknownMetric, name);
    TextPiece limit = trimmedPiece(text.sliced(op + 2), static_cast<int>(op) + 2);
    QStringView digits = limit.text;
    if (digits.endsWith(u"ms", Qt::CaseInsensitive))
        digits = trimmedPiece(digits.chopped(2), 0).text;
    bool ok = false;
    const double ms = digits.isEmpty() ? 0 : QLocale::c().toDouble(digits, &ok);
    if (!ok || !std::isfinite(ms))
        return refuse(error, SweepSloError::Code::NotANumber, limit);
    if (ms <= 0)
        return refuse(error, SweepSloError::Code::NotPositive, limit);
    slo.limitMs = ms;
    return slo;
}

} // namespace shoal
