#include "signalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

/// The pipe's write end while a watcher is active, else -1. Read by the handler.
std::atomic<int> g_writeFd{-1};

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free fd");

extern "C" void onSignal(int signo)
{
    const int savedErrno = errno;
    const int fd = g_writeFd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signo);
        // A full pipe already holds enough wake-ups; the byte may be dropped.
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

} // namespace

SignalWatcher::SignalWatcher(const QList<int>& signos, QObject* parent)
    : QObject(parent)
{
    int fds[2] = {-1, -1};
    if (g_writeFd.load() >= 0 || ::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_readFd = fds[0];
    g_writeFd.store(fds[1]);
    for (const int signo : signos) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous = {};
        if (::sigaction(signo, &action, &previous) == 0) {
            m_signals.push_back(signo);
            m_previous.push_back(previous);
        }
    }
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    for (std::size_t i = 0; i < m_signals.size(); ++i)
        ::sigaction(m_signals[i], &m_previous[i], nullptr);
    const int writeFd = g_writeFd.exchange(-1);
    delete m_notifier;
    m_notifier = nullptr;
    ::close(writeFd);
    ::close(m_readFd);
}

void SignalWatcher::onReadable()
{
    unsigned char buffer[64];
    for (;;) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            Q_EMIT terminationRequested(static_cast<int>(buffer[i]));
    }
}
