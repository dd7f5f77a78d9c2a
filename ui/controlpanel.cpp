#include "controlpanel.h"

#include "workloadparamseditor.h"

#include "lab/catalog.h"

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

using shoal::Setting;
using shoal::SettingsTable;

namespace {

constexpr int kSliderMax = 64; ///< the slider's default reach; the spin box goes further

const Setting& settingAt(const QString& path)
{
    const Setting* setting = SettingsTable::find(path);
    Q_ASSERT(setting);
    return *setting;
}

const Setting& settingAt(const char* path)
{
    return settingAt(QString::fromLatin1(path));
}

/// Shows \a value in \a knob, whatever kind of editor it is.
void showValue(QWidget* knob, const QVariant& value)
{
    if (auto* box = qobject_cast<QSpinBox*>(knob))
        box->setValue(static_cast<int>(value.toLongLong()));
    else if (auto* box = qobject_cast<QDoubleSpinBox*>(knob))
        box->setValue(value.toDouble());
    else if (auto* box = qobject_cast<QCheckBox*>(knob))
        box->setChecked(value.toBool());
    else if (auto* box = qobject_cast<QComboBox*>(knob))
        box->setCurrentIndex(box->findData(value.toString()));
}

} // namespace

QSpinBox* ControlPanel::intBox(QWidget* parent, const char* path, const char* objectName)
{
    const Setting& setting = settingAt(path);
    auto* box = new QSpinBox(parent);
    box->setRange(static_cast<int>(setting.minimum),
                  static_cast<int>(std::min(setting.maximum, 2e9)));
    box->setKeyboardTracking(false);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setAccelerated(true);
    m_knobs.append({box, setting.path});
    connect(box, &QSpinBox::valueChanged, this,
            [this, path = setting.path](int v) { Q_EMIT settingChosen(path, qint64(v)); });
    return box;
}

QDoubleSpinBox* ControlPanel::numberBox(QWidget* parent, const char* path, const char* objectName,
                                        int decimals)
{
    const Setting& setting = settingAt(path);
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(setting.minimum, setting.maximum);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setAccelerated(true);
    m_knobs.append({box, setting.path});
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, path = setting.path](double v) { Q_EMIT settingChosen(path, v); });
    return box;
}

QComboBox* ControlPanel::choiceBox(QWidget* parent, const char* path, const char* objectName)
{
    const Setting& setting = settingAt(path);
    auto* box = new QComboBox(parent);
    box->setObjectName(QString::fromLatin1(objectName));
    if (setting.choiceTexts.empty()) {
        for (const QString& name : setting.choices)
            box->addItem(name, name);
    } else {
        for (const Setting::ChoiceText& choice : setting.choiceTexts)
            box->addItem(choice.value, choice.value);
    }
    m_knobs.append({box, setting.path});
    connect(box, &QComboBox::activated, this, [this, box, path = setting.path](int) {
        Q_EMIT settingChosen(path, box->currentData().toString());
    });
    return box;
}

void ControlPanel::addRow(QGroupBox* group, const char* path, QWidget* field)
{
    auto* label = new QLabel(group);
    m_labels.append({label, settingAt(path).label});
    static_cast<QFormLayout*>(group->layout())->addRow(label, field);
    label->setBuddy(field);
}

ControlPanel::ControlPanel(QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(this);
    auto* column = new QVBoxLayout(m_content);
    column->setContentsMargins(6, 6, 6, 6);

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
    addRow(pool, "pool.size", sizeRow);
    m_maxWaiting = intBox(pool, "pool.maxWaiting", "maxWaiting");
    addRow(pool, "pool.maxWaiting", m_maxWaiting);
    m_dispatchOrder = choiceBox(pool, "pool.dispatchOrder", "dispatchOrder");
    addRow(pool, "pool.dispatchOrder", m_dispatchOrder);

    // Calls.
    QGroupBox* calls = addGroup(QT_TR_NOOP("Calls"));
    m_callApi = choiceBox(calls, "call.api", "callApi");
    addRow(calls, "call.api", m_callApi);
    m_timeout = numberBox(calls, "call.timeoutMs", "timeoutMs", 1);
    addRow(calls, "call.timeoutMs", m_timeout);

    // Arrivals.
    QGroupBox* arrivals = addGroup(QT_TR_NOOP("Arrivals"));
    m_arrivalMode = choiceBox(arrivals, "arrival.mode", "arrivalMode");
    addRow(arrivals, "arrival.mode", m_arrivalMode);
    m_arrivalProcess = choiceBox(arrivals, "arrival.process", "arrivalProcess");
    addRow(arrivals, "arrival.process", m_arrivalProcess);
    m_rate = numberBox(arrivals, "arrival.ratePerSec", "ratePerSec", 1);
    addRow(arrivals, "arrival.ratePerSec", m_rate);
    m_callers = intBox(arrivals, "arrival.callers", "callers");
    addRow(arrivals, "arrival.callers", m_callers);
    m_think = numberBox(arrivals, "arrival.thinkMs", "thinkMs", 1);
    addRow(arrivals, "arrival.thinkMs", m_think);

    // Limiter.
    QGroupBox* limiter = addGroup(QT_TR_NOOP("Downstream rate limit"));
    m_limiterEnabled = new QCheckBox(limiter);
    m_limiterEnabled->setObjectName(QStringLiteral("limiterEnabled"));
    m_knobs.append({m_limiterEnabled, QStringLiteral("limiter.enabled")});
    addRow(limiter, "limiter.enabled", m_limiterEnabled);
    m_limiterRate = numberBox(limiter, "limiter.ratePerSec", "limiterRate", 1);
    addRow(limiter, "limiter.ratePerSec", m_limiterRate);
    m_limiterBurst = intBox(limiter, "limiter.burst", "limiterBurst");
    addRow(limiter, "limiter.burst", m_limiterBurst);

    // Workload.
    QGroupBox* workload = addGroup(QT_TR_NOOP("Workload"));
    m_kind = choiceBox(workload, "workload.kind", "workloadKind");
    addRow(workload, "workload.kind", m_kind);
    m_params = new WorkloadParamsEditor(workload);
    static_cast<QFormLayout*>(workload->layout())->addRow(m_params);

    // Run length: shown from the table, but chosen as a whole configuration (see
    // configurationChosen()).
    QGroupBox* run = addGroup(QT_TR_NOOP("Run length"));
    m_duration = new QDoubleSpinBox(run);
    m_duration->setObjectName(QStringLiteral("durationSec"));
    m_duration->setRange(settingAt("run.durationSec").minimum,
                         settingAt("run.durationSec").maximum);
    m_duration->setDecimals(1);
    m_duration->setKeyboardTracking(false);
    m_duration->setAccelerated(true);
    addRow(run, "run.durationSec", m_duration);
    m_jobs = new QDoubleSpinBox(run);
    m_jobs->setObjectName(QStringLiteral("jobs"));
    m_jobs->setDecimals(0);
    m_jobs->setRange(0, settingAt("run.jobs").maximum); // 0: by duration
    m_jobs->setKeyboardTracking(false);
    addRow(run, "run.jobs", m_jobs);

    column->addStretch(1);
    setWidget(m_content);

    // Live knobs without a generic connection.
    connect(m_poolSize, &QSpinBox::valueChanged, this, [this](int size) {
        const QSignalBlocker blocker(m_poolSlider);
        m_poolSlider->setMaximum(std::max(kSliderMax, size));
        m_poolSlider->setValue(size);
    });
    connect(m_poolSlider, &QSlider::valueChanged, m_poolSize, &QSpinBox::setValue);
    connect(m_limiterEnabled, &QCheckBox::toggled, this,
            [this](bool on) { Q_EMIT settingChosen(QStringLiteral("limiter.enabled"), on); });
    connect(m_params, &WorkloadParamsEditor::paramChosen, this, &ControlPanel::workloadParamChosen);

    // The run length: the whole configuration with the change.
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
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QWidget* knob : std::initializer_list<QWidget*>{m_duration, m_jobs, m_poolSlider})
        blockers.push_back(std::make_unique<QSignalBlocker>(knob));
    for (const auto& [knob, path] : std::as_const(m_knobs))
        blockers.push_back(std::make_unique<QSignalBlocker>(knob));

    m_duration->setValue(scenario.durationSec);
    m_jobs->setValue(static_cast<double>(scenario.jobs));
    m_poolSlider->setMaximum(std::max(kSliderMax, scenario.poolSize));
    m_poolSlider->setValue(scenario.poolSize);
    for (const auto& [knob, path] : std::as_const(m_knobs))
        showValue(knob, settingAt(path).get(scenario));
    m_params->setParams(scenario.workloadKind, scenario.workloadParams);
    updateEnabled();
    fitWidth();
}

void ControlPanel::fitWidth()
{
    setMinimumWidth(minimumSizeHint().width());
}

void ControlPanel::setRunActive(bool active)
{
    m_runActive = active;
    updateEnabled();
}

void ControlPanel::updateEnabled()
{
    const bool open = m_scenario.arrivalMode == shoal::ArrivalMode::Open;
    m_rate->setEnabled(open);
    m_arrivalProcess->setEnabled(open && !m_runActive);
    m_callers->setEnabled(!open);
    m_think->setEnabled(!open);
    m_duration->setEnabled(!m_runActive);
    m_jobs->setEnabled(!m_runActive);
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

    for (const auto& [knob, path] : std::as_const(m_knobs)) {
        const Setting& setting = settingAt(path);
        if (setting.toolTip)
            knob->setToolTip(tr(setting.toolTip));
        if (auto* box = qobject_cast<QComboBox*>(knob)) {
            for (const Setting::ChoiceText& choice : setting.choiceTexts)
                box->setItemText(box->findData(choice.value), tr(choice.label));
        }
    }
    m_poolSlider->setToolTip(m_poolSize->toolTip());
    m_duration->setToolTip(tr(settingAt("run.durationSec").toolTip));
    m_jobs->setToolTip(tr(settingAt("run.jobs").toolTip));
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
        // Longer labels want a wider dock; measured once every label has its new text.
        QMetaObject::invokeMethod(this, &ControlPanel::fitWidth, Qt::QueuedConnection);
    }
    QScrollArea::changeEvent(event);
}
