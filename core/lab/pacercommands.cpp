#include "pacercommands.h"

#include <utility>

namespace shoal {

template <typename Edit>
void PacerCommands::post(Edit edit)
{
    std::lock_guard lock(m_mutex);
    edit(m_pending);
    m_any = true;
    m_posted.notify_one();
}

void PacerCommands::setRate(double ratePerSec)
{
    post([ratePerSec](Pending& p) { p.rate = ratePerSec; });
}

void PacerCommands::modeChanged()
{
    post([](Pending& p) { p.modeChanged = true; });
}

void PacerCommands::callersChanged()
{
    post([](Pending& p) { p.callersChanged = true; });
}

void PacerCommands::resumed()
{
    post([](Pending& p) { p.resumed = true; });
}

void PacerCommands::burst(qint64 calls, Clock::time_point at)
{
    post([calls, at](Pending& p) {
        p.burst += calls;
        p.burstAt = at;
    });
}

void PacerCommands::wake()
{
    post([](Pending& p) { p.wake = true; });
}

void PacerCommands::quit()
{
    post([](Pending& p) { p.quit = true; });
}

PacerCommands::Pending PacerCommands::take(std::optional<Clock::time_point> deadline)
{
    std::unique_lock lock(m_mutex);
    const auto posted = [this] { return m_any; };
    if (!deadline)
        m_posted.wait(lock, posted);
    else if (!m_any && *deadline > Clock::now()) // a passed deadline costs no wait at all
        m_posted.wait_until(lock, *deadline, posted);
    m_any = false;
    return std::exchange(m_pending, Pending{});
}

} // namespace shoal
