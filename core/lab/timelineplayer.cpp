#include "timelineplayer.h"

#include "runclock.h"

#include <QTimer>

#include <algorithm>

namespace shoal {

TimelinePlayer::TimelinePlayer(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TimelinePlayer::due);
}

void TimelinePlayer::load(QList<Scenario::TimelineEntry> entries)
{
    m_timer->stop();
    m_entries = std::move(entries);
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const auto& a, const auto& b) { return a.atSec < b.atSec; });
    m_next = 0;
}

void TimelinePlayer::arm(double nowSec)
{
    if (m_next < m_entries.size())
        m_timer->start(RunClock::msUntil(m_entries.at(m_next).atSec - nowSec));
    else
        m_timer->stop();
}

void TimelinePlayer::stop()
{
    m_timer->stop();
}

std::optional<Scenario::TimelineEntry> TimelinePlayer::takeDue(double nowSec)
{
    if (m_next >= m_entries.size() || m_entries.at(m_next).atSec > nowSec + 0.001)
        return std::nullopt;
    return m_entries.at(m_next++);
}

} // namespace shoal
