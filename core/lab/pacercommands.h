#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace shoal {

/// What the load generator's control members and completions ask of its pacer thread, collected
/// until the pacer next looks. Every request goes through post(), the one place that wakes the
/// pacer. The posting members may be called from any thread and never block for long; take() is
/// for the pacer thread alone.
class PacerCommands {
public:
    using Clock = std::chrono::steady_clock;

    /// The requests posted since the pacer last looked. A value; requests of one kind coalesce.
    struct Pending {
        std::optional<double> rate;  ///< setRate(): the latest open-loop rate
        bool modeChanged = false;    ///< setMode(): the loop opened or closed
        bool callersChanged = false; ///< start() or setCallers(): start the callers below target
        bool resumed = false;        ///< resume(): parked callers and arrivals go on
        qint64 burst = 0;            ///< burst(): calls to make at once
        Clock::time_point burstAt;   ///< the latest burst's time, their intended start
        bool wake = false;           ///< look again: a phase change or an earlier due call
        bool quit = false;           ///< the generator is going away: return at once
    };

    void setRate(double ratePerSec);
    void modeChanged();
    void callersChanged();
    void resumed();
    void burst(qint64 calls, Clock::time_point at);
    /// Makes the pacer look again (at the phase, or at a call due earlier than it expected).
    void wake();
    void quit();

    /// Pacer: blocks until something is posted or \a deadline passes (no deadline: until
    /// something is posted), then returns the requests and clears them. An empty Pending means
    /// the deadline passed.
    Pending take(std::optional<Clock::time_point> deadline);

private:
    /// Applies \a edit to the pending requests under the lock and wakes the pacer.
    template <typename Edit>
    void post(Edit edit);

    std::mutex m_mutex;               ///< guards m_pending, m_posted
    std::condition_variable m_posted; ///< the pacer sleeps on it in take()
    Pending m_pending;                ///< requests not yet taken
    bool m_any = false;               ///< something was posted since the last take()
};

} // namespace shoal
