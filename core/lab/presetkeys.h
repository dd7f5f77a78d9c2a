#pragma once

#include <QString>

namespace shoal::presetkeys {

// The preset JSON's structural keys, shared by the format and the --set assignments. The
// settings' own dotted names live in the settings table.
inline const QString workload = QStringLiteral("workload");
inline const QString params = QStringLiteral("params");
inline const QString run = QStringLiteral("run");
inline const QString timeline = QStringLiteral("timeline");
inline const QString sweep = QStringLiteral("sweep");
inline const QString atSec = QStringLiteral("atSec");
inline const QString action = QStringLiteral("action");
inline const QString value = QStringLiteral("value");
inline const QString key = QStringLiteral("key");
inline const QString durationSec = QStringLiteral("durationSec");
inline const QString jobs = QStringLiteral("jobs");
inline const QString paramsPrefix = QStringLiteral("workload.params.");

} // namespace shoal::presetkeys
