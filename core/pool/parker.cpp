#include "parker.h"

#include <cerrno>
#include <ctime>
#include <thread>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace shoal {
namespace {

// steady_clock is CLOCK_MONOTONIC on Linux, which FUTEX_WAIT_BITSET uses for absolute timeouts.
timespec toTimespec(Parker::Clock::time_point t)
{
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch());
    const auto count = ns.count() < 0 ? 0 : ns.count();
    return timespec{static_cast<time_t>(count / 1'000'000'000),
                    static_cast<long>(count % 1'000'000'000)};
}

void futexWait(std::atomic<std::uint32_t>* word, std::uint32_t expected,
               const std::optional<Parker::Clock::time_point>& deadline)
{
    timespec ts{};
    if (deadline)
        ts = toTimespec(*deadline);
    syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word),
            FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, expected, deadline ? &ts : nullptr, nullptr,
            FUTEX_BITSET_MATCH_ANY);
}

void futexWakeOne(std::atomic<std::uint32_t>* word)
{
    syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word), FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1,
            nullptr, nullptr, 0);
}

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));

} // namespace

void cpuRelax() noexcept
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
}

void Parker::unpark() noexcept
{
    if (m_state.exchange(Notified, std::memory_order_acq_rel) == Sleeping)
        futexWakeOne(&m_state);
}

bool Parker::consume() noexcept
{
    std::uint32_t expected = Notified;
    return m_state.compare_exchange_strong(expected, Empty, std::memory_order_acquire,
                                           std::memory_order_relaxed);
}

bool Parker::park(std::optional<Clock::time_point> deadline, std::chrono::nanoseconds spin) noexcept
{
    // Spin phase: check the clock only every 64 pauses; now() is cheap but not free.
    if (spin.count() > 0) {
        const auto spinUntil = Clock::now() + spin;
        for (unsigned i = 1;; ++i) {
            if (m_state.load(std::memory_order_relaxed) == Notified && consume())
                return true;
            cpuRelax();
            if ((i & 63) == 0) {
                const auto now = Clock::now();
                if (now >= spinUntil)
                    break;
                // No sched_yield() here: a thread that yields and then sleeps wakes a whole
                // scheduler slice late on a busy machine (~2 ms here), which would make every
                // deadline that late. Oversubscription is handled by the spin budget instead.
                if (deadline && now >= *deadline)
                    return consume();
            }
        }
    }
    for (;;) {
        std::uint32_t expected = Empty;
        if (!m_state.compare_exchange_strong(expected, Sleeping, std::memory_order_acq_rel)) {
            if (consume())
                return true;
            continue; // raced with unpark(); state is Notified now, loop consumes it
        }
        if (deadline && Clock::now() >= *deadline) {
            expected = Sleeping;
            if (m_state.compare_exchange_strong(expected, Empty, std::memory_order_acq_rel))
                return false;
            return consume();
        }
        futexWait(&m_state, Sleeping, deadline);
        if (consume())
            return true;
        if (deadline && Clock::now() >= *deadline) {
            expected = Sleeping;
            if (m_state.compare_exchange_strong(expected, Empty, std::memory_order_acq_rel))
                return false;
            return consume();
        }
        // Spurious wake: the state is still Sleeping (or Empty after a lost CAS); go round.
        expected = Sleeping;
        m_state.compare_exchange_strong(expected, Empty, std::memory_order_acq_rel);
    }
}

} // namespace shoal
