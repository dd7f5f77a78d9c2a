#include "statetext.h"

using shoal::RunState;
using shoal::WorkerState;

QString StateText::runState(RunState state)
{
    switch (state) {
    case RunState::Idle:
        return tr("Ready");
    case RunState::Preparing:
        return tr("Preparing");
    case RunState::Running:
        return tr("Running");
    case RunState::Paused:
        return tr("Paused");
    case RunState::Draining:
        return tr("Draining");
    case RunState::Finished:
        return tr("Finished");
    }
    return {};
}

QString StateText::workerState(WorkerState state)
{
    switch (state) {
    case WorkerState::Idle:
        return tr("idle");
    case WorkerState::Blocked:
        return tr("blocked in blockUntilReady");
    case WorkerState::Busy:
        return tr("busy");
    case WorkerState::Abandoned:
        return tr("abandoned (caller gave up)");
    case WorkerState::Retiring:
        return tr("retiring");
    }
    return {};
}

QList<WorkerState> StateText::workerStates()
{
    return {WorkerState::Idle, WorkerState::Blocked, WorkerState::Busy, WorkerState::Abandoned,
            WorkerState::Retiring};
}
