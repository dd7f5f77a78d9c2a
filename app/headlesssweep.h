#pragma once

#include "commandline.h"

#include "lab/scenario.h"
#include "lab/sweepresult.h"
#include "lab/sweepspec.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>

#include <optional>

class SignalWatcher;

/// `shoal-lab --headless ... --sweep KEY=VALUES`: runs a SweepRunner on the main thread, prints
/// progress on stderr, the table and the recommendation on stdout, and writes --csv and
/// --summary (atomically). The spec was checked before (SweepOptions). exec() blocks, running the
/// event loop, until the sweep is over; a signal cancels it and writes nothing.
class HeadlessSweep : public QObject {
    Q_OBJECT

public:
    HeadlessSweep(const CommandLine::Options& options, const shoal::Scenario& scenario,
                  const shoal::SweepSpec& spec, QObject* parent = nullptr);

    /// Runs the sweep; returns the exit status (0, 1 when a run failed, 128 + signal).
    int exec(SignalWatcher& watcher);

private:
    void complain(const QString& reason);

    CommandLine::Options m_options;             ///< outputs
    shoal::Scenario m_scenario;                 ///< the base preset
    shoal::SweepSpec m_spec;                    ///< what to sweep
    QEventLoop m_loop;                          ///< runs until the sweep ends
    std::optional<shoal::SweepResult> m_result; ///< set when it finished
    int m_signal = 0;                           ///< the termination signal, if one came
};
