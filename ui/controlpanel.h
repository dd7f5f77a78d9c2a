#pragma once

#include "lab/callapi.h"
#include "lab/scenario.h"

#include <QScrollArea>
#include <QVariant>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSlider;
class QSpinBox;
class WorkloadParamsEditor;

/// The knobs: pool size (spin box and slider), queue bound, call API and timeout, arrivals
/// (rate, or callers and think time), the downstream rate limiter, and the workload's
/// parameters, each emitting a signal the window connects to the Session's live setter, so a
/// change acts on the running pool at once. The arrival mode and spacing, the workload kind and
/// the run length shape how a run is built; they change the configuration between runs and are
/// disabled while one is under way. setScenario() shows a configuration without emitting.
/// GUI thread.
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
    void poolSizeChosen(int size);
    void maxWaitingChosen(qint64 bound);
    void callApiChosen(shoal::CallApi api);
    void arrivalModeChosen(shoal::ArrivalMode mode);
    void workloadKindChosen(const QString& kind);
    void timeoutChosen(double timeoutMs);
    void arrivalRateChosen(double ratePerSec);
    void callersChosen(int callers);
    void thinkChosen(double thinkMs);
    void limiterEnabledChosen(bool enabled);
    void limiterRateChosen(double ratePerSec);
    void limiterBurstChosen(int burst);
    void workloadParamChosen(const QString& key, const QVariant& value);
    /// A change that only applies to the next run (arrival mode or spacing, workload kind, run
    /// length): the whole configuration with it.
    void configurationChosen(const shoal::Scenario& scenario);

protected:
    void changeEvent(QEvent* event) override;

private:
    QGroupBox* addGroup(const char* title);
    void retranslate();
    void updateArrivalRows();

    shoal::Scenario m_scenario; ///< last shown
    bool m_runActive = false;   ///< see setRunActive()
    QWidget* m_content = nullptr;
    QList<QPair<QGroupBox*, const char*>> m_groups; ///< with their untranslated titles
    QList<QPair<QLabel*, const char*>> m_labels;    ///< with their untranslated texts

    QDoubleSpinBox* m_duration = nullptr;
    QDoubleSpinBox* m_jobs = nullptr;
    QSpinBox* m_poolSize = nullptr;
    QSlider* m_poolSlider = nullptr;
    QSpinBox* m_maxWaiting = nullptr;
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
