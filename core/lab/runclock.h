#pragma once

#include <QElapsedTimer>

namespace shoal {

/// A run's two clocks: wall time since start(), which stamps the samples and events, and run
/// time, which stands still while the run is paused or draining and measures the duration.
///
/// Thread safety: one thread (the session's).
class RunClock {
public:
    /// Both clocks from zero, run time running.
    void start();
    /// Stops run time; nothing when it is stopped already.
    void pause();
    /// Runs run time on from where pause() left it.
    void resume();

    /// Seconds since start(); 0 before it.
    double wallSec() const;
    /// Seconds of run time.
    double runSec() const;

    /// Milliseconds until \a seconds from now, rounded up and clamped for a QTimer.
    static int msUntil(double seconds);

private:
    QElapsedTimer m_wall;        ///< since start()
    QElapsedTimer m_activeSince; ///< valid while run time runs
    qint64 m_activeNs = 0;       ///< run time before the current stretch
};

} // namespace shoal
