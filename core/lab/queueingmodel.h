#pragma once

#include "arrivalschedule.h"
#include "workloads/servicetimedistribution.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace shoal {

/// What a run looks like to the queueing model: the settings that decide whether a model applies
/// and the rates it needs. A plain value; the caller fills it from the scenario.
struct ModelConditions {
    ArrivalMode arrivalMode = ArrivalMode::Open;
    ArrivalProcess arrivalProcess = ArrivalProcess::Poisson;
    bool limiterOn = false;   ///< a rate limiter gates the workers
    int gpuSlots = 0;         ///< 0 = no shared slots
    bool timeoutsOn = false;  ///< calls carry a timeout (abandoned calls leave the queue)
    double failureRate = 0;   ///< share of jobs that fail
    bool liveChanges = false; ///< a setting changed inside the window the model is compared with
    int servers = 0;          ///< pool size c
    double arrivalPerSec = 0; ///< lambda (open loop)
    /// The service time's distribution; empty when the workload's time is not known in advance
    /// (hash, image, command), which no model covers.
    std::optional<ServiceTimeDistribution> service;
};

/// Which model QueueingModel::predict() used.
enum class ModelKind {
    None,            ///< no model applies (see ModelReason)
    MMc,             ///< Erlang C, exact for exponential service
    MGcAllenCunneen, ///< Allen-Cunneen approximation for other service distributions
};

/// Why the prediction is what it is. Codes, not sentences: the user interface words them.
enum class ModelReason {
    Applies,            ///< a model applies and the queue is stable
    ClosedLoop,         ///< closed-loop callers: the arrival rate depends on the pool
    NotPoisson,         ///< open loop, but arrivals are evenly spaced, not Poisson
    Limiter,            ///< a rate limiter caps throughput
    GpuSlots,           ///< shared slots cap concurrency below the pool size
    Timeouts,           ///< callers leave the queue (abandonment is not modelled)
    Failures,           ///< jobs fail: the model has no failed calls
    LiveChanges,        ///< a setting changed inside the window: no steady state
    UnknownServiceTime, ///< the workload's service time is not known in advance
    InvalidInput,       ///< no servers, no arrivals or no service time
    Unstable,           ///< utilisation >= 1: the queue grows without bound
};

/// A model's prediction, named for the "model" block of the summary JSON. Times in ms, rates per
/// second. When no model applies or the queue is unstable, everything but servers, arrivalPerSec,
/// serviceMeanMs and utilisation is empty. M/M/c's numbers are exact; for M/G/c the means are
/// Allen-Cunneen's and the quantiles estimates (Erlang C's wait shape scaled to that mean, plus
/// the real service time: AllenCunneen::queueWaitQuantileMs(), MgcLatency).
struct ModelPrediction {
    ModelKind kind = ModelKind::None;
    ModelReason reason = ModelReason::InvalidInput;
    int servers = 0;
    double arrivalPerSec = 0;
    double serviceMeanMs = 0;
    double utilisation = 0; ///< rho = lambda E[S] / c; >= 1 with reason Unstable
    std::optional<double> waitProbability;
    std::optional<double> queueWaitMeanMs;
    std::optional<double> queueWaitP95Ms;
    std::optional<double> latencyMeanMs;
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
    std::optional<double> latencyP99Ms;

    /// "M/M/c", "M/G/c (Allen-Cunneen)" or "none": the JSON's "name" (notation, not translated).
    QString name() const { return modelName(kind); }
    static QString modelName(ModelKind kind);
    /// The JSON's "reason": "applies", "closedLoop", "notPoisson", ... (the enum's names).
    static QString reasonName(ModelReason reason);
};

/// Picks the model for a run and evaluates it. Pure functions; any thread; never block.
class QueueingModel {
public:
    /// The first reason, in the enum's order, that rules every model out; otherwise M/M/c for
    /// exponential service and M/G/c (Allen-Cunneen) for the other shapes, with
    /// reason Unstable when utilisation >= 1.
    static ModelPrediction predict(const ModelConditions& conditions);
    /// Only the applicability check of predict(): the reason, before any rate is looked at
    /// beyond validity (never Unstable).
    static ModelReason applicability(const ModelConditions& conditions);
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::ModelPrediction)
