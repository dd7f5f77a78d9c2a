#pragma once

#include "arrivalschedule.h"
#include "callapi.h"
#include "sweepspec.h"

#include "pool/dispatchorder.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace shoal {

/// One lab configuration: what a preset file holds (see docs/lab.md for every key). A value
/// type; PresetFormat reads and writes it as JSON, PresetLibrary holds the built-in ones, and
/// Session runs it. Any thread.
struct Scenario {
    /// A scripted change during a run (preset key "timeline[i].action").
    enum class Action {
        SetSize,       ///< value: pool size
        SetTimeout,    ///< value: call timeout in ms (0 = none)
        SetRate,       ///< value: open-loop arrivals per second
        SetCallers,    ///< value: closed-loop callers
        SetLimit,      ///< value: limiter tokens per second
        SetBurst,      ///< value: limiter bucket size
        SetMaxWaiting, ///< value: bound on waiting calls (-1 = none)
        SetApi,        ///< value: "process", "processTimed" or "processCtx"
        Burst,         ///< value: that many calls at once, on top of the arrivals
        CancelAll,     ///< cancels every outstanding processCtx call
        ClosePool,     ///< closes the pool; later calls fail with PoolNotRunning
        SetParam,      ///< key: a workload parameter; value: its new value
    };

    /// One timeline entry.
    struct TimelineEntry {
        double atSec = 0;              ///< on the run clock (pauses excluded)
        Action action = Action::Burst; ///< what happens
        QVariant value; ///< normalized (qint64, double, bool, QString); invalid if none
        QString key;    ///< SetParam only: the workload parameter

        /// Every field equal; two invalid values are equal.
        bool operator==(const TimelineEntry& other) const;
    };

    int version = 1;     ///< the preset format's version; only 1 exists
    QString name;        ///< identifies a built-in preset; free text for a file
    QString description; ///< what the preset shows
    QString watch;       ///< what to look at while it runs

    QString workloadKind = QStringLiteral("synthetic"); ///< "hash", "image" or "synthetic"
    QVariantMap workloadParams; ///< as given, normalized by the kind's schema; missing = default

    int poolSize = 4;       ///< workers
    qint64 maxWaiting = -1; ///< bound on waiting calls; -1 = none
    DispatchOrder dispatchOrder = DispatchOrder::NewestIdleFirst; ///< which idle worker is served

    CallApi callApi = CallApi::Process; ///< which call form
    double timeoutMs = 0;               ///< processTimed's timeout, processCtx's deadline; 0 = none

    ArrivalMode arrivalMode = ArrivalMode::Open;              ///< open or closed loop
    ArrivalProcess arrivalProcess = ArrivalProcess::Constant; ///< open loop: arrival spacing
    double ratePerSec = 100;                                  ///< open loop
    int callers = 4;                                          ///< closed loop
    double thinkMs = 0; ///< closed loop: pause between a caller's calls
    quint64 seed = 1;   ///< Poisson arrivals

    bool limiterEnabled = false; ///< share a RateLimiter between the workers
    double limiterRate = 100;    ///< tokens per second
    int limiterBurst = 1;        ///< bucket size

    double durationSec = 10; ///< run length on the run clock, when jobs is 0
    qint64 jobs = 0;         ///< run length in calls; 0 = use durationSec
    double drainSec = 2;     ///< after the run: how long outstanding calls may take to finish

    int samplerPeriodMs = 100; ///< one row of metrics per period

    QList<TimelineEntry> timeline; ///< in file order; run in atSec order (stable)

    /// The preset's "sweep" section: what a headless run of it sweeps (see SweepSpec).
    std::optional<SweepSpec> sweep;

    /// Every field equal (the duration is ignored while jobs is set: it is not saved then).
    bool operator==(const Scenario& other) const;

    /// The built-in preset a new session and a plain `shoal-lab` start with.
    static QString defaultPresetName();

    /// "setSize", "setTimeout", ... as presets spell them, in enum order.
    static QStringList actionNames();
    /// The preset name of \a action.
    static QString actionName(Action action);
    /// The action named \a name, or nothing for an unknown name.
    static std::optional<Action> actionFromName(const QString& name);
};

/// "newest-idle" or "longest-idle", as presets spell it. Any thread.
QString dispatchOrderName(DispatchOrder order);
/// The order named \a name, or nothing for an unknown name. Any thread.
std::optional<DispatchOrder> dispatchOrderFromName(const QString& name);
/// Every name dispatchOrderFromName() accepts, in enum order.
QStringList dispatchOrderNames();

} // namespace shoal

Q_DECLARE_METATYPE(shoal::Scenario)
