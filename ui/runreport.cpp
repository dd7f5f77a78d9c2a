#include "runreport.h"

#include "reportcharts.h"
#include "reporthtml.h"

#include "lab/latencyspectrum.h"
#include "lab/presetformat.h"
#include "lab/runcomparison.h"
#include "lab/runexport.h"
#include "lab/runsummary.h"
#include "text/comparisontext.h"
#include "text/eventtext.h"
#include "text/modeltext.h"
#include "text/sweeptext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

using namespace shoal;

namespace {

/// The keys the page shows elsewhere (title, lead) or that say nothing about the run.
const QStringList kShownElsewhere = {QStringLiteral("version"), QStringLiteral("name"),
                                     QStringLiteral("description"), QStringLiteral("watch")};

/// The number at the dotted \a path of \a json; NaN where it is missing or null.
double at(const QJsonObject& json, const char* path)
{
    QJsonValue v = json;
    for (const QString& key : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v.isDouble() ? v.toDouble() : NAN;
}

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("–");
}

QString ms(double v)
{
    return std::isfinite(v) ? RunReport::tr("%1 ms").arg(number(v, v < 10 ? 2 : 1))
                            : QStringLiteral("–");
}

QString count(double v)
{
    return std::isfinite(v) ? QLocale().toString(qint64(v)) : QStringLiteral("–");
}

/// A preset value as the preset file spells it.
QString valueText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 12);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QStringLiteral("null");
    }
}

/// Every key the preset writer saves for \a scenario, dotted as presets spell them
/// ("pool.size", "workload.params.meanMs"), in the writer's order; lists stay whole.
void flatten(const QJsonObject& object, const QString& prefix, QList<ReportHtml::Field>* out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (prefix.isEmpty() && kShownElsewhere.contains(key))
            continue;
        if (it->isObject())
            flatten(it->toObject(), key, out);
        else
            out->append({key, valueText(*it)});
    }
}

QList<ReportHtml::Field> settings(const Scenario& scenario)
{
    QList<ReportHtml::Field> out;
    flatten(PresetFormat::toJson(scenario), QString(), &out);
    return out;
}

QString language()
{
    return QLocale().bcp47Name();
}

} // namespace

QList<QPair<QString, QString>> RunReport::machineFields(const MachineInfo& m)
{
    return {{tr("Processor"), m.cpu.isEmpty() ? tr("not known") : m.cpu},
            {tr("Logical processors"), QLocale().toString(m.cores)},
            {tr("System"), m.os},
            {tr("Qt"), m.qt},
            {tr("Shoal"), m.shoal},
            {tr("Build"), m.build}};
}

QString RunReport::footer()
{
    return tr("Written by Shoal %1 on %2.")
        .arg(QCoreApplication::applicationVersion(),
             QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat));
}

void RunReport::addSummary(ReportHtml& html, const RunRecord& record)
{
    const QJsonObject& s = record.summary;
    const QJsonObject steady = s.value(QStringLiteral("steady")).toObject();
    html.heading(tr("Summary"));
    const std::optional<ModelPrediction> model =
        RunSummary::modelFromJson(s.value(QStringLiteral("model")));
    if (model)
        html.paragraph(tr("Queueing model: %1.")
                           .arg(ModelText::comparison(at(steady, "latencyMs.p95"), *model)),
                       ReportHtml::Tone::Verdict);

    html.beginColumns();
    html.heading(tr("Throughput and latency"), 3);
    html.fields({
        {tr("Elapsed"), tr("%1 s (offering %2 s)")
                            .arg(number(at(s, "elapsedSec"), 2), number(at(s, "activeSec"), 2))},
        {tr("Offered"), tr("%1 calls/s").arg(number(at(s, "offeredPerSec"), 1))},
        {tr("Throughput"), tr("%1 calls/s").arg(number(at(s, "throughputPerSec"), 1))},
        {tr("Latency p50"), ms(at(s, "latencyMs.p50"))},
        {tr("Latency p95"), ms(at(s, "latencyMs.p95"))},
        {tr("Latency p99"), ms(at(s, "latencyMs.p99"))},
        {tr("Latency max"), ms(at(s, "latencyMs.max"))},
        {tr("Queue wait p95"), ms(at(s, "queueWaitP95Ms"))},
        {tr("Service p95"), ms(at(s, "serviceP95Ms"))},
        {tr("Steady part"),
         tr("%1 s to %2 s").arg(number(at(steady, "fromSec"), 1), number(at(steady, "toSec"), 1))},
        {tr("Steady p95"), ms(at(steady, "latencyMs.p95"))},
        {tr("Steady utilisation"), number(at(steady, "utilisation"), 3)},
        {tr("Little's law: calls in the system"), number(at(s, "littlesLaw.meanInSystem"), 2)},
        {tr("Little's law: throughput × mean latency"),
         number(at(s, "littlesLaw.throughputTimesMeanLatency"), 2)},
    });
    html.nextColumn();
    html.heading(tr("Calls"), 3);
    using Figure = ComparedMetric::Figure;
    QList<ReportHtml::Field> calls = {{tr("submitted"), count(at(s, "calls.submitted"))}};
    const std::pair<Figure, const char*> outcomes[] = {
        {Figure::Completed, "calls.completed"}, {Figure::TimedOut, "calls.timedOut"},
        {Figure::Canceled, "calls.canceled"},   {Figure::Failed, "calls.failed"},
        {Figure::Rejected, "calls.rejected"},   {Figure::NotRunning, "calls.notRunning"}};
    for (const auto& [figure, path] : outcomes)
        calls.append({ComparisonText::figureName(figure), count(at(s, path))});
    calls +=
        {{tr("peak waiting"), count(at(s, "peakWaiting"))},
         {tr("peak in flight"), count(at(s, "peakInFlight"))},
         {tr("peak abandoned workers"), count(at(s, "peakAbandonedWorkers"))},
         {tr("drained"), s.value(QStringLiteral("drained")).toBool()
                             ? tr("yes")
                             : tr("no, the pool was closed on the rest")},
         {tr("accounting identity"),
          s.value(QStringLiteral("identityHolds")).toBool() ? tr("holds") : tr("does NOT hold")},
         {tr("pool's own counts"),
          s.value(QStringLiteral("poolAgrees")).toBool() ? tr("agree") : tr("DISAGREE")}};
    html.fields(calls);
    html.endColumns();
}

void RunReport::addEvents(ReportHtml& html, const QList<RunEvent>& events)
{
    html.heading(tr("Events"));
    if (events.isEmpty()) {
        html.paragraph(tr("Nothing changed during the run."), ReportHtml::Tone::Note);
        return;
    }
    ReportHtml::Table table{{tr("Time (s)"), tr("Change or action")}, {}, {0}};
    for (const RunEvent& event : events)
        table.rows.append({number(event.tSec, 2), EventText::label(event)});
    html.table(table);
}

void RunReport::addSetup(ReportHtml& html, const Scenario& scenario, const MachineInfo& machine)
{
    html.beginColumns();
    html.heading(tr("Settings"));
    html.fields(settings(scenario), false);
    html.nextColumn();
    html.heading(tr("Machine"));
    html.fields(machineFields(machine), false);
    html.endColumns();
}

QByteArray RunReport::run(const RunRecord& record)
{
    const Scenario& scenario = record.scenario;
    ReportHtml html(tr("Run of %1").arg(scenario.name), language());
    if (!scenario.description.isEmpty())
        html.paragraph(scenario.description, ReportHtml::Tone::Lead);
    if (!scenario.watch.isEmpty())
        html.paragraph(tr("What to watch: %1").arg(scenario.watch));
    addSummary(html, record);

    html.heading(tr("Charts"));
    html.image(ReportCharts::charts(record),
               tr("The run's live charts on one time axis, each event a marker."));
    if (record.lanes.lanes().empty())
        html.paragraph(tr("This run file keeps no worker lanes."), ReportHtml::Tone::Note);
    html.image(ReportCharts::spectrum(record.spectrum()),
               tr("The latency distribution over the whole run as a percentile spectrum."));

    addEvents(html, record.events);
    addSetup(html, scenario, record.machine);
    html.footer(footer());
    return html.page();
}

QList<QPair<QString, QString>> RunReport::sweepFields(const SweepSpec& spec)
{
    const QLocale locale;
    QList<QPair<QString, QString>> fields;
    for (const SweepSpec::Axis& axis : spec.axes) {
        QStringList values;
        for (double v : axis.values)
            values.append(locale.toString(v, 'g', 12));
        fields.append({axis.key, values.join(QStringLiteral(", "))});
    }
    fields.append({tr("Warm-up per point"), tr("%1 s").arg(locale.toString(spec.warmupSec))});
    fields.append({tr("Measured per point"), tr("%1 s").arg(locale.toString(spec.pointSec))});
    fields.append({tr("Repeats"), locale.toString(spec.repeats)});
    fields.append({tr("Objective"), spec.slo ? spec.slo->toString() : tr("none")});
    return fields;
}

QByteArray RunReport::sweep(const SweepResult& result, const Scenario& base, const SweepSpec& spec,
                            const MachineInfo& machine)
{
    const std::optional<SweepSlo>& slo = spec.slo;
    ReportHtml html(
        tr("Sweep of %1 over %2").arg(base.name, result.keys.join(QStringLiteral(", "))),
        language());
    if (!base.description.isEmpty())
        html.paragraph(base.description, ReportHtml::Tone::Lead);
    html.heading(tr("Recommendation"));
    for (const SweepGroup& group : result.analysis.groups)
        html.paragraph(SweepText::sentence(group, result.keys), ReportHtml::Tone::Verdict);
    for (const SweepGroup& group : result.analysis.groups) {
        const QString usl = SweepText::uslLine(group, QLocale());
        if (!usl.isEmpty())
            html.paragraph(usl, ReportHtml::Tone::Note);
    }

    html.heading(tr("Curves"));
    html.image(ReportCharts::sweep(result, slo),
               tr("Throughput and latency against %1, the queueing model dashed.")
                   .arg(result.keys.value(0)));

    html.heading(tr("Points"));
    ReportHtml::Table table{SweepText::header(result.keys), SweepText::rows(result, QLocale()), {}};
    for (int c = 0; c < table.header.size(); ++c)
        table.numeric.append(c);
    html.table(table);

    // What was swept as it ran: the form's or the command line's values, not the preset's.
    html.heading(tr("Sweep"));
    html.fields(sweepFields(spec), false);
    addSetup(html, base, machine);
    html.footer(footer());
    return html.page();
}

void RunReport::addComparedCharts(ReportHtml& html, const RunRecord& a, const RunRecord& b,
                                  const QString& bName)
{
    // B over A, as the window's Compare with… draws it: B's lines dashed in the same colours.
    const QString name = tr("B: %1").arg(bName);
    html.heading(tr("Charts: A solid, B dashed"));
    html.image(ReportCharts::charts(a, &b, name),
               tr("Run A's live charts with run B's lines dashed, both from their start; A's "
                  "events as markers and A's worker lanes."));
    html.image(ReportCharts::spectrum(a.spectrum(), b.spectrum(), name),
               tr("Both runs' latency distributions as percentile spectra, B dashed."));
}

QByteArray RunReport::compare(const RunRecord& a, const QString& pathA, const RunRecord& b,
                              const QString& pathB)
{
    ReportHtml html(tr("Comparison of %1 and %2").arg(a.scenario.name, b.scenario.name),
                    language());
    html.paragraph(ComparisonText::heading(QStringLiteral("A"), {pathA, &a}),
                   ReportHtml::Tone::Lead);
    html.paragraph(ComparisonText::heading(QStringLiteral("B"), {pathB, &b}),
                   ReportHtml::Tone::Lead);
    if (a.machine.cpu != b.machine.cpu || a.machine.cores != b.machine.cores ||
        a.machine.build != b.machine.build)
        html.paragraph(tr("The runs were recorded on different machines or builds: their "
                          "figures compare only as far as those agree."),
                       ReportHtml::Tone::Verdict);

    html.heading(tr("Figures"));
    const RunComparison comparison = compareRuns(a, b);
    ReportHtml::Table table{ComparisonText::header(), {}, {1, 2, 3}};
    for (const ComparedMetric& m : comparison.metrics)
        table.rows.append({ComparisonText::figureName(m.figure),
                           ComparisonText::value(m.a, m.figure, QLocale()),
                           ComparisonText::value(m.b, m.figure, QLocale()),
                           ComparisonText::delta(m, QLocale()), ComparisonText::noiseNote(m)});
    html.table(table);

    // The settings that differ, as the presets spell them: what the comparison varied.
    html.heading(tr("Settings that differ"));
    const QList<ReportHtml::Field> settingsA = settings(a.scenario);
    const QList<ReportHtml::Field> settingsB = settings(b.scenario);
    ReportHtml::Table differ{{tr("Setting"), QStringLiteral("A"), QStringLiteral("B")}, {}, {}};
    QStringList keys;
    for (const auto& list : {settingsA, settingsB})
        for (const ReportHtml::Field& f : list)
            if (!keys.contains(f.first))
                keys.append(f.first);
    const auto find = [](const QList<ReportHtml::Field>& list, const QString& key) {
        for (const ReportHtml::Field& f : list)
            if (f.first == key)
                return f.second;
        return QStringLiteral("–");
    };
    for (const QString& key : keys) {
        const QString va = find(settingsA, key);
        const QString vb = find(settingsB, key);
        if (va != vb)
            differ.rows.append({key, va, vb});
    }
    if (differ.rows.isEmpty())
        html.paragraph(tr("Both runs used the same settings."), ReportHtml::Tone::Note);
    else
        html.table(differ);

    addComparedCharts(html, a, b, QFileInfo(pathB).fileName());
    html.beginColumns();
    html.heading(tr("Machine of A"));
    html.fields(machineFields(a.machine), false);
    html.nextColumn();
    html.heading(tr("Machine of B"));
    html.fields(machineFields(b.machine), false);
    html.endColumns();
    html.footer(footer());
    return html.page();
}

FileError RunReport::write(const QString& path, const QByteArray& html)
{
    return RunExport::writeFile(path, html);
}
