#pragma once

#include <QCoreApplication>
#include <QList>

class QDockWidget;
class QMainWindow;
class QMenu;
class RunActions;

/// The window's menu bar: File, Presets, Run, View (the chart windows and each dock) and
/// Language, filled from the window's actions. GUI thread.
class WindowMenus {
    Q_DECLARE_TR_FUNCTIONS(WindowMenus)

public:
    /// Fills \a window's menu bar with \a actions (not owned) and the docks' toggles.
    WindowMenus(QMainWindow* window, const RunActions* actions, const QList<QDockWidget*>& docks);

    /// Names the menus in the current language.
    void retranslate();

private:
    QMenu* m_file = nullptr;
    QMenu* m_presets = nullptr;
    QMenu* m_run = nullptr;
    QMenu* m_view = nullptr;
    QMenu* m_language = nullptr;
};
