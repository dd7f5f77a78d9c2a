#pragma once

#include "lab/runstate.h"

#include "pool/poolprobe.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

/// What the window calls a run state or a worker state, and the colour a worker state is drawn
/// in: one place, so the lanes, their legend and the status bar agree. Translated; GUI thread.
class StateText {
    Q_DECLARE_TR_FUNCTIONS(StateText)

public:
    /// e.g. "Running", "Draining".
    static QString runState(shoal::RunState state);
    /// e.g. "busy", "blocked in blockUntilReady".
    static QString workerState(shoal::WorkerState state);
    /// The lane colour of \a state.
    static QColor workerColor(shoal::WorkerState state);
    /// Every worker state, in the order the legend shows them.
    static QList<shoal::WorkerState> workerStates();
};
