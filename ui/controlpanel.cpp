#include "controlpanel.h"

#include "workloadparamseditor.h"

#include "lab/arrivalschedule.h"
#include "lab/scenariofields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <vector>

using shoal::ScenarioFields;

namespace {

constexpr int kSliderMax = 64; ///< the slider's default reach; the spin box goes further

/// The range of the preset key \a path.
std::pair<double, double> rangeOf(const char* path)
{
    const ScenarioFields::Field* field = ScenarioFields::find(QString::fromLatin1(path));
    return field ? std::pair{field->minimum, field->maximum} : std::pair{0.0, 1e9};
}

QSpinBox* intBox(QWidget* parent, const char* path, const char* objectName)
{
    auto* box = new QSpinBox(parent);
    const auto [low, high] = rangeOf(path);
    box->setRange(static_cast<int>(low), static_cast<int>(std::min(high, 2e9)));
    box->setKeyboardTracking(false);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setAccelerated(true);
    return box;
}

QDoubleSpinBox* numberBox(QWidget* parent, const char* path, const char* objectName, int decimals)
{
    auto* box = new QDoubleSpinBox(parent);
    const auto [low, high] = rangeOf(path);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setAccelerated(true);
    return box;
}

} // namespace

ControlPanel::ControlPanel(QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(this);
    auto* column = new QVBoxLayout(m_content);
    column->setContentsMargins(6, 6, 6, 6);

    const auto row = [this](QGroupBox* group, const char* text, QWidget* field) {
        auto* label = new QLabel(group);
        m_labels.append({label, text});
        static_cast<QFormLayout*>(group->layout())->addRow(label, field);
        label->setBuddy(field);
    };

    // Pool.
    QGroupBox* pool = addGroup(QT_TR_NOOP("Pool"));
    m_poolSize = intBox(pool, "pool.size", "poolSize");
    m_poolSize->setMinimum(1);
    m_poolSlider = new QSlider(Qt::Horizontal, pool);
    m_poolSlider->setObjectName(QStringLiteral("poolSizeSlider"));
    m_poolSlider->setRange(1, kSliderMax);
    m_poolSlider->setTracking(false); // one resize when the handle is let go
    auto* sizeRow = new QWidget(pool);
    auto* sizeLayout = new QHBoxLayout(sizeRow);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    sizeLayout->addWidget(m_poolSize);
    sizeLayout->addWidget(m_poolSlider, 1);
    row(pool, QT_TR_NOOP("Workers"), sizeRow);
    m_maxWaiting = intBox(pool, "pool.maxWaiting", "maxWaiting");
    row(pool, QT_TR_NOOP("Queue bound"), m_maxWaiting);

    // Calls.
    QGroupBox* calls = addGroup(QT_TR_NOOP("Calls"));
    m_callApi = new QComboBox(calls);
    m_callApi->setObjectName(QStringLiteral("callApi"));
    for (const QString& name : shoal::callApiNames())
        m_callApi->addItem(name, name);
    row(calls, QT_TR_NOOP("API"), m_callApi);
    m_timeout = numberBox(calls, "call.timeoutMs", "timeoutMs", 1);
    row(calls, QT_TR_NOOP("Timeout (ms)"), m_timeout);

    // Arrivals.
    QGroupBox* arrivals = addGroup(QT_TR_NOOP("Arrivals"));
    m_arrivalMode = new QComboBox(arrivals);
    m_arrivalMode->setObjectName(QStringLiteral("arrivalMode"));
    for (const QString& name : shoal::arrivalModeNames())
        m_arrivalMode->addItem(name, name);
    row(arrivals, QT_TR_NOOP("Mode"), m_arrivalMode);
    m_arrivalProcess = new QComboBox(arrivals);
    m_arrivalProcess->setObjectName(QStringLiteral("arrivalProcess"));
    for (const QString& name : shoal::arrivalProcessNames())
        m_arrivalProcess->addItem(name, name);
    row(arrivals, QT_TR_NOOP("Spacing"), m_arrivalProcess);
    m_rate = numberBox(arrivals, "arrival.ratePerSec", "ratePerSec", 1);
    row(arrivals, QT_TR_NOOP("Rate (/s)"), m_rate);
    m_callers = intBox(arrivals, "arrival.callers", "callers");
    row(arrivals, QT_TR_NOOP("Callers"), m_callers);
    m_think = numberBox(arrivals, "arrival.thinkMs", "thinkMs", 1);
    row(arrivals, QT_TR_NOOP("Think time (ms)"), m_think);

    // Limiter.
    QGroupBox* limiter = addGroup(QT_TR_NOOP("Downstream rate limit"));
    m_limiterEnabled = new QCheckBox(limiter);
    m_limiterEnabled->setObjectName(QStringLiteral("limiterEnabled"));
    row(limiter, QT_TR_NOOP("On"), m_limiterEnabled);
    m_limiterRate = numberBox(limiter, "limiter.ratePerSec", "limiterRate", 1);
    row(limiter, QT_TR_NOOP("Tokens (/s)"), m_limiterRate);
    m_limiterBurst = intBox(limiter, "limiter.burst", "limiterBurst");
    row(limiter, QT_TR_NOOP("Burst"), m_limiterBurst);

    // Workload.
    QGroupBox* workload = addGroup(QT_TR_NOOP("Workload"));
    m_kind = new QComboBox(workload);
    m_kind->setObjectName(QStringLiteral("workloadKind"));
    for (const char* kind : {"synthetic", "hash", "image"})
        m_kind->addItem(QString::fromLatin1(kind), QString::fromLatin1(kind));
    row(workload, QT_TR_NOOP("Kind"), m_kind);
    m_params = new WorkloadParamsEditor(workload);
    static_cast<QFormLayout*>(workload->layout())->addRow(m_params);

    // Run length.
    QGroupBox* run = addGroup(QT_TR_NOOP("Run length"));
    m_duration = numberBox(run, "run.durationSec", "durationSec", 1);
    row(run, QT_TR_NOOP("Duration (s)"), m_duration);
    m_jobs = new QDoubleSpinBox(run);
    m_jobs->setObjectName(QStringLiteral("jobs"));
    m_jobs->setDecimals(0);
    m_jobs->setRange(0, rangeOf("run.jobs").second);
    m_jobs->setKeyboardTracking(false);
    row(run, QT_TR_NOOP("Jobs"), m_jobs);

    column->addStretch(1);
    setWidget(m_content);

    // Live knobs: straight to their signals.
    connect(m_poolSize, &QSpinBox::valueChanged, this, [this](int size) {
        const QSignalBlocker blocker(m_poolSlider);
        m_poolSlider->setMaximum(std::max(kSliderMax, size));
        m_poolSlider->setValue(size);
        Q_EMIT poolSizeChosen(size);
    });
    connect(m_poolSlider, &QSlider::valueChanged, m_poolSize, &QSpinBox::setValue);
    connect(m_maxWaiting, &QSpinBox::valueChanged, this,
            [this](int bound) { Q_EMIT maxWaitingChosen(bound); });
    connect(m_callApi, &QComboBox::activated, this, [this](int) {
        if (const auto api = shoal::callApiFromName(m_callApi->currentData().toString()))
            Q_EMIT callApiChosen(*api);
    });
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, &ControlPanel::timeoutChosen);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &ControlPanel::arrivalRateChosen);
    connect(m_callers, &QSpinBox::valueChanged, this, &ControlPanel::callersChosen);
    connect(m_think, &QDoubleSpinBox::valueChanged, this, &ControlPanel::thinkChosen);
    connect(m_limiterEnabled, &QCheckBox::toggled, this, &ControlPanel::limiterEnabledChosen);
    connect(m_limiterRate, &QDoubleSpinBox::valueChanged, this, &ControlPanel::limiterRateChosen);
    connect(m_limiterBurst, &QSpinBox::valueChanged, this, &ControlPanel::limiterBurstChosen);
    connect(m_params, &WorkloadParamsEditor::paramChosen, this, &ControlPanel::workloadParamChosen);

    connect(m_arrivalMode, &QComboBox::activated, this, [this](int) {
        if (const auto mode = shoal::arrivalModeFromName(m_arrivalMode->currentData().toString()))
            Q_EMIT arrivalModeChosen(*mode);
    });
    connect(m_kind, &QComboBox::activated, this,
            [this](int) { Q_EMIT workloadKindChosen(m_kind->currentData().toString()); });

    // Knobs that shape the next run: the whole configuration with the change.
    connect(m_arrivalProcess, &QComboBox::activated, this, [this](int) {
        shoal::Scenario s = m_scenario;
        if (const auto process =
                shoal::arrivalProcessFromName(m_arrivalProcess->currentData().toString()))
            s.arrivalProcess = *process;
        Q_EMIT configurationChosen(s);
    });
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, [this](double sec) {
        shoal::Scenario s = m_scenario;
        s.durationSec = sec;
        s.jobs = 0; // a duration replaces a job count, as in presets
        Q_EMIT configurationChosen(s);
    });
    connect(m_jobs, &QDoubleSpinBox::valueChanged, this, [this](double jobs) {
        shoal::Scenario s = m_scenario;
        s.jobs = static_cast<qint64>(jobs);
        Q_EMIT configurationChosen(s);
    });

    retranslate();
}

QGroupBox* ControlPanel::addGroup(const char* title)
{
    auto* group = new QGroupBox(m_content);
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_content->layout()->addWidget(group);
    m_groups.append({group, title});
    return group;
}

void ControlPanel::setScenario(const shoal::Scenario& scenario)
{
    m_scenario = scenario;
    const QList<QWidget*> knobs = {m_duration,       m_jobs,        m_poolSize,     m_poolSlider,
                                   m_maxWaiting,     m_callApi,     m_timeout,      m_arrivalMode,
                                   m_arrivalProcess, m_rate,        m_callers,      m_think,
                                   m_limiterEnabled, m_limiterRate, m_limiterBurst, m_kind};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QWidget* knob : knobs)
        blockers.push_back(std::make_unique<QSignalBlocker>(knob));

    m_duration->setValue(scenario.durationSec);
    m_jobs->setValue(static_cast<double>(scenario.jobs));
    m_poolSlider->setMaximum(std::max(kSliderMax, scenario.poolSize));
    m_poolSize->setValue(scenario.poolSize);
    m_poolSlider->setValue(scenario.poolSize);
    m_maxWaiting->setValue(static_cast<int>(scenario.maxWaiting));
    m_callApi->setCurrentIndex(m_callApi->findData(shoal::callApiName(scenario.callApi)));
    m_timeout->setValue(scenario.timeoutMs);
    m_arrivalMode->setCurrentIndex(
        m_arrivalMode->findData(shoal::arrivalModeName(scenario.arrivalMode)));
    m_arrivalProcess->setCurrentIndex(
        m_arrivalProcess->findData(shoal::arrivalProcessName(scenario.arrivalProcess)));
    m_rate->setValue(scenario.ratePerSec);
    m_callers->setValue(scenario.callers);
    m_think->setValue(scenario.thinkMs);
    m_limiterEnabled->setChecked(scenario.limiterEnabled);
    m_limiterRate->setValue(scenario.limiterRate);
    m_limiterBurst->setValue(scenario.limiterBurst);
    m_kind->setCurrentIndex(m_kind->findData(scenario.workloadKind));
    m_params->setParams(scenario.workloadKind, scenario.workloadParams);
    updateArrivalRows();
}

void ControlPanel::setRunActive(bool active)
{
    m_runActive = active;
    for (QWidget* w : std::initializer_list<QWidget*>{m_arrivalProcess, m_duration, m_jobs})
        w->setEnabled(!active);
}

void ControlPanel::updateArrivalRows()
{
    const bool open = m_scenario.arrivalMode == shoal::ArrivalMode::Open;
    m_rate->setEnabled(open);
    m_arrivalProcess->setEnabled(open && !m_runActive);
    m_callers->setEnabled(!open);
    m_think->setEnabled(!open);
}

void ControlPanel::retranslate()
{
    for (const auto& [group, title] : m_groups)
        group->setTitle(tr(title));
    for (const auto& [label, text] : m_labels)
        label->setText(tr(text));
    m_maxWaiting->setSpecialValueText(tr("unbounded"));
    m_timeout->setSpecialValueText(tr("none"));
    m_jobs->setSpecialValueText(tr("by duration"));

    m_poolSize->setToolTip(tr("pool.size: workers in the pool; a change resizes the running "
                              "pool (a shrink waits for current jobs)"));
    m_poolSlider->setToolTip(m_poolSize->toolTip());
    m_maxWaiting->setToolTip(
        tr("pool.maxWaiting: calls allowed to wait; more are rejected with QueueFull"));
    m_callApi->setToolTip(tr("call.api: process waits as long as it takes; processTimed gives "
                             "up after the timeout; processCtx ends at the deadline or when "
                             "canceled"));
    m_timeout->setToolTip(tr("call.timeoutMs: processTimed's timeout and processCtx's deadline, "
                             "for calls made from now on"));
    m_arrivalMode->setToolTip(tr("arrival.mode: open loop offers calls at a rate whatever the "
                                 "pool does; closed loop has callers that wait for their "
                                 "answers. A change during a run lets the calls made go on."));
    m_arrivalProcess->setToolTip(
        tr("arrival.process: constant spacing or Poisson arrivals. Applies from the next run."));
    m_rate->setToolTip(tr("arrival.ratePerSec: open-loop calls offered per second"));
    m_callers->setToolTip(tr("arrival.callers: closed-loop callers"));
    m_think->setToolTip(tr("arrival.thinkMs: a closed-loop caller's pause between calls"));
    m_limiterEnabled->setToolTip(
        tr("limiter.enabled: workers share a token bucket in blockUntilReady"));
    m_limiterRate->setToolTip(tr("limiter.ratePerSec: tokens added per second"));
    m_limiterBurst->setToolTip(tr("limiter.burst: the bucket's size"));
    m_kind->setToolTip(tr("workload.kind: what each job does. A change during a run applies to "
                          "calls made from then on, with the kind's default parameters."));
    m_kind->setItemText(0, tr("synthetic service times"));
    m_kind->setItemText(1, tr("SHA-256 hashing"));
    m_kind->setItemText(2, tr("image thumbnails"));
    m_arrivalMode->setItemText(0, tr("open loop (rate)"));
    m_arrivalMode->setItemText(1, tr("closed loop (callers)"));
    m_arrivalProcess->setItemText(0, tr("constant"));
    m_arrivalProcess->setItemText(1, tr("Poisson"));
    m_duration->setToolTip(tr("run.durationSec: how long a run offers calls"));
    m_jobs->setToolTip(tr("run.jobs: end the run after this many calls instead"));
}

QSize ControlPanel::minimumSizeHint() const
{
    const int width = m_content->minimumSizeHint().width() +
                      verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return {width, QScrollArea::minimumSizeHint().height()};
}

void ControlPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateGeometry(); // longer labels want a wider dock
    }
    QScrollArea::changeEvent(event);
}
