#include "windowmenus.h"

#include "runactions.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

WindowMenus::WindowMenus(QMainWindow* window, const RunActions* a, const QList<QDockWidget*>& docks)
{
    QMenuBar* bar = window->menuBar();
    m_file = bar->addMenu(QString());
    m_file->addActions({a->openPreset(), a->savePreset()});
    m_file->addSeparator();
    m_file->addActions({a->openRun(), a->compareRun()});
    m_file->addSeparator();
    m_file->addActions({a->saveRun(), a->saveReport(), a->exportCsv(), a->saveCharts()});
    m_file->addSeparator();
    m_file->addAction(a->quit());

    m_presets = bar->addMenu(QString());
    m_presets->setToolTipsVisible(true);
    m_presets->addActions(a->presetActions());

    m_run = bar->addMenu(QString());
    m_run->addActions({a->run(), a->pause(), a->stop(), a->reset()});
    m_run->addSeparator();
    m_run->addActions({a->burst(), a->cancelAll(), a->closePool()});
    m_run->addSeparator();
    m_run->addAction(a->sweep());

    m_view = bar->addMenu(QString());
    m_view->addActions(a->chartWindows()->actions());
    m_view->addSeparator();
    for (QDockWidget* dock : docks)
        m_view->addAction(dock->toggleViewAction());

    m_language = bar->addMenu(QString());
    m_language->addActions(a->languages()->actions());
}

void WindowMenus::retranslate()
{
    m_file->setTitle(tr("&File"));
    m_presets->setTitle(tr("&Presets"));
    m_run->setTitle(tr("&Run"));
    m_view->setTitle(tr("&View"));
    m_language->setTitle(tr("&Language"));
}
