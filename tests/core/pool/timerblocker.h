#pragma once

#include "pool/deadlinetimer.h"
#include "scriptedworker.h"

#include <memory>

namespace shoal::test {

/// Keeps the shared deadline timer thread busy until destroyed, so a test can see what happens
/// when a deadline passes before the timer thread gets round to it. The gates are shared with
/// the timer thread, which may still be leaving its wait after the blocker is gone.
class TimerBlocker {
public:
    TimerBlocker()
    {
        DeadlineTimer::instance().schedule(DeadlineTimer::Clock::now(), [gates = m_gates] {
            gates->entered.open();
            gates->release.wait(std::chrono::seconds(60));
        });
        if (!m_gates->entered.wait())
            qFatal("TimerBlocker: the timer thread never ran");
    }
    ~TimerBlocker() { release(); }
    TimerBlocker(const TimerBlocker&) = delete;
    TimerBlocker& operator=(const TimerBlocker&) = delete;

    /// Lets the timer thread go on before destruction.
    void release() { m_gates->release.open(); }

private:
    struct Gates {
        Gate entered;
        Gate release;
    };
    std::shared_ptr<Gates> m_gates = std::make_shared<Gates>();
};

} // namespace shoal::test
