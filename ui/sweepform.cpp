#include "sweepform.h"

#include "lab/settingstable.h"
#include "lab/sweeprunner.h"
#include "lab/sweepvalues.h"
#include "text/errortext.h"
#include "text/sweeptext.h"
#include "workloads/workload.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <iterator>

using shoal::Scenario;
using shoal::SweepSlo;
using shoal::SweepSpec;

namespace {

const QString kParamsPrefix = QStringLiteral("workload.params.");

/// The metrics an objective may name, in the menu's order after "none".
constexpr SweepSlo::Metric kMetrics[] = {SweepSlo::Metric::P50, SweepSlo::Metric::P95,
                                         SweepSlo::Metric::P99, SweepSlo::Metric::WaitP95};

bool isNumeric(shoal::ValueType type)
{
    return type == shoal::ValueType::Integer || type == shoal::ValueType::Number;
}

/// Values as --sweep reads them back: "1, 2, 4".
QString valuesText(const QList<double>& values)
{
    QStringList parts;
    for (double v : values)
        parts.append(QString::number(v, 'g', 12));
    return parts.join(QStringLiteral(", "));
}

} // namespace

SweepForm::SweepForm(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    for (int axis = 0; axis < 2; ++axis) {
        m_key[axis] = new QComboBox(this);
        m_key[axis]->setObjectName(axis == 0 ? QStringLiteral("sweepKey")
                                             : QStringLiteral("sweepSecondKey"));
        m_key[axis]->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_key[axis]->setMinimumContentsLength(16);
        m_values[axis] = new QLineEdit(this);
        m_values[axis]->setObjectName(axis == 0 ? QStringLiteral("sweepValues")
                                                : QStringLiteral("sweepSecondValues"));
    }
    m_warmupSec = new QDoubleSpinBox(this);
    m_warmupSec->setObjectName(QStringLiteral("sweepWarmup"));
    m_warmupSec->setRange(0, 3600);
    m_warmupSec->setDecimals(1);
    m_warmupSec->setValue(SweepSpec().warmupSec);
    m_pointSec = new QDoubleSpinBox(this);
    m_pointSec->setObjectName(QStringLiteral("sweepPointSeconds"));
    m_pointSec->setRange(0.1, 86400);
    m_pointSec->setDecimals(1);
    m_pointSec->setValue(SweepSpec().pointSec);
    m_repeats = new QSpinBox(this);
    m_repeats->setObjectName(QStringLiteral("sweepRepeats"));
    m_repeats->setRange(1, SweepSpec::kMaxPoints);
    m_sloMetric = new QComboBox(this);
    m_sloMetric->setObjectName(QStringLiteral("sweepSloMetric"));
    m_sloLimit = new QDoubleSpinBox(this);
    m_sloLimit->setObjectName(QStringLiteral("sweepSloLimit"));
    m_sloLimit->setRange(0.01, 1e7);
    m_sloLimit->setDecimals(2);
    m_sloLimit->setValue(100);
    connect(m_sloMetric, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_sloLimit->setEnabled(index > 0); });
    // The second key's values only once there is a second key.
    connect(m_key[1], &QComboBox::currentIndexChanged, this, &SweepForm::showSecondValues);

    QWidget* fields[kRows] = {m_key[0],    m_values[0], m_key[1],  m_values[1],
                              m_warmupSec, m_pointSec,  m_repeats, m_sloMetric};
    for (int i = 0; i < kRows; ++i) {
        m_labels[i] = new QLabel(this);
        m_labels[i]->setBuddy(fields[i]);
        form->addRow(m_labels[i], fields[i]);
    }
    form->addRow(QString(), m_sloLimit);
    retranslate();
    showSecondValues();
    m_sloLimit->setEnabled(false);
}

void SweepForm::setScenario(const Scenario& scenario)
{
    m_scenario = scenario;
    offerKeys(scenario);
    if (scenario.name == m_presetName)
        return;
    m_presetName = scenario.name;
    if (scenario.sweep) {
        setSpec(*scenario.sweep);
        return;
    }
    // No section: the question most people bring, how many workers.
    SweepSpec plain;
    plain.axes.append({QStringLiteral("pool.size"), {1, 2, 4, 8}});
    setSpec(plain);
}

void SweepForm::setSpec(const SweepSpec& spec)
{
    for (int axis = 0; axis < 2; ++axis) {
        const bool given = axis < spec.axes.size();
        selectKey(axis, given ? spec.axes.at(axis).key : QString());
        m_values[axis]->setText(given ? valuesText(spec.axes.at(axis).values) : QString());
    }
    showSecondValues();
    m_warmupSec->setValue(spec.warmupSec);
    m_pointSec->setValue(spec.pointSec);
    m_repeats->setValue(spec.repeats);
    m_sloMetric->setCurrentIndex(0);
    if (spec.slo) {
        for (int i = 0; i < int(std::size(kMetrics)); ++i) {
            if (kMetrics[i] == spec.slo->metric)
                m_sloMetric->setCurrentIndex(i + 1);
        }
        m_sloLimit->setValue(spec.slo->limitMs);
    }
}

std::optional<SweepSpec> SweepForm::spec(const Scenario& base, QString* error) const
{
    SweepSpec spec;
    for (int axis = 0; axis < 2; ++axis) {
        const QString key = m_key[axis]->currentData().toString();
        if (key.isEmpty() && axis == 1)
            continue;
        shoal::SweepValuesError valuesError;
        const QList<double> values = shoal::parseSweepValues(m_values[axis]->text(), &valuesError);
        if (valuesError) {
            *error = tr("%1: %2").arg(key, SweepText::valuesError(valuesError));
            return std::nullopt;
        }
        spec.axes.append({key, values});
    }
    spec.warmupSec = m_warmupSec->value();
    spec.pointSec = m_pointSec->value();
    spec.repeats = m_repeats->value();
    if (m_sloMetric->currentIndex() > 0)
        spec.slo = SweepSlo{kMetrics[m_sloMetric->currentIndex() - 1], m_sloLimit->value()};
    if (spec.runs() > SweepSpec::kMaxPoints) {
        *error = tr("%1 runs (values x repeats) is more than a sweep takes, at most %2")
                     .arg(spec.runs())
                     .arg(SweepSpec::kMaxPoints);
        return std::nullopt;
    }
    shoal::ScenarioError planError;
    if (!shoal::SweepRunner::plan(base, spec, &planError)) {
        *error = ErrorText::scenario(planError);
        return std::nullopt;
    }
    return spec;
}

void SweepForm::showSecondValues()
{
    static_cast<QFormLayout*>(layout())->setRowVisible(
        m_values[1], !m_key[1]->currentData().toString().isEmpty());
}

void SweepForm::offerKeys(const Scenario& scenario)
{
    const QString chosen[2] = {m_key[0]->currentData().toString(),
                               m_key[1]->currentData().toString()};
    const QString duration = QStringLiteral("run.durationSec");
    const QString jobs = QStringLiteral("run.jobs");
    for (int axis = 0; axis < 2; ++axis) {
        QComboBox* combo = m_key[axis];
        const QSignalBlocker block(combo);
        combo->clear();
        if (axis == 1)
            combo->addItem(tr("none"), QString());
        for (const shoal::Setting& setting : shoal::SettingsTable::all()) {
            // The sweep sets the run's length itself.
            if (!isNumeric(setting.type) || setting.path == duration || setting.path == jobs)
                continue;
            const QString label = QCoreApplication::translate("ControlPanel", setting.label);
            combo->addItem(tr("%1 (%2)").arg(label, setting.path), setting.path);
        }
        if (const shoal::ParamSchema* schema = shoal::workloadSchema(scenario.workloadKind)) {
            for (const shoal::ParamSchema::Spec& param : schema->specs()) {
                if (isNumeric(param.type)) {
                    const QString key = kParamsPrefix + param.key;
                    combo->addItem(key, key);
                }
            }
        }
        selectKey(axis, chosen[axis]);
    }
}

void SweepForm::selectKey(int axis, const QString& key)
{
    QComboBox* combo = m_key[axis];
    if (key.isEmpty()) {
        combo->setCurrentIndex(axis == 1 ? 0 : combo->findData(QStringLiteral("pool.size")));
        return;
    }
    int index = combo->findData(key);
    if (index < 0) {
        combo->addItem(key, key);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void SweepForm::retranslate()
{
    const QString texts[kRows] = {tr("&Sweep"),   tr("&Values"),      tr("&Grid with"),
                                  tr("V&alues"),  tr("&Warm-up (s)"), tr("&Measured (s)"),
                                  tr("&Repeats"), tr("&Objective")};
    for (int i = 0; i < kRows; ++i)
        m_labels[i]->setText(texts[i]);
    offerKeys(m_scenario); // the settings' labels
    const QString valuesTip =
        tr("Comma-separated values or ranges: 1,2,4 | 1..8 | 1..16:2 (step) | 50..800*2 (factor)");
    m_values[0]->setToolTip(valuesTip);
    m_values[1]->setToolTip(valuesTip);
    m_key[1]->setToolTip(tr("A second key makes a grid: one curve per value of it"));
    m_warmupSec->setToolTip(tr("Seconds at the start of each point that are not measured"));
    m_pointSec->setToolTip(tr("Seconds measured at each point"));
    m_repeats->setToolTip(tr("Each point runs this often, interleaved, so drift shows as scatter"));
    m_sloMetric->setToolTip(tr("The recommendation is the smallest value whose every repeat meets "
                               "this objective"));
    const int metric = m_sloMetric->currentIndex();
    {
        const QSignalBlocker block(m_sloMetric);
        m_sloMetric->clear();
        m_sloMetric->addItem(tr("none (find the knee)"));
        for (SweepSlo::Metric m : kMetrics)
            m_sloMetric->addItem(tr("%1 at most").arg(SweepSlo::metricName(m)));
        m_sloMetric->setCurrentIndex(std::max(metric, 0));
    }
    m_sloLimit->setSuffix(tr(" ms"));
}

void SweepForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
