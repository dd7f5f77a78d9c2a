#include "sessionhost.h"

#include "session.h"

namespace shoal {

SessionHost::SessionHost()
    : m_session(new Session)
{
    m_thread.setObjectName(QStringLiteral("shoal-session"));
    m_session->moveToThread(&m_thread);
    m_thread.start();
}

SessionHost::~SessionHost()
{
    QMetaObject::invokeMethod(
        m_session, [session = m_session] { delete session; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace shoal
