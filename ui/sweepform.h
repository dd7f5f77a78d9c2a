#pragma once

#include "lab/scenario.h"
#include "lab/sweepspec.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

/// The Sweep view's questions: the key to sweep and its values, an optional second key for a
/// grid, the warm-up and measured seconds per point, the repeats and the objective. The keys on
/// offer are the settings table's numbers and the current workload's numeric parameters; values
/// are written as --sweep writes them ("1..8", "50..800*2", "1,2,4"). A preset with a sweep
/// section fills the form when it loads. GUI thread.
class SweepForm : public QWidget {
    Q_OBJECT

public:
    explicit SweepForm(QWidget* parent = nullptr);

    /// The configuration a sweep would start from: offers its keys, and when it is another preset
    /// than before, fills the form from its sweep section (or a plain pool.size sweep).
    void setScenario(const shoal::Scenario& scenario);
    /// Shows \a spec in the form.
    void setSpec(const shoal::SweepSpec& spec);
    /// The sweep the form describes over \a base, checked as the command line checks --sweep
    /// (every point's settings are tried on \a base); nothing, with \a error naming the field and
    /// the reason, when it cannot run.
    std::optional<shoal::SweepSpec> spec(const shoal::Scenario& base, QString* error) const;

    /// The widgets, for tests.
    QComboBox* firstKey() const { return m_key[0]; }
    QLineEdit* firstValues() const { return m_values[0]; }
    QComboBox* secondKey() const { return m_key[1]; }
    QLineEdit* secondValues() const { return m_values[1]; }
    QDoubleSpinBox* pointSeconds() const { return m_pointSec; }
    QDoubleSpinBox* warmupSeconds() const { return m_warmupSec; }
    QSpinBox* repeats() const { return m_repeats; }
    QComboBox* sloMetric() const { return m_sloMetric; }
    QDoubleSpinBox* sloLimit() const { return m_sloLimit; }

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Offers the keys of \a scenario, keeping each combo's choice where it still exists.
    void offerKeys(const shoal::Scenario& scenario);
    /// Selects \a key in combo \a axis (adding it when it is not on offer, so a preset's section
    /// shows as written); an empty key selects "none" (the second combo only).
    void selectKey(int axis, const QString& key);
    /// The second key's values row, only once there is a second key.
    void showSecondValues();
    void retranslate();

    QComboBox* m_key[2] = {};
    QLineEdit* m_values[2] = {};
    QDoubleSpinBox* m_warmupSec = nullptr;
    QDoubleSpinBox* m_pointSec = nullptr;
    QSpinBox* m_repeats = nullptr;
    QComboBox* m_sloMetric = nullptr;
    QDoubleSpinBox* m_sloLimit = nullptr;
    static constexpr int kRows = 8;
    QLabel* m_labels[kRows] = {};
    shoal::Scenario m_scenario; ///< whose keys are on offer
    QString m_presetName;       ///< the preset the form was last filled for
};
