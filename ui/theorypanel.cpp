#include "theorypanel.h"

#include "lab/scenariomodel.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>

#include <cmath>
#include <limits>

using shoal::ModelKind;
using shoal::ModelReason;

namespace {

constexpr double kMeasureSec = 10; ///< the measured side averages this much of the run
constexpr double kSettledSec = 5;  ///< rows it needs before a gap counts as large
constexpr double kLargeGapPercent = 25;
constexpr double kSaturated = 0.9; ///< utilisation from which p95 settles slowly
/// An exponential distribution's p95 over its mean: ln 20.
const double kExponentialP95 = std::log(20.0);

QString milliseconds(double ms)
{
    return TheoryPanel::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 1));
}

QString percent(double share)
{
    return TheoryPanel::tr("%1%").arg(QLocale().toString(share * 100, 'f', 1));
}

QString signedPercent(double value)
{
    const long rounded = std::lround(value);
    return TheoryPanel::tr("%1%").arg(rounded > 0 ? QStringLiteral("+%1").arg(rounded)
                                                  : QString::number(rounded));
}

/// "model 31.2 ms, measured 33.0 ms (+6%)", with dashes for what is missing.
QString comparison(const std::optional<double>& predicted, double measured)
{
    const QString model = predicted ? milliseconds(*predicted) : TheoryPanel::tr("–");
    if (std::isnan(measured))
        return TheoryPanel::tr("model %1, measured –").arg(model);
    if (!predicted || *predicted <= 0)
        return TheoryPanel::tr("model %1, measured %2").arg(model, milliseconds(measured));
    return TheoryPanel::tr("model %1, measured %2 (%3)")
        .arg(model, milliseconds(measured),
             signedPercent((measured - *predicted) / *predicted * 100));
}

} // namespace

TheoryPanel::TheoryPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 4, 6, 4);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [this, form](QLabel** label, QLabel** value, const char* name) {
        *label = new QLabel(this);
        *value = new QLabel(this);
        (*value)->setObjectName(QLatin1String(name));
        (*value)->setWordWrap(true);
        (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(*label, *value);
    };
    row(&m_modelLabel, &m_model, "theoryModel");
    row(&m_rhoLabel, &m_rho, "theoryUtilisation");
    row(&m_waitLabel, &m_wait, "theoryWaitProbability");
    row(&m_latencyLabel, &m_latency, "theoryLatency");
    row(&m_queueWaitLabel, &m_queueWait, "theoryQueueWait");
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("theoryHint"));
    m_hint->setWordWrap(true);
    QFont italic = m_hint->font();
    italic.setItalic(true);
    m_hint->setFont(italic);
    form->addRow(m_hint);
    retranslate();
}

void TheoryPanel::setScenario(const shoal::Scenario& scenario)
{
    m_prediction = shoal::ScenarioModel::predict(scenario);
    m_measured.clear();
    render();
}

void TheoryPanel::addRow(const shoal::MetricsRow& row)
{
    m_measured.push_back(
        {row.tSec, row.intervalSec, row.latencyP95Ms, row.queueWaitP95Ms, row.serviceP95Ms});
    while (!m_measured.empty() && m_measured.front().tSec < row.tSec - kMeasureSec)
        m_measured.pop_front();
    render();
}

void TheoryPanel::clearMeasured()
{
    m_measured.clear();
    render();
}

QString TheoryPanel::modelText() const
{
    return m_model->text();
}

QString TheoryPanel::hintText() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

QString TheoryPanel::latencyText() const
{
    return m_latency->text();
}

double TheoryPanel::measuredMean(double Measured::*field, double* coveredSec) const
{
    double weighted = 0;
    double covered = 0;
    for (const Measured& m : m_measured) {
        const double value = m.*field;
        if (std::isnan(value) || m.intervalSec <= 0)
            continue;
        weighted += value * m.intervalSec;
        covered += m.intervalSec;
    }
    if (coveredSec)
        *coveredSec = covered;
    return covered > 0 ? weighted / covered : std::numeric_limits<double>::quiet_NaN();
}

double TheoryPanel::measuredLatencyP95Ms() const
{
    return measuredMean(&Measured::latencyP95Ms);
}

double TheoryPanel::latencyGapPercent() const
{
    const double measured = measuredLatencyP95Ms();
    if (std::isnan(measured) || !m_prediction.latencyP95Ms || *m_prediction.latencyP95Ms <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (measured - *m_prediction.latencyP95Ms) / *m_prediction.latencyP95Ms * 100;
}

QString TheoryPanel::reasonText(ModelReason reason)
{
    switch (reason) {
    case ModelReason::Applies:
        return {};
    case ModelReason::ClosedLoop:
        return tr("no model: closed loop");
    case ModelReason::NotPoisson:
        return tr("no model: arrivals are evenly spaced");
    case ModelReason::Limiter:
        return tr("no model: the limiter caps throughput");
    case ModelReason::GpuSlots:
        return tr("no model: shared slots cap concurrency");
    case ModelReason::Timeouts:
        return tr("no model: calls time out");
    case ModelReason::Failures:
        return tr("no model: jobs fail");
    case ModelReason::LiveChanges:
        return tr("no model: a setting changed during the run");
    case ModelReason::UnknownServiceTime:
        return tr("no model: the service time is not known in advance");
    case ModelReason::InvalidInput:
        return tr("no model: no workers, arrivals or service time");
    case ModelReason::Unstable:
        return tr("unstable: the queue grows without bound");
    }
    return {};
}

QString TheoryPanel::reasonDetail(ModelReason reason)
{
    switch (reason) {
    case ModelReason::Applies:
        return {};
    case ModelReason::ClosedLoop:
        return tr("Callers wait for their answers, so the arrival rate depends on the pool.");
    case ModelReason::NotPoisson:
        return tr("Erlang C needs Poisson arrivals; switch the arrival process to Poisson.");
    case ModelReason::Limiter:
        return tr("The limiter caps throughput: workers wait for tokens, not for calls.");
    case ModelReason::GpuSlots:
        return tr("Fewer slots than workers: the slots are the servers, not the pool.");
    case ModelReason::Timeouts:
        return tr("Callers leave the queue when they time out; abandonment is not modelled.");
    case ModelReason::Failures:
        return tr("Failed jobs end early; the model has no failed calls.");
    case ModelReason::LiveChanges:
        return tr("The queue has no steady state while settings change.");
    case ModelReason::UnknownServiceTime:
        return tr("Only the synthetic workload's service time is known before it runs.");
    case ModelReason::InvalidInput:
        return tr("The model needs workers, an arrival rate and a service time.");
    case ModelReason::Unstable:
        return tr("Arrivals exceed what the workers can serve: add workers or lower the rate.");
    }
    return {};
}

QString TheoryPanel::hint() const
{
    if (m_prediction.kind == ModelKind::None || m_prediction.reason != ModelReason::Applies)
        return reasonDetail(m_prediction.reason);
    double covered = 0;
    measuredMean(&Measured::latencyP95Ms, &covered);
    const double gap = latencyGapPercent();
    if (covered < kSettledSec || std::isnan(gap) || std::abs(gap) <= kLargeGapPercent)
        return {};
    if (m_prediction.utilisation >= kSaturated)
        return tr("Close to saturation: p95 takes long to settle and swings with small changes "
                  "in load.");
    // Erlang C assumes exponential service; a measured service p95 far from an exponential
    // one's says the service times are not what the model assumes.
    const double serviceP95 = measuredMean(&Measured::serviceP95Ms);
    if (m_prediction.kind == ModelKind::MMc && !std::isnan(serviceP95) &&
        m_prediction.serviceMeanMs > 0) {
        const double exponentialP95 = kExponentialP95 * m_prediction.serviceMeanMs;
        if (std::abs(serviceP95 - exponentialP95) > exponentialP95 * kLargeGapPercent / 100)
            return tr("Service times are not exponential (service p95 %1, exponential %2): "
                      "switch to M/G/c.")
                .arg(milliseconds(serviceP95), milliseconds(exponentialP95));
    }
    if (gap > 0)
        return tr("Slower than the model: a busy machine stretches service times "
                  "(compare service p95).");
    return tr("Faster than the model: the run has not reached a steady state yet.");
}

void TheoryPanel::render()
{
    const shoal::ModelPrediction& p = m_prediction;
    const bool applies = p.kind != ModelKind::None && p.reason == ModelReason::Applies;
    if (applies)
        m_model->setText(tr("%1, c = %2").arg(p.name()).arg(p.servers));
    else if (p.reason == ModelReason::Unstable)
        m_model->setText(tr("%1: %2").arg(p.name(), reasonText(p.reason)));
    else
        m_model->setText(reasonText(p.reason));
    const bool rated = p.servers > 0 && p.utilisation > 0;
    m_rho->setText(rated ? percent(p.utilisation) : tr("–"));
    m_wait->setText(p.waitProbability ? percent(*p.waitProbability) : tr("–"));
    m_latency->setText(comparison(p.latencyP95Ms, measuredLatencyP95Ms()));
    m_queueWait->setText(comparison(p.queueWaitP95Ms, measuredMean(&Measured::queueWaitP95Ms)));
    const QString text = hint();
    m_hint->setText(text);
    m_hint->setHidden(text.isEmpty());
}

void TheoryPanel::retranslate()
{
    m_modelLabel->setText(tr("Model"));
    m_rhoLabel->setText(tr("Utilisation ρ"));
    m_waitLabel->setText(tr("P(wait)"));
    m_latencyLabel->setText(tr("Latency p95"));
    m_queueWaitLabel->setText(tr("Queue wait p95"));
    render();
}

void TheoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
