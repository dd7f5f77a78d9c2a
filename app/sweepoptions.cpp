#include "sweepoptions.h"

#include "lab/sweeprunner.h"
#include "text/errortext.h"

using namespace shoal;

namespace {

/// A number of seconds from \a text in [minimum, 86400], or nothing.
std::optional<double> seconds(const QString& text, double minimum)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !(v >= minimum) || v > 86400)
        return std::nullopt;
    return v;
}

} // namespace

QString SweepOptions::valuesError(const SweepValuesError& e)
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

QString SweepOptions::sloError(const SweepSloError& e)
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

std::optional<SweepSpec> SweepOptions::resolve(const CommandLine::Options& options,
                                               const Scenario& scenario, QString* error)
{
    if (options.sweepPreset && !scenario.sweep && options.sweeps.isEmpty()) {
        *error = tr("--sweep-preset: the preset \"%1\" has no sweep section").arg(scenario.name);
        return std::nullopt;
    }
    SweepSpec spec = scenario.sweep.value_or(SweepSpec());
    if (!options.sweeps.isEmpty())
        spec.axes.clear();
    for (const QString& given : options.sweeps) {
        const qsizetype eq = given.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("--sweep %1: expected KEY=VALUES").arg(given);
            return std::nullopt;
        }
        SweepSpec::Axis axis;
        axis.key = given.left(eq).trimmed();
        SweepValuesError valuesErr;
        axis.values = parseSweepValues(QStringView(given).mid(eq + 1), &valuesErr);
        if (valuesErr) {
            *error = tr("--sweep %1: %2").arg(axis.key, valuesError(valuesErr));
            return std::nullopt;
        }
        spec.axes.append(axis);
    }
    if (spec.axes.isEmpty()) {
        *error = tr("no sweep: give --sweep KEY=VALUES, or --sweep-preset with a preset that has a "
                    "sweep section");
        return std::nullopt;
    }
    if (!options.pointSeconds.isEmpty()) {
        const std::optional<double> v = seconds(options.pointSeconds, 0.1);
        if (!v) {
            *error = tr("--point-seconds: expected seconds from 0.1 to 86400, got \"%1\"")
                         .arg(options.pointSeconds);
            return std::nullopt;
        }
        spec.pointSec = *v;
    }
    if (!options.warmupSeconds.isEmpty()) {
        const std::optional<double> v = seconds(options.warmupSeconds, 0);
        if (!v) {
            *error = tr("--warmup-seconds: expected seconds from 0 to 86400, got \"%1\"")
                         .arg(options.warmupSeconds);
            return std::nullopt;
        }
        spec.warmupSec = *v;
    }
    if (!options.repeats.isEmpty()) {
        bool ok = false;
        const int r = options.repeats.trimmed().toInt(&ok);
        if (!ok || r < 1 || r > SweepSpec::kMaxPoints) {
            *error = tr("--repeats: expected a whole number from 1 to %1, got \"%2\"")
                         .arg(SweepSpec::kMaxPoints)
                         .arg(options.repeats);
            return std::nullopt;
        }
        spec.repeats = r;
    }
    if (!options.slo.isEmpty()) {
        SweepSloError sloErr;
        spec.slo = parseSweepSlo(options.slo, &sloErr);
        if (!spec.slo) {
            *error = tr("--slo %1: %2").arg(options.slo, sloError(sloErr));
            return std::nullopt;
        }
    }
    if (spec.runs() > SweepSpec::kMaxPoints) {
        *error = tr("too many sweep points: %1 runs (values x repeats), at most %2")
                     .arg(spec.runs())
                     .arg(SweepSpec::kMaxPoints);
        return std::nullopt;
    }
    ScenarioError planError;
    if (!SweepRunner::plan(scenario, spec, &planError)) {
        *error = tr("--sweep: %1").arg(ErrorText::scenario(planError));
        return std::nullopt;
    }
    return spec;
}
