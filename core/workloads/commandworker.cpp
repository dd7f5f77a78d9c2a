#include "commandworker.h"

#include <QFileInfo>

#include <csignal>
#include <stdexcept>

#include <sys/eventfd.h>
#include <unistd.h>

namespace shoal {

CommandWorker::CommandWorker(std::shared_ptr<CommandShared> shared,
                             std::shared_ptr<RateLimiter> limiter)
    : LimitedWorker(std::move(limiter))
    , m_shared(std::move(shared))
{
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0)
        throw std::runtime_error("command worker: eventfd failed");
    const auto settings = m_shared->settings.get();
    if (settings->coprocess) {
        try {
            startChild(*settings);
        } catch (...) {
            ::close(m_wakeFd);
            throw;
        }
    }
}

CommandWorker::~CommandWorker()
{
    m_child.end(SIGKILL, std::chrono::milliseconds(0));
    ::close(m_wakeFd);
}

void CommandWorker::startChild(const CommandSettings& settings)
{
    m_child.start(settings.program, settings.args);
    m_childProgram = settings.program;
    m_childArgs = settings.args;
    m_childPid.store(m_child.pid(), std::memory_order_release);
    m_shared->childrenStarted.fetch_add(1, std::memory_order_relaxed);
}

void CommandWorker::fail(const QString& what, int signal, std::chrono::milliseconds grace)
{
    const QString how = m_child.end(signal, grace);
    m_childPid.store(0, std::memory_order_release);
    QString message = QFileInfo(m_childProgram).fileName() + QLatin1Char(' ') + what;
    if (!how.isEmpty())
        message += QStringLiteral(": ") + how;
    const QString stderrLine = m_child.lastStderrLine();
    if (!stderrLine.isEmpty())
        message += QStringLiteral(" (stderr: ") + stderrLine + QLatin1Char(')');
    throw std::runtime_error(message.toStdString());
}

bool CommandWorker::shouldStop(const CommandSettings& settings) const
{
    if (!isInterrupted())
        return false;
    // Under "ignore" an abandoned job still ends when its worker is retired: nobody wants the
    // answer, and shrinking or closing must not wait on it.
    return settings.signalOnInterrupt || stopContext().isDone();
}

std::any CommandWorker::process(std::any payload)
{
    const auto settings = m_shared->settings.get();
    QByteArray line;
    if (const auto* job = std::any_cast<CommandJob>(&payload))
        line = job->line;
    else if (const auto* bytes = std::any_cast<QByteArray>(&payload))
        line = *bytes;
    else
        throw std::invalid_argument("command worker: payload must be a CommandJob or a QByteArray");

    quint64 stale = 0;
    while (::read(m_wakeFd, &stale, sizeof stale) > 0) {
    }
    const int wakeFd = m_wakeFd;
    const Context::Subscription wakeOnStop = stopContext().onDone([wakeFd] {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(wakeFd, &one, sizeof one);
    });
    return settings->coprocess ? runCoprocess(*settings, line) : runExec(*settings, line);
}

CommandResult CommandWorker::runCoprocess(const CommandSettings& settings, const QByteArray& line)
{
    if (m_child.isStarted() &&
        (m_childProgram != settings.program || m_childArgs != settings.args)) {
        m_child.end(0, InterruptGrace); // the program changed live
        m_childPid.store(0, std::memory_order_release);
    }
    if (m_child.isStarted() && m_child.hasExited())
        fail(QStringLiteral("had ended before this call"), 0, std::chrono::milliseconds(0));
    if (!m_child.isStarted())
        startChild(settings);

    QByteArray answer;
    const auto outcome = m_child.exchange(
        line + '\n', false, false, m_wakeFd, [&] { return shouldStop(settings); }, &answer);
    switch (outcome) {
    case ChildProcess::Outcome::Answered:
        return {answer};
    case ChildProcess::Outcome::Interrupted:
        fail(QStringLiteral("stopped: its caller gave up"), SIGTERM, InterruptGrace);
    case ChildProcess::Outcome::TooLong:
        fail(QStringLiteral("answered a line longer than %1 bytes")
                 .arg(ChildProcess::MaxOutputBytes),
             SIGKILL, std::chrono::milliseconds(0));
    case ChildProcess::Outcome::Exited:
        break;
    }
    // It closed its output or exited: let it finish exiting so its own status is reported.
    fail(QStringLiteral("ended without answering"), 0, InterruptGrace);
}

CommandResult CommandWorker::runExec(const CommandSettings& settings, const QByteArray& line)
{
    if (m_child.isStarted()) { // a coprocess left from before a live switch to exec
        m_child.end(0, InterruptGrace);
        m_childPid.store(0, std::memory_order_release);
    }
    startChild(settings);
    QByteArray output;
    const auto outcome = m_child.exchange(
        line + '\n', true, true, m_wakeFd, [&] { return shouldStop(settings); }, &output);
    switch (outcome) {
    case ChildProcess::Outcome::Answered:
        break;
    case ChildProcess::Outcome::Interrupted:
        fail(QStringLiteral("stopped: its caller gave up"), SIGTERM, InterruptGrace);
    case ChildProcess::Outcome::TooLong:
        fail(QStringLiteral("wrote more than %1 bytes").arg(ChildProcess::MaxOutputBytes), SIGKILL,
             std::chrono::milliseconds(0));
    case ChildProcess::Outcome::Exited:
        fail(QStringLiteral("ended without answering"), 0, InterruptGrace);
    }
    // It has exited (not reaped): the kill in end() only reaches what it left behind.
    const QString how = m_child.end(SIGKILL, std::chrono::milliseconds(0));
    m_childPid.store(0, std::memory_order_release);
    if (!m_child.endedCleanly()) {
        QString message = QFileInfo(m_childProgram).fileName() + QStringLiteral(" ") + how;
        const QString stderrLine = m_child.lastStderrLine();
        if (!stderrLine.isEmpty())
            message += QStringLiteral(" (stderr: ") + stderrLine + QLatin1Char(')');
        throw std::runtime_error(message.toStdString());
    }
    return {output.trimmed()};
}

void CommandWorker::interrupt()
{
    const quint64 one = 1;
    [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
}

void CommandWorker::terminate()
{
    m_child.end(0, InterruptGrace);
    m_childPid.store(0, std::memory_order_release);
}

} // namespace shoal
