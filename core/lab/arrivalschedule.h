#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <random>

namespace shoal {

/// Where the load comes from.
enum class ArrivalMode {
    Open,   ///< calls arrive at a rate, whatever the pool does (a service's clients)
    Closed, ///< N callers, each calling again when its previous call ends (a batch job)
};

/// How open-loop arrivals are spaced.
enum class ArrivalProcess {
    Constant, ///< exactly 1/rate apart
    Poisson,  ///< exponentially distributed gaps with mean 1/rate (independent arrivals)
};

/// "open" or "closed", as presets spell it. Any thread.
QString arrivalModeName(ArrivalMode mode);
/// The mode named \a name, or nothing for an unknown name.
std::optional<ArrivalMode> arrivalModeFromName(const QString& name);
/// Every mode's name, in enum order.
QStringList arrivalModeNames();
/// "constant" or "poisson", as presets spell it. Any thread.
QString arrivalProcessName(ArrivalProcess process);
/// The process named \a name, or nothing for an unknown name.
std::optional<ArrivalProcess> arrivalProcessFromName(const QString& name);
/// Every process's name, in enum order.
QStringList arrivalProcessNames();

/// The gaps between open-loop arrivals: constant or Poisson at a rate, reproducible from a seed.
/// Draws use only the engine's raw output (as the synthetic workload does), so a seed gives the
/// same arrival times with every standard library. A value type for one thread (the generator's
/// pacer); not thread-safe.
class ArrivalSchedule {
public:
    /// \a ratePerSec <= 0 (or NaN) means no arrivals.
    ArrivalSchedule(ArrivalProcess process, double ratePerSec, quint64 seed);

    /// The time from one arrival to the next; std::nullopt while the rate is 0.
    std::optional<std::chrono::nanoseconds> nextGap();

    /// Changes the rate for the gaps drawn from now on; the random stream continues.
    void setRate(double ratePerSec);
    /// Arrivals per second; 0 while there are none.
    double rate() const { return m_rate; }
    /// Constant or Poisson, fixed at construction.
    ArrivalProcess process() const { return m_process; }

private:
    ArrivalProcess m_process = ArrivalProcess::Constant; ///< spacing of arrivals
    double m_rate = 0;                                   ///< arrivals per second, >= 0
    std::mt19937_64 m_engine;                            ///< Poisson gaps
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::ArrivalMode)
