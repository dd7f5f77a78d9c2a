#pragma once

#include "lab/callapi.h"
#include "lab/scenario.h"

#include <QList>
#include <QPair>
#include <QScrollArea>
#include <QString>
#include <QVariant>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSlider;
class QSpinBox;
class WorkloadParamsEditor;

/// The knobs: pool size (spin box and slider), queue bound, dispatch order, call API and timeout,
/// arrivals (rate, or callers and think time), the downstream rate limiter, and the workload's
/// parameters. Each knob stands for one key of the lab's settings table, which gives its range,
/// label, tool tip and choices, and emits settingChosen() with that key, which the window
/// connects to Session::set(), so a change acts on the running pool at once. The spacing and the
/// run length shape how a run is built; they are disabled while one is under way.
/// setScenario() shows a configuration without emitting. GUI thread.
class ControlPanel : public QScrollArea {
    Q_OBJECT

public:
    explicit ControlPanel(QWidget* parent = nullptr);

    /// Shows \a scenario in every control; emits nothing.
    void setScenario(const shoal::Scenario& scenario);
    /// The configuration last shown.
    const shoal::Scenario& scenario() const { return m_scenario; }
    /// Whether a run is under way: the controls that shape a run are disabled meanwhile.
    void setRunActive(bool active);
    /// The workload parameter form.
    WorkloadParamsEditor* paramsEditor() const { return m_params; }

    /// As wide as the knobs need in the current language, so none is cut off.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The person chose \a value for the preset key \a path ("pool.size", "call.api", ...;
    /// choices as presets spell them).
    void settingChosen(const QString& path, const QVariant& value);
    void workloadParamChosen(const QString& key, const QVariant& value);
    /// A change of the run length: the whole configuration with it (a duration replaces a job
    /// count, and a job count of 0 means "by duration", as no single key says).
    void configurationChosen(const shoal::Scenario& scenario);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Holds the panel at least as wide as its knobs: a dock keeps the width it was given
    /// unless its content says it needs more.
    void fitWidth();
    QGroupBox* addGroup(const char* title);
    /// Adds \a field as the row of the preset key \a path, labelled from the settings table.
    void addRow(QGroupBox* group, const char* path, QWidget* field);
    QSpinBox* intBox(QWidget* parent, const char* path, const char* objectName);
    QDoubleSpinBox* numberBox(QWidget* parent, const char* path, const char* objectName,
                              int decimals);
    QComboBox* choiceBox(QWidget* parent, const char* path, const char* objectName);
    void retranslate();
    /// The one owner of every knob's enabled state: from the arrival mode and whether a run is
    /// under way.
    void updateEnabled();

    shoal::Scenario m_scenario; ///< last shown
    bool m_runActive = false;   ///< see setRunActive()
    QWidget* m_content = nullptr;
    QList<QPair<QGroupBox*, const char*>> m_groups; ///< with their untranslated titles
    QList<QPair<QLabel*, const char*>> m_labels;    ///< with their untranslated texts
    QList<QPair<QWidget*, QString>> m_knobs;        ///< each with its preset key

    QDoubleSpinBox* m_duration = nullptr;
    QDoubleSpinBox* m_jobs = nullptr;
    QSpinBox* m_poolSize = nullptr;
    QSlider* m_poolSlider = nullptr;
    QSpinBox* m_maxWaiting = nullptr;
    QComboBox* m_dispatchOrder = nullptr;
    QComboBox* m_callApi = nullptr;
    QDoubleSpinBox* m_timeout = nullptr;
    QComboBox* m_arrivalMode = nullptr;
    QComboBox* m_arrivalProcess = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QSpinBox* m_callers = nullptr;
    QDoubleSpinBox* m_think = nullptr;
    QCheckBox* m_limiterEnabled = nullptr;
    QDoubleSpinBox* m_limiterRate = nullptr;
    QSpinBox* m_limiterBurst = nullptr;
    QComboBox* m_kind = nullptr;
    WorkloadParamsEditor* m_params = nullptr;
};
