#include "runstatusbar.h"

#include "text/statetext.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

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
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(170);
    m_progress->setMaximumWidth(200);
    addPermanentWidget(m_progress);
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
    m_progress->setVisible(active || m_state == RunState::Finished);
    m_progress->setValue(m_hasSample ? static_cast<int>(m_sample.progress * 1000) : 0);
    m_progress->setFormat(tr("%p% of the run"));
}
