#pragma once

#include <QCoreApplication>
#include <QList>

class ComparisonView;
class ControlPanel;
class EventLogView;
class QDockWidget;
class QMainWindow;
class SpectrumView;
class SweepDock;
class TheoryPanel;

namespace shoal {
class Session;
} // namespace shoal

/// The window's docks and the views in them: the controls with the queueing theory under them
/// on the left; the event log, the latency distribution, the comparison and the Sweep view
/// tabbed below. Each dock is named for the saved layout. GUI thread.
class WindowDocks {
    Q_DECLARE_TR_FUNCTIONS(WindowDocks)

public:
    /// Adds the docks to \a window (which owns them); the Sweep view drives \a session.
    WindowDocks(QMainWindow* window, shoal::Session* session);

    ControlPanel* controls() const { return m_controls; }
    TheoryPanel* theory() const { return m_theory; }
    EventLogView* log() const { return m_log; }
    SpectrumView* spectrum() const { return m_spectrum; }
    ComparisonView* comparison() const { return m_comparison; }
    SweepDock* sweep() const { return m_sweepDock; }
    /// Every dock, in the View menu's order.
    QList<QDockWidget*> all() const;
    /// Brings the Comparison tab to the front.
    void showComparison();
    /// Names the docks in the current language.
    void retranslate();

private:
    /// A dock named \a name holding \a content in \a area.
    QDockWidget* add(const char* name, QWidget* content, int area, bool closable);

    QMainWindow* m_window = nullptr;
    ControlPanel* m_controls = nullptr;
    TheoryPanel* m_theory = nullptr;
    EventLogView* m_log = nullptr;
    SpectrumView* m_spectrum = nullptr;
    ComparisonView* m_comparison = nullptr;
    SweepDock* m_sweepDock = nullptr;
    QDockWidget* m_controlsDock = nullptr;
    QDockWidget* m_theoryDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QDockWidget* m_spectrumDock = nullptr;
    QDockWidget* m_comparisonDock = nullptr;
};
