#pragma once

#include "lab/scenario.h"

#include <QStandardPaths>

/// What the widget tests share: a short, cheap configuration to run, and settings kept out of
/// the user's own.
namespace uitest {

/// A synthetic workload of 2 ms sleeps offered at 200/s to four workers, for \a durationSec.
inline shoal::Scenario quickScenario(double durationSec = 60)
{
    shoal::Scenario s;
    s.name = QStringLiteral("ui-test");
    s.description = QStringLiteral("two-millisecond sleeps at 200/s");
    s.watch = QStringLiteral("nothing in particular");
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("distribution"), QStringLiteral("fixed")},
                        {QStringLiteral("meanMs"), 2.0}};
    s.poolSize = 4;
    s.ratePerSec = 200;
    s.durationSec = durationSec;
    s.drainSec = 2;
    s.samplerPeriodMs = 50;
    return s;
}

/// QSettings and the cache go to a test folder, and start empty.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace uitest
