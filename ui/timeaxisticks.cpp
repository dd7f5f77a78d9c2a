#include "timeaxisticks.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

double TimeAxisTicks::step(double fromSec, double toSec, int maxTicks)
{
    const double span = std::max(toSec - fromSec, 1e-3);
    const double raw = span / std::max(1, maxTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QList<double> TimeAxisTicks::ticks(double fromSec, double toSec, int maxTicks, double minStep)
{
    const double s = std::max(step(fromSec, toSec, maxTicks), minStep);
    QList<double> result;
    for (double t = std::ceil(fromSec / s) * s; t <= toSec + s * 1e-9; t += s)
        result.append(t);
    return result;
}

QString TimeAxisTicks::label(double sec)
{
    return tr("%1 s").arg(QLocale().toString(sec, 'g', 6));
}
