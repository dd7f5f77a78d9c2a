#include "windowdocks.h"

#include "comparisonview.h"
#include "controlpanel.h"
#include "eventlogview.h"
#include "spectrumview.h"
#include "sweepdock.h"
#include "theorypanel.h"

#include <QDockWidget>
#include <QMainWindow>

WindowDocks::WindowDocks(QMainWindow* window, shoal::Session* session)
    : m_window(window)
{
    m_controls = new ControlPanel(window);
    m_controlsDock = add("controlsDock", m_controls, Qt::LeftDockWidgetArea, false);
    m_theory = new TheoryPanel(window);
    m_theoryDock = add("theoryDock", m_theory, Qt::LeftDockWidgetArea, true);
    window->splitDockWidget(m_controlsDock, m_theoryDock, Qt::Vertical);
    m_log = new EventLogView(window);
    m_logDock = add("logDock", m_log, Qt::BottomDockWidgetArea, true);
    m_spectrum = new SpectrumView(window);
    m_spectrumDock = add("spectrumDock", m_spectrum, Qt::BottomDockWidgetArea, true);
    window->tabifyDockWidget(m_logDock, m_spectrumDock);
    m_comparison = new ComparisonView(window);
    m_comparisonDock = add("comparisonDock", m_comparison, Qt::BottomDockWidgetArea, true);
    window->tabifyDockWidget(m_spectrumDock, m_comparisonDock);
    m_sweepDock = new SweepDock(session, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_sweepDock);
    window->tabifyDockWidget(m_comparisonDock, m_sweepDock);
    m_logDock->raise();
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->resizeDocks({m_controlsDock}, {330}, Qt::Horizontal);
    window->resizeDocks({m_logDock}, {150}, Qt::Vertical);
}

QDockWidget* WindowDocks::add(const char* name, QWidget* content, int area, bool closable)
{
    auto* dock = new QDockWidget(m_window);
    dock->setObjectName(QString::fromLatin1(name));
    dock->setWidget(content);
    dock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
        (closable ? QDockWidget::DockWidgetClosable : QDockWidget::NoDockWidgetFeatures));
    m_window->addDockWidget(static_cast<Qt::DockWidgetArea>(area), dock);
    return dock;
}

QList<QDockWidget*> WindowDocks::all() const
{
    return {m_controlsDock, m_theoryDock, m_logDock, m_spectrumDock, m_comparisonDock, m_sweepDock};
}

void WindowDocks::showComparison()
{
    m_comparisonDock->show();
    m_comparisonDock->raise();
}

void WindowDocks::retranslate()
{
    m_controlsDock->setWindowTitle(tr("Controls"));
    m_theoryDock->setWindowTitle(tr("Theory"));
    m_logDock->setWindowTitle(tr("Event log"));
    m_spectrumDock->setWindowTitle(tr("Latency distribution"));
    m_comparisonDock->setWindowTitle(tr("Comparison"));
}
