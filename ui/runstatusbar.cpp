#include "runstatusbar.h"

#include "text/statetext.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <algorithm>
#include <cmath>

using shoal::RunState;

RunStatusBar::RunStatusBar(QWidget* parent)
    : QStatusBar(parent)
{
    const auto label = [this](int minimumWidth) {
        auto* l = new QLabel(this);
        l->setMinimumWidth(minimumWidth);
        addPermanentWidget(l);
        return l;
    };
    m_stateLabel = label(90);
    m_elapsed = label(90);
    m_completed = label(130);
    m_throughput = label(120);
    m_timeouts = label(110);
    m_errors = label(90);
    m_pool = label(110);
    // The share of the run sits beside the bar, not in it: styles draw a bar's text in a fixed
    // box or split across the filled edge, and either way it was cut off in both languages.
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(120);
    addPermanentWidget(m_progress);
    m_progressText = new QLabel(this);
    addPermanentWidget(m_progressText);
    render();
}

void RunStatusBar::setRunState(RunState state)
{
    m_state = state;
    if (state == RunState::Preparing || state == RunState::Idle)
        m_hasSample = false;
    render();
}

void RunStatusBar::showSample(const shoal::Sample& sample)
{
    m_sample = sample;
    m_hasSample = true;
    render();
}

void RunStatusBar::clearRun()
{
    m_hasSample = false;
    render();
}

QStringList RunStatusBar::texts() const
{
    return {m_stateLabel->text(), m_elapsed->text(), m_completed->text(), m_throughput->text(),
            m_timeouts->text(),   m_errors->text(),  m_pool->text()};
}

void RunStatusBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QStatusBar::changeEvent(event);
}

void RunStatusBar::render()
{
    const QLocale locale;
    const shoal::MetricsRow row = m_hasSample ? m_sample.row : shoal::MetricsRow{};
    m_stateLabel->setText(StateText::runState(m_state));
    m_elapsed->setText(
        tr("%1 s elapsed").arg(locale.toString(m_hasSample ? m_sample.runSec : 0.0, 'f', 1)));
    m_completed->setText(tr("%1 completed").arg(locale.toString(row.completed)));
    m_throughput->setText(tr("%1/s").arg(locale.toString(row.throughputPerSec, 'f', 0)));
    m_timeouts->setText(tr("%1 timeouts").arg(locale.toString(row.timedOut)));
    m_errors->setText(tr("%1 errors").arg(locale.toString(row.failed)));
    QString pool;
    if (!m_hasSample)
        pool = tr("no pool");
    else if (row.poolSize == 0 && m_state != RunState::Preparing)
        pool = tr("pool closed");
    else
        pool = tr("pool of %n", nullptr, row.poolSize);
    m_pool->setText(pool);
    const bool active = m_state == RunState::Running || m_state == RunState::Paused ||
                        m_state == RunState::Draining;
    const bool shown = active || m_state == RunState::Finished;
    const double progress = m_hasSample ? std::clamp(m_sample.progress, 0.0, 1.0) : 0.0;
    m_progress->setVisible(shown);
    m_progress->setValue(static_cast<int>(progress * 1000));
    m_progressText->setVisible(shown);
    m_progressText->setText(tr("%1% of the run").arg(std::floor(progress * 100), 0, 'f', 0));
    // As wide as the widest share, so that the bar does not move as the number grows.
    m_progressText->setMinimumWidth(
        m_progressText->fontMetrics().horizontalAdvance(tr("%1% of the run").arg(100)));
}
