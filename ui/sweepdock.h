#pragma once

#include <QDockWidget>

class QMainWindow;
class SweepView;

namespace shoal {
class Session;
class SweepRunner;
} // namespace shoal

/// The dock holding the window's Sweep view, and the SweepRunner it drives: made on the session's
/// thread as the session's child, so that every point is a run of the window's own session, and
/// handed back to that thread to be deleted when the dock goes (after any sweep is canceled).
/// GUI thread.
class SweepDock : public QDockWidget {
    Q_OBJECT

public:
    /// Sweeps in \a session (not owned; it must outlive the dock), docked in \a window.
    SweepDock(shoal::Session* session, QMainWindow* window);
    ~SweepDock() override;

    SweepView* view() const { return m_view; }
    /// Shows the view in front, with room for its curves.
    void showInFront();

protected:
    void changeEvent(QEvent* event) override;

private:
    QMainWindow* m_window = nullptr;        ///< the dock's window
    shoal::SweepRunner* m_runner = nullptr; ///< the session's child, on its thread
    SweepView* m_view = nullptr;
};
