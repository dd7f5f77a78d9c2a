#pragma once

#include "lab/runstate.h"
#include "lab/sample.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;

/// The window's status bar: the run's state, elapsed run time, completed calls, throughput,
/// timeouts, errors and the pool's state, plus a progress bar while a run of fixed length is
/// under way. Fed the session's samples and state changes. GUI thread.
class RunStatusBar : public QStatusBar {
    Q_OBJECT

public:
    explicit RunStatusBar(QWidget* parent = nullptr);

    /// The run moved to \a state.
    void setRunState(shoal::RunState state);
    /// The newest sample.
    void showSample(const shoal::Sample& sample);
    /// Back to an empty run.
    void clearRun();

    /// The labels' texts, left to right (for tests).
    QStringList texts() const;
    /// The progress bar.
    QProgressBar* progressBar() const { return m_progress; }
    /// The share of the run done, beside the bar: "43% of the run".
    QLabel* progressText() const { return m_progressText; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    shoal::RunState m_state = shoal::RunState::Idle;
    shoal::Sample m_sample;         ///< the newest, or a default one
    bool m_hasSample = false;       ///< m_sample is from this run
    QLabel* m_stateLabel = nullptr; ///< Running, Paused, ...
    QLabel* m_elapsed = nullptr;
    QLabel* m_completed = nullptr;
    QLabel* m_throughput = nullptr;
    QLabel* m_timeouts = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_pool = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr; ///< the progress bar's text, never clipped by a style
};
