#pragma once

#include "dispatcher.h"
#include "parker.h"

#include <chrono>
#include <optional>

namespace shoal::detail {

/// One wait of a caller or an idle worker: spin on the Parker for the pool's current spin budget
/// if one of its spin permits is free (at most one per core), then sleep. Callers and workers
/// draw from the same permits, so with 64 callers on 2 cores two threads spin and the rest
/// sleep, instead of 64 spinners starving the workers they wait for. Whether the spin paid off
/// feeds the adaptive budget (see Dispatcher::spinBudget()).
class SpinningWait {
public:
    explicit SpinningWait(Dispatcher& dispatcher)
        : m_dispatcher(dispatcher)
        , m_spinning(dispatcher.tryStartSpinning())
        , m_spinUntil(Parker::Clock::now() + dispatcher.spinBudget())
    {}
    ~SpinningWait()
    {
        if (m_spinning)
            m_dispatcher.stopSpinning();
    }
    SpinningWait(const SpinningWait&) = delete;
    SpinningWait& operator=(const SpinningWait&) = delete;

    /// Parks until unparked (true) or \a deadline (false). Gives the permit back as soon as the
    /// spin budget is spent, so a long sleep never holds it.
    bool park(Parker& parker, std::optional<Parker::Clock::time_point> deadline)
    {
        if (m_spinning) {
            const auto until = deadline && *deadline < m_spinUntil ? *deadline : m_spinUntil;
            if (parker.park(until, until - Parker::Clock::now())) {
                m_dispatcher.noteSpin(true);
                return true;
            }
            if (Parker::Clock::now() < m_spinUntil)
                return false; // the caller's deadline came first
            m_dispatcher.noteSpin(false);
            m_dispatcher.stopSpinning();
            m_spinning = false;
            if (deadline && Parker::Clock::now() >= *deadline)
                return false;
        }
        return parker.park(deadline, std::chrono::nanoseconds::zero());
    }

private:
    Dispatcher& m_dispatcher;                    ///< owns the permits and the budget
    bool m_spinning;                             ///< holds a permit
    const Parker::Clock::time_point m_spinUntil; ///< end of the spin budget
};

} // namespace shoal::detail
