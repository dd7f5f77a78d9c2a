#pragma once

#include <QMetaType>
#include <QString>

namespace shoal {

/// One change during a run, from the user or from the preset's timeline: a setting that moved
/// (what = its preset key, e.g. "pool.size") or an action ("burst", "cancelAll", "closePool").
struct RunEvent {
    double tSec = 0;  ///< seconds since the run started, on the samples' clock
    QString what;     ///< the preset key or action name
    QString oldValue; ///< before the change; empty for actions
    QString newValue; ///< after the change; for burst the number of calls

    bool operator==(const RunEvent&) const = default;
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::RunEvent)
