#include "childprocess.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace shoal {
namespace {

constexpr qsizetype kChunk = 64 * 1024;
/// Without a pidfd (kernels before 5.3) the exit is polled at this interval.
constexpr int kExitPollMs = 5;

std::string systemError(const QString& program, int error)
{
    return "cannot start " + program.toStdString() + ": " + std::strerror(error);
}

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

QString describe(int status)
{
    if (WIFEXITED(status))
        return QStringLiteral("exited with status %1").arg(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return QStringLiteral("killed by signal %1 (%2)")
            .arg(WTERMSIG(status))
            .arg(QString::fromLocal8Bit(::strsignal(WTERMSIG(status))));
    return QStringLiteral("ended with wait status %1").arg(status);
}

} // namespace

ChildProcess::~ChildProcess()
{
    end(SIGKILL, std::chrono::milliseconds(0));
}

void ChildProcess::start(const QString& program, const QStringList& args)
{
    if (m_pid > 0)
        throw std::logic_error("ChildProcess::start: already started");
    m_output.clear();
    m_errTail.clear();
    m_tooLong = false;
    m_lastClean = false;

    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 ||
        ::pipe2(err, O_CLOEXEC) != 0) {
        const int error = errno;
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
            if (fd >= 0)
                ::close(fd);
        throw std::runtime_error(systemError(program, error));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);

    // Its own process group (so one kill reaches every grandchild), no blocked signals, and
    // the usual dispositions even when this process ignores SIGPIPE (Qt does).
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                              POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int s : {SIGPIPE, SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2})
        sigaddset(&defaults, s);
    posix_spawnattr_setsigdefault(&attributes, &defaults);

    const QByteArray path = QFile::encodeName(program);
    std::vector<QByteArray> argBytes;
    argBytes.push_back(path);
    for (const QString& arg : args)
        argBytes.push_back(arg.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& arg : argBytes)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int error =
        ::posix_spawn(&pid, path.constData(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (error != 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        throw std::runtime_error(systemError(program, error));
    }
    m_pid = pid;
    m_stdin = in[1];
    m_stdout = out[0];
    m_stderr = err[0];
    for (int fd : {m_stdin, m_stdout, m_stderr})
        setNonBlocking(fd);
    m_pidFd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); // -1 on old kernels
}

bool ChildProcess::hasExited() const
{
    if (m_pid <= 0)
        return true;
    siginfo_t info{};
    // WNOWAIT leaves it a zombie: its pid, and so its group id, cannot be reused before end().
    if (::waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return errno == ECHILD;
    return info.si_pid != 0;
}

bool ChildProcess::waitForExit(std::chrono::milliseconds timeout) const
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (hasExited())
            return true;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        if (m_pidFd >= 0) {
            pollfd fd{m_pidFd, POLLIN, 0};
            ::poll(&fd, 1, static_cast<int>(left.count()));
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(kExitPollMs));
        }
    }
}

void ChildProcess::closeFd(int& fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

bool ChildProcess::readInto(int& fd, QByteArray& buffer, qsizetype keep, bool tail)
{
    char chunk[kChunk];
    for (;;) {
        const qsizetype room = tail ? kChunk : std::min(kChunk, keep + 1 - buffer.size());
        if (room <= 0)
            return true; // full: leave the rest in the pipe
        const ssize_t n = ::read(fd, chunk, static_cast<size_t>(room));
        if (n > 0) {
            buffer.append(chunk, n);
            if (tail && buffer.size() > keep)
                buffer.remove(0, buffer.size() - keep);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        closeFd(fd); // end of file, or an error that ends it as well
        return false;
    }
}

bool ChildProcess::writeSome(const QByteArray& input, qsizetype& written)
{
    // A child that has closed its stdin must not kill us with SIGPIPE: block it on this
    // thread for the write and take back the one the write raised (EPIPE is what we act on).
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous);
    sigset_t pending;
    sigpending(&pending);
    const bool wasPending = sigismember(&pending, SIGPIPE) == 1;
    ssize_t n = -1;
    int error = 0;
    do {
        n = ::write(m_stdin, input.constData() + written,
                    static_cast<size_t>(input.size() - written));
        error = errno;
    } while (n < 0 && error == EINTR);
    if (n < 0 && error == EPIPE && !wasPending) {
        const timespec zero{};
        ::sigtimedwait(&pipeSignal, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (n > 0)
        written += n;
    return n >= 0 || error == EAGAIN || error == EWOULDBLOCK;
}

ChildProcess::Outcome ChildProcess::exchange(const QByteArray& input, bool closeInput, bool toEnd,
                                             int wakeFd, const std::function<bool()>& stop,
                                             QByteArray* answer)
{
    qsizetype written = 0;
    bool exited = false;
    for (;;) {
        if (m_stdin >= 0 && written == input.size() && closeInput)
            closeFd(m_stdin);
        const bool sent = written == input.size() || m_stdin < 0;
        if (!toEnd) {
            // A line the child wrote ahead answers this call, but only once its input is sent.
            const qsizetype newline = m_output.indexOf('\n');
            if (newline >= 0 && sent) {
                *answer = m_output.left(newline);
                m_output.remove(0, newline + 1);
                return Outcome::Answered;
            }
            if (m_output.size() >= MaxOutputBytes)
                m_tooLong = true;
        } else if (m_output.size() > MaxOutputBytes) {
            m_tooLong = true;
        }
        if (m_tooLong)
            return Outcome::TooLong;
        if (stop && stop())
            return Outcome::Interrupted;
        if (exited || (toEnd && m_stdout < 0 && hasExited())) {
            closeFd(m_stdin); // nobody reads it any more
            // What it wrote before exiting is in the pipes already.
            if (m_stdout >= 0)
                readInto(m_stdout, m_output, MaxOutputBytes, false);
            if (m_stderr >= 0)
                readInto(m_stderr, m_errTail, StderrTailBytes, true);
            if (toEnd) {
                if (m_output.size() > MaxOutputBytes)
                    return Outcome::TooLong;
                *answer = m_output;
                m_output.clear();
                return Outcome::Answered;
            }
            if (m_output.contains('\n'))
                continue; // answered just before it went
            return Outcome::Exited;
        }
        if (!toEnd && m_stdout < 0)
            return Outcome::Exited; // closed its output: no answer can come

        pollfd fds[5];
        nfds_t count = 0;
        int inIndex = -1, outIndex = -1, errIndex = -1, pidIndex = -1, wakeIndex = -1;
        if (m_stdin >= 0 && written < input.size()) {
            inIndex = static_cast<int>(count);
            fds[count++] = {m_stdin, POLLOUT, 0};
        }
        if (m_stdout >= 0) {
            outIndex = static_cast<int>(count);
            fds[count++] = {m_stdout, POLLIN, 0};
        }
        if (m_stderr >= 0) {
            errIndex = static_cast<int>(count);
            fds[count++] = {m_stderr, POLLIN, 0};
        }
        if (m_pidFd >= 0) {
            pidIndex = static_cast<int>(count);
            fds[count++] = {m_pidFd, POLLIN, 0};
        }
        if (wakeFd >= 0) {
            wakeIndex = static_cast<int>(count);
            fds[count++] = {wakeFd, POLLIN, 0};
        }
        const int ready = ::poll(fds, count, m_pidFd >= 0 ? -1 : kExitPollMs);
        if (ready < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        if (ready <= 0) {
            exited = m_pidFd < 0 && hasExited();
            continue;
        }
        if (inIndex >= 0 && fds[inIndex].revents != 0 && !writeSome(input, written)) {
            closeFd(m_stdin); // it stopped reading; its output may still answer
            written = input.size();
        }
        if (outIndex >= 0 && fds[outIndex].revents != 0)
            readInto(m_stdout, m_output, MaxOutputBytes, false);
        if (errIndex >= 0 && fds[errIndex].revents != 0)
            readInto(m_stderr, m_errTail, StderrTailBytes, true);
        if (pidIndex >= 0 && fds[pidIndex].revents != 0)
            exited = true;
        if (wakeIndex >= 0 && fds[wakeIndex].revents != 0) {
            quint64 drained = 0;
            while (::read(wakeFd, &drained, sizeof drained) > 0) {
            }
        }
    }
}

QString ChildProcess::end(int signal, std::chrono::milliseconds grace)
{
    if (m_pid <= 0)
        return {};
    if (signal != 0)
        ::kill(-m_pid, signal);
    else
        closeFd(m_stdin);
    if (grace.count() > 0)
        waitForExit(grace);
    // The child is not reaped yet, so its group id still names only its own group: this
    // reaches whatever it left behind as well.
    ::kill(-m_pid, SIGKILL);
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (m_stderr >= 0)
        readInto(m_stderr, m_errTail, StderrTailBytes, true);
    for (int* fd : {&m_stdin, &m_stdout, &m_stderr, &m_pidFd})
        closeFd(*fd);
    m_pid = 0;
    m_output.clear();
    m_tooLong = false;
    m_lastClean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return describe(status);
}

QString ChildProcess::lastStderrLine() const
{
    const QList<QByteArray> lines = m_errTail.split('\n');
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        const QByteArray trimmed = line->trimmed();
        if (!trimmed.isEmpty())
            return QString::fromLocal8Bit(trimmed);
    }
    return {};
}

} // namespace shoal
