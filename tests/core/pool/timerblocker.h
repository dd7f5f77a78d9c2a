#pragma once

#include "pool/deadlinetimer.h"
#include "scriptedworker.h"

namespace shoal::test {

/// Keeps the shared deadline timer thread busy until destroyed, so a test can see what happens
/// when a deadline passes before the timer thread gets round to it.
class TimerBlocker {
public:
    TimerBlocker()
    {
        DeadlineTimer::instance().schedule(DeadlineTimer::Clock::now(), [this] {
            m_entered.open();
            m_release.wait(std::chrono::seconds(60));
        });
        if (!m_entered.wait())
            qFatal("TimerBlocker: the timer thread never ran");
    }
    ~TimerBlocker() { m_release.open(); }
    TimerBlocker(const TimerBlocker&) = delete;
    TimerBlocker& operator=(const TimerBlocker&) = delete;

    /// Lets the timer thread go on before destruction.
    void release() { m_release.open(); }

private:
    Gate m_entered;
    Gate m_release;
};

} // namespace shoal::test
