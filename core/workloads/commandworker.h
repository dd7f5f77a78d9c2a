#pragma once

#include "childprocess.h"
#include "limitedworker.h"
#include "liveparams.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <memory>

namespace shoal {

/// What a command worker runs, as CommandWorkload resolves it from its parameters.
struct CommandSettings {
    QString program;               ///< absolute path of an executable
    QStringList args;              ///< its arguments
    bool coprocess = true;         ///< one long-lived child per worker; false: one per call
    QByteArray input = "{n}";      ///< the line template; {n} is the call's sequence number
    bool signalOnInterrupt = true; ///< an abandoned call's child is stopped; false: it runs on
};

/// One call: the line sent to the program (without its newline).
struct CommandJob {
    quint64 sequence = 0; ///< the call's sequence number
    QByteArray line;      ///< {n} already replaced
};

/// What a call returns: the answer line (coprocess) or the whole stdout, trimmed (exec).
struct CommandResult {
    QByteArray output;
};

/// State the workers of one command workload share.
struct CommandShared {
    explicit CommandShared(CommandSettings initial)
        : settings(std::move(initial))
    {}
    LiveParams<CommandSettings> settings;   ///< read at the start of each job
    std::atomic<qint64> childrenStarted{0}; ///< over all workers, restarts included
};

/// Runs a person's program for each call (see docs/workloads.md, "command"). In coprocess mode
/// the constructor starts the worker's child, so a program that cannot start makes the factory
/// throw; each call writes one line and reads one line back. In exec mode each call starts the
/// program with the line on stdin and takes its trimmed stdout; a non-zero exit fails the call.
/// A child that exits, crashes, closes its stdout or answers too long fails its call with a
/// message naming how it ended and its last stderr line; a coprocess is then restarted at the
/// start of the next call. Children live in process groups of their own, and every way out of
/// a call or the worker kills the group, so nothing outlives the pool.
///
/// Interrupts: the abandoning thread only writes to an eventfd the worker polls beside the
/// child's pipes (no Qt object crosses threads). With signalOnInterrupt the child's group gets
/// SIGTERM, then SIGKILL after InterruptGrace; otherwise the job runs on until the child
/// answers, unless the worker is also being retired (shrink or close), which ends it too.
class CommandWorker final : public LimitedWorker {
public:
    /// How long a signalled or closed child gets before SIGKILL.
    static constexpr std::chrono::milliseconds InterruptGrace{200};

    /// Runs on the thread that creates or grows the pool. Throws std::runtime_error naming the
    /// program when a coprocess cannot start. \a limiter may be null.
    CommandWorker(std::shared_ptr<CommandShared> shared, std::shared_ptr<RateLimiter> limiter);
    ~CommandWorker() override;

    /// Worker's thread. A CommandJob or a QByteArray (the line); returns a CommandResult.
    std::any process(std::any payload) override;
    /// Abandoning thread: wakes process(), which acts on it as the settings say.
    void interrupt() override;
    /// Worker's thread: closes the coprocess's stdin, waits InterruptGrace, kills its group.
    void terminate() override;

    /// The current child's pid (its process group id too); 0 when there is none. Any thread.
    qint64 childPid() const noexcept { return m_childPid.load(std::memory_order_acquire); }

private:
    CommandResult runCoprocess(const CommandSettings& settings, const QByteArray& line);
    CommandResult runExec(const CommandSettings& settings, const QByteArray& line);
    void startChild(const CommandSettings& settings);
    /// Ends the child and throws the failure: \a what, how it ended, its last stderr line.
    [[noreturn]] void fail(const QString& what, int signal, std::chrono::milliseconds grace);
    bool shouldStop(const CommandSettings& settings) const;

    std::shared_ptr<CommandShared> m_shared; ///< settings and counters of the workload
    ChildProcess m_child;                    ///< the coprocess, or the current exec child
    QString m_childProgram;                  ///< what m_child runs, to notice live changes
    QStringList m_childArgs;                 ///< with these arguments
    int m_wakeFd = -1;                       ///< eventfd: interrupt() and retirement wake polls
    std::atomic<qint64> m_childPid{0};       ///< m_child's pid for monitors and tests
};

} // namespace shoal
