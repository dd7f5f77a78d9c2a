#include "arrivalschedule.h"

#include "workloads/servicetimedistribution.h"

#include <cmath>

namespace shoal {

QString arrivalModeName(ArrivalMode mode)
{
    return mode == ArrivalMode::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

std::optional<ArrivalMode> arrivalModeFromName(const QString& name)
{
    for (const ArrivalMode mode : {ArrivalMode::Open, ArrivalMode::Closed}) {
        if (arrivalModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QStringList arrivalModeNames()
{
    return {arrivalModeName(ArrivalMode::Open), arrivalModeName(ArrivalMode::Closed)};
}

QString arrivalProcessName(ArrivalProcess process)
{
    return process == ArrivalProcess::Constant ? QStringLiteral("constant")
                                               : QStringLiteral("poisson");
}

std::optional<ArrivalProcess> arrivalProcessFromName(const QString& name)
{
    for (const ArrivalProcess process : {ArrivalProcess::Constant, ArrivalProcess::Poisson}) {
        if (arrivalProcessName(process) == name)
            return process;
    }
    return std::nullopt;
}

QStringList arrivalProcessNames()
{
    return {arrivalProcessName(ArrivalProcess::Constant),
            arrivalProcessName(ArrivalProcess::Poisson)};
}

ArrivalSchedule::ArrivalSchedule(ArrivalProcess process, double ratePerSec, quint64 seed)
    : m_process(process)
    , m_engine(seed)
{
    setRate(ratePerSec);
}

void ArrivalSchedule::setRate(double ratePerSec)
{
    m_rate = (std::isfinite(ratePerSec) && ratePerSec > 0) ? ratePerSec : 0;
}

std::optional<std::chrono::nanoseconds> ArrivalSchedule::nextGap()
{
    if (m_rate <= 0)
        return std::nullopt;
    double seconds = 1.0 / m_rate;
    if (m_process == ArrivalProcess::Poisson) {
        // Inverse transform of a uniform draw in [0, 1): -ln(1 - u) is exponential with mean 1.
        seconds *= -std::log1p(-ServiceTimeDistribution::unit(m_engine));
    }
    return std::chrono::nanoseconds(std::llround(seconds * 1e9));
}

} // namespace shoal
