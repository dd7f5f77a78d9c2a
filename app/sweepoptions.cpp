#include "sweepoptions.h"

#include "lab/sweeprunner.h"
#include "text/errortext.h"
#include "text/sweeptext.h"

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
            *error = tr("--sweep %1: %2").arg(axis.key, SweepText::valuesError(valuesErr));
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
            *error = tr("--slo %1: %2").arg(options.slo, SweepText::sloError(sloErr));
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
