#pragma once

#include "lab/runevent.h"

#include <QCoreApplication>
#include <QString>

/// How a run event reads on a chart marker and in the event log: the preset key or action as
/// presets spell it (so it matches the files), with its change. Translated; any thread.
class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    /// e.g. "pool.size 4 → 8", "burst 500", "cancelAll".
    static QString label(const shoal::RunEvent& event);
};
