#pragma once

#include "lab/runstate.h"

#include "pool/poolprobe.h"

#include <QCoreApplication>
#include <QString>

/// What a run state or a worker state is called: one place, so the lanes, their legend, the
/// status bar and the command line agree. Translated; any thread.
class StateText {
    Q_DECLARE_TR_FUNCTIONS(StateText)

public:
    /// e.g. "Running", "Draining".
    static QString runState(shoal::RunState state);
    /// e.g. "busy", "blocked in blockUntilReady".
    static QString workerState(shoal::WorkerState state);
    /// Every worker state, in the order the legend shows them.
    static QList<shoal::WorkerState> workerStates();
};
