#pragma once

#include "commandline.h"

#include "lab/runsummary.h"
#include "lab/sample.h"
#include "lab/scenario.h"
#include "lab/sessionerror.h"

#include <QEventLoop>
#include <QList>
#include <QObject>

#include <optional>

class ProgressReporter;

/// `shoal-lab --headless`: loads and checks the preset and the assignments, checks that every
/// output file can be written, runs a Session without a window, and prints the summary. Bad
/// input is refused before anything runs, with one line naming what was wrong. Lives on the
/// main thread, with the session; exec() blocks (running the event loop) until the run is over.
class HeadlessRun : public QObject {
    Q_OBJECT

public:
    /// Exit statuses.
    enum Status { Success = 0, RunFailed = 1, BadInput = 2 };

    explicit HeadlessRun(const CommandLine::Options& options, QObject* parent = nullptr);
    ~HeadlessRun() override;

    /// Runs to the end; returns the exit status. SIGINT or SIGTERM ends the run at once
    /// (outstanding calls are dropped, running jobs interrupted where they allow it), writes
    /// no output file and returns 128 + the signal number (130, 143).
    int exec();

private:
    /// The preset with the assignments applied, or nothing after printing why.
    std::optional<shoal::Scenario> scenario();
    bool outputsWritable();
    void onSample(const shoal::Sample& sample);
    void onFinished(const shoal::RunSummary& summary);
    void onError(const shoal::SessionError& error);
    /// Prints "shoal-lab: <reason>" on stderr.
    void complain(const QString& reason);
    /// "SIGINT", "SIGTERM", ...
    static const char* signalName(int signo);

    CommandLine::Options m_options;               ///< what to run
    std::unique_ptr<ProgressReporter> m_progress; ///< on stderr
    QEventLoop m_loop;                            ///< runs until the session finishes
    std::optional<shoal::RunSummary> m_summary;   ///< set when the run finished
    QList<shoal::Sample> m_samples; ///< every sample, kept for --report (its worker lanes)
    shoal::RunState m_state = shoal::RunState::Idle; ///< the session's, as last reported
    int m_status = Success;                          ///< exec()'s result
    int m_signal = 0;                                ///< the termination signal, if one came
};
