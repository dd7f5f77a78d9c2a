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

QColor StateText::workerColor(WorkerState state)
{
    switch (state) {
    case WorkerState::Idle:
        return QColor(0xdd, 0xe1, 0xe6);
    case WorkerState::Blocked:
        return QColor(0xf2, 0xa9, 0x3b);
    case WorkerState::Busy:
        return QColor(0x2e, 0x8b, 0x57);
    case WorkerState::Abandoned:
        return QColor(0xd6, 0x3a, 0x3a);
    case WorkerState::Retiring:
        return QColor(0x7b, 0x5c, 0xc4);
    }
    return Qt::black;
}

QList<WorkerState> StateText::workerStates()
{
    return {WorkerState::Idle, WorkerState::Blocked, WorkerState::Busy, WorkerState::Abandoned,
            WorkerState::Retiring};
}
