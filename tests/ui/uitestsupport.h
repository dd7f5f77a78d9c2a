#pragma once

#include "lab/scenario.h"

#include <QStandardPaths>
#include <QThreadPool>

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

/// QSettings and the cache go to a test folder. Under ThreadSanitizer, Qt Gui's painting and
/// image conversion get one pool thread: they split large images over Qt's global pool and
/// hand the parts over with Qt's own futex-based locks, which the sanitizer cannot see
/// (tests/tsan.supp covers the hand-off itself).
inline void prepareTestProcess()
{
    QStandardPaths::setTestModeEnabled(true);
#if defined(__SANITIZE_THREAD__)
    QThreadPool::globalInstance()->setMaxThreadCount(1);
#endif
}

} // namespace uitest
