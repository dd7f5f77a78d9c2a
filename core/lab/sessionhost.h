#pragma once

#include <QThread>

namespace shoal {

class Session;

/// Owns the thread a Session lives in: makes the Session, moves it there and starts the thread;
/// on destruction deletes the Session on its own thread (which closes any pool) and ends the
/// thread, as a thread-owning destructor should. Make and destroy it on one thread, never on
/// the session thread itself.
class SessionHost {
public:
    SessionHost();
    /// Blocks until the session is gone (its pool closed, running jobs finished).
    ~SessionHost();
    SessionHost(const SessionHost&) = delete;
    SessionHost& operator=(const SessionHost&) = delete;

    /// The session; connect to its slots and signals (they are queued across threads). Valid
    /// until this host is destroyed.
    Session* session() const { return m_session; }

private:
    QThread m_thread;             ///< the session's thread, with its event loop
    Session* m_session = nullptr; ///< lives in m_thread; deleted there
};

} // namespace shoal
