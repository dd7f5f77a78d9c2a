#include "sweepdock.h"

#include "sweepview.h"

#include "lab/session.h"
#include "lab/sweeprunner.h"

#include <QEvent>
#include <QMainWindow>
#include <QThread>

#include <algorithm>

namespace {

/// A runner borrowing \a session, made on the session's thread (at once when that is this one).
shoal::SweepRunner* makeRunner(shoal::Session* session)
{
    const auto make = [session] { return new shoal::SweepRunner(session, session); };
    if (session->thread() == QThread::currentThread())
        return make();
    shoal::SweepRunner* runner = nullptr;
    QMetaObject::invokeMethod(session, make, Qt::BlockingQueuedConnection, &runner);
    return runner;
}

} // namespace

SweepDock::SweepDock(shoal::Session* session, QMainWindow* window)
    : QDockWidget(window)
    , m_window(window)
    , m_runner(makeRunner(session))
    , m_view(new SweepView(m_runner, this))
{
    setObjectName(QStringLiteral("sweepDock"));
    setWidget(m_view);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);
    changeEvent(nullptr);
}

SweepDock::~SweepDock()
{
    delete m_view;           // cancels a sweep in progress first
    m_runner->deleteLater(); // on the session's thread, after the cancel
}

void SweepDock::showInFront()
{
    show();
    raise();
    // Its curves need room; the live charts above keep the rest.
    m_window->resizeDocks({this}, {std::max(height(), m_window->height() * 9 / 20)}, Qt::Vertical);
}

void SweepDock::changeEvent(QEvent* event)
{
    if (!event || event->type() == QEvent::LanguageChange)
        setWindowTitle(tr("Sweep"));
    if (event)
        QDockWidget::changeEvent(event);
}
