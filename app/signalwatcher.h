#pragma once

#include <QList>
#include <QObject>

#include <csignal>
#include <vector>

class QSocketNotifier;

/// Turns POSIX termination signals (SIGINT, SIGTERM, ...) into a Qt signal on the thread the
/// watcher lives in, usually the main thread. The signal handler only writes the signal number
/// into a pipe (async-signal-safe); a QSocketNotifier on the pipe's other end emits
/// terminationRequested() from the event loop, where any cleanup may run. Independent of what
/// the program does about it: the headless run and the desktop window both use it.
///
/// At most one watcher exists at a time (signal dispositions are process-wide). Make and destroy
/// it on one thread with an event loop; the destructor puts back the handlers it replaced.
class SignalWatcher : public QObject {
    Q_OBJECT

public:
    /// Installs handlers for \a signos. If another watcher exists, or the pipe cannot be made,
    /// isActive() is false and the signals keep their previous disposition. Doesn't block.
    explicit SignalWatcher(const QList<int>& signos = {SIGINT, SIGTERM}, QObject* parent = nullptr);
    /// Restores the previous handlers and closes the pipe. A signal arriving after that gets the
    /// previous disposition.
    ~SignalWatcher() override;
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    /// Whether the handlers are installed.
    bool isActive() const { return m_notifier != nullptr; }

    /// The conventional exit status of a program ended by \a signo: 128 + \a signo (130 for
    /// SIGINT, 143 for SIGTERM).
    static int exitStatus(int signo) { return 128 + signo; }

Q_SIGNALS:
    /// \a signo arrived (once per delivery; repeats are reported again). Emitted on the
    /// watcher's thread from its event loop.
    void terminationRequested(int signo);

private:
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;    ///< on the pipe's read end; null when inactive
    std::vector<int> m_signals;               ///< the signals handled
    std::vector<struct sigaction> m_previous; ///< their dispositions before, same order
    int m_readFd = -1;                        ///< the pipe's read end
};
