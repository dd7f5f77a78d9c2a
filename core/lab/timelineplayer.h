#pragma once

#include "scenario.h"

#include <QList>
#include <QObject>

#include <optional>

class QTimer;

namespace shoal {

/// Plays a run's timeline on the run clock: due() fires when the next entry's time comes, and
/// takeDue() hands out the entries that are due, each once, in time order (file order for ties).
///
/// Thread safety: the thread it lives in.
class TimelinePlayer : public QObject {
    Q_OBJECT

public:
    explicit TimelinePlayer(QObject* parent = nullptr);

    /// Rewinds to \a entries, sorted by time; the timer is stopped until arm().
    void load(QList<Scenario::TimelineEntry> entries);
    /// Fires due() when the next entry's time comes, \a nowSec being the run clock now.
    void arm(double nowSec);
    /// No due() until the next arm().
    void stop();
    /// The next entry when it is due at \a nowSec (a timer may fire a little early: within a
    /// millisecond counts), moving past it; nothing when none is due.
    std::optional<Scenario::TimelineEntry> takeDue(double nowSec);

Q_SIGNALS:
    void due();

private:
    QTimer* m_timer;
    QList<Scenario::TimelineEntry> m_entries; ///< by atSec
    qsizetype m_next = 0;                     ///< the first entry not yet handed out
};

} // namespace shoal
