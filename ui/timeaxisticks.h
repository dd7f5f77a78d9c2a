#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

/// Where the shared time axis puts its ticks: a round step (1, 2 or 5 times a power of ten
/// seconds) giving at most a given number of ticks. The charts and the worker lanes both use
/// it, so their ticks line up. Any thread.
class TimeAxisTicks {
    Q_DECLARE_TR_FUNCTIONS(TimeAxisTicks)

public:
    /// How many ticks the charts and the lanes aim for.
    static constexpr int DefaultTicks = 6;

    /// The round step for [\a fromSec, \a toSec] with at most \a maxTicks ticks.
    static double step(double fromSec, double toSec, int maxTicks);
    /// The tick positions in [\a fromSec, \a toSec], multiples of step(), or of \a minStep
    /// where that is larger (1 keeps a count axis on whole numbers).
    static QList<double> ticks(double fromSec, double toSec, int maxTicks, double minStep = 0);
    /// A tick's label, e.g. "90 s".
    static QString label(double sec);
};
