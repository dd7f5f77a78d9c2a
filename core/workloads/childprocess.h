#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

#include <sys/types.h>

namespace shoal {

/// One child program in a process group of its own, with pipes to its stdin, stdout and stderr.
/// Plain POSIX (posix_spawn, poll, a pidfd for its exit) rather than QProcess: QProcess is tied
/// to the thread that made it and needs that thread's event loop, while a worker's child is
/// started on the pool's constructing thread and then used on the worker's QThread, and must
/// be woken from a third thread when its caller gives up. Every descriptor is close-on-exec, so
/// a sibling started by another worker never holds this child's pipes open.
///
/// Not thread-safe: one thread at a time (the worker's). Output kept is bounded: stdout up to
/// MaxOutputBytes, stderr only its last StderrTailBytes.
class ChildProcess {
public:
    /// Most stdout kept for one answer (a line, or exec's whole output).
    static constexpr qsizetype MaxOutputBytes = 1 << 20;
    /// How much of stderr's end is kept, for the last line.
    static constexpr qsizetype StderrTailBytes = 4096;

    /// How an exchange ended.
    enum class Outcome {
        Answered,    ///< a line (or, reading to the end, the whole output) is in the answer
        Exited,      ///< the child exited or closed its stdout first
        Interrupted, ///< the stop predicate said so
        TooLong,     ///< the answer went past MaxOutputBytes
    };

    ChildProcess() = default;
    /// Kills the group and reaps the child if it is still there.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Starts \a program (an absolute path) with \a args, in a new process group. Throws
    /// std::runtime_error naming the path and the system's reason when it cannot start.
    void start(const QString& program, const QStringList& args);
    /// True between start() and the end of end().
    bool isStarted() const { return m_pid > 0; }
    /// The child's pid, which is also its process group id; 0 when not started.
    pid_t pid() const { return m_pid; }
    /// True once the child has exited (it is not reaped yet, so its pid stays reserved).
    bool hasExited() const;

    /// Writes \a input to the child's stdin (closing stdin afterwards when \a closeInput), and
    /// reads its stdout until one line has arrived (\a toEnd false: the line without its
    /// newline goes to \a answer, what follows stays buffered for the next exchange) or until
    /// the end (\a toEnd true: stdout closed and the child exited; everything goes to
    /// \a answer). stderr is drained meanwhile. Blocks; returns early when \a wakeFd becomes
    /// readable (it is drained) and \a stop() returns true.
    Outcome exchange(const QByteArray& input, bool closeInput, bool toEnd, int wakeFd,
                     const std::function<bool()>& stop, QByteArray* answer);

    /// Ends the child: sends \a signal to its group (0: closes its stdin instead), waits up to
    /// \a grace for it to exit, then kills the whole group with SIGKILL and reaps the child.
    /// Returns how it ended ("exited with status 3", "killed by signal 9"). A no-op returning
    /// an empty string when not started.
    QString end(int signal, std::chrono::milliseconds grace);
    /// True when the child that end() reaped had exited with status 0.
    bool endedCleanly() const { return m_lastClean; }
    /// The last non-empty line the child wrote to stderr (at most StderrTailBytes of it); kept
    /// after end() until the next start().
    QString lastStderrLine() const;

private:
    void closeFd(int& fd);
    bool readInto(int& fd, QByteArray& buffer, qsizetype keep, bool tail);
    bool writeSome(const QByteArray& input, qsizetype& written);
    bool waitForExit(std::chrono::milliseconds timeout) const;

    pid_t m_pid = 0;          ///< the child, also its process group id; 0 = none
    int m_pidFd = -1;         ///< readable once the child exits
    int m_stdin = -1;         ///< our end of its stdin
    int m_stdout = -1;        ///< our end of its stdout
    int m_stderr = -1;        ///< our end of its stderr
    QByteArray m_output;      ///< stdout read but not yet handed out
    QByteArray m_errTail;     ///< the end of what it wrote to stderr
    bool m_tooLong = false;   ///< m_output hit MaxOutputBytes
    bool m_lastClean = false; ///< the last child reaped exited with status 0
};

} // namespace shoal
