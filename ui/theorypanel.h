#pragma once

#include "lab/metricsrow.h"
#include "lab/queueingmodel.h"
#include "lab/scenario.h"

#include <QWidget>

#include <deque>

class QLabel;

/// What queueing theory says about the configuration, beside what the run measures: the model
/// in use or why none applies, utilisation, the chance that a call waits, the predicted and
/// measured p95 of latency and queue wait with the gap, and a one-line hint when the gap is
/// large. The prediction is ScenarioModel's for the session's current configuration; the
/// measured side averages the rows of the last ten seconds since the configuration last
/// changed. GUI thread.
class TheoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit TheoryPanel(QWidget* parent = nullptr);

    /// The configuration changed (a preset, a live setting): predicts it afresh and starts
    /// measuring again, since rows from before belong to other settings.
    void setScenario(const shoal::Scenario& scenario);
    /// The newest row of the run.
    void addRow(const shoal::MetricsRow& row);
    /// A new run, or a reset: forgets what was measured.
    void clearMeasured();

    /// The prediction shown.
    const shoal::ModelPrediction& prediction() const { return m_prediction; }
    /// The texts shown (for tests): the model line, and the hint (empty when there is none).
    QString modelText() const;
    /// See modelText().
    QString hintText() const;
    /// The p95 latency line: predicted, measured and the gap.
    QString latencyText() const;
    /// The measured mean of the interval p95s, NaN before any row had one.
    double measuredLatencyP95Ms() const;
    /// The gap between measured and predicted p95 latency in percent, NaN when either is missing.
    double latencyGapPercent() const;

    /// Words for why no model applies ("no model: closed loop"), or for an unstable queue.
    static QString reasonText(shoal::ModelReason reason);
    /// What a reason means, in one line; empty for Applies.
    static QString reasonDetail(shoal::ModelReason reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// A row's measured values kept for the average.
    struct Measured {
        double tSec = 0;
        double intervalSec = 0;
        double latencyP95Ms = shoal::MetricsRow::None;
        double queueWaitP95Ms = shoal::MetricsRow::None;
        double serviceP95Ms = shoal::MetricsRow::None;
    };

    void retranslate();
    void render();
    /// The interval-weighted mean of \a field over the kept rows; NaN when none has one.
    double measuredMean(double Measured::*field, double* coveredSec = nullptr) const;
    /// The hint for a large gap, or empty.
    QString hint() const;

    shoal::ModelPrediction m_prediction; ///< for the current configuration
    std::deque<Measured> m_measured;     ///< the last ten seconds, oldest first

    QLabel* m_modelLabel = nullptr;     ///< "Model"
    QLabel* m_model = nullptr;          ///< "M/M/c, c = 4" or "no model: closed loop"
    QLabel* m_rhoLabel = nullptr;       ///< "Utilisation ρ"
    QLabel* m_rho = nullptr;            ///< "50%"
    QLabel* m_waitLabel = nullptr;      ///< "P(wait)"
    QLabel* m_wait = nullptr;           ///< "17.4%"
    QLabel* m_latencyLabel = nullptr;   ///< "Latency p95"
    QLabel* m_latency = nullptr;        ///< "model 31.2 ms, measured 33.0 ms (+6%)"
    QLabel* m_queueWaitLabel = nullptr; ///< "Queue wait p95"
    QLabel* m_queueWait = nullptr;      ///< as m_latency
    QLabel* m_hint = nullptr;           ///< one line, or hidden
};
