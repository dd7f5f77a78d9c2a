#pragma once

#include "pool/worker.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <any>
#include <memory>
#include <vector>

namespace shoal {

class ParamSchema;
class RateLimiter;
class Workload;

/// Why a workload parameter was refused. Core speaks in codes; ui/app turn them into sentences.
struct ParamError {
    enum class Code {
        None,        ///< no error
        UnknownKind, ///< \c param names the unknown workload kind; \c allowed lists the kinds
        UnknownKey,  ///< \c param is not a parameter of this kind
        WrongType,   ///< \c param has the wrong type; \c expected says which
        OutOfRange,  ///< \c param is outside [minimum, maximum] or not one of \c allowed
        Unusable,    ///< \c param names something that cannot be used (e.g. an unreadable folder)
    };
    Code code = Code::None;
    QString param;       ///< the parameter (or kind) at fault
    QString expected;    ///< for WrongType: "integer", "number", "string", "bool"
    QVariant minimum;    ///< for OutOfRange on numbers
    QVariant maximum;    ///< for OutOfRange on numbers
    QStringList allowed; ///< for OutOfRange on choices
    QString detail;      ///< for Unusable: what the system said (a path, an errno text)

    explicit operator bool() const { return code != Code::None; }

    /// An Unusable error for \a param, with what the system said in \a detail.
    static ParamError unusable(const QString& param, const QString& detail);
};

/// What the load generator needs to drive one kind of work through a Pool: a worker factory, a
/// payload per call, and live parameter changes. The pool knows nothing of workloads; a workload
/// knows its workers. Workers of one workload share its parameters (read atomically per job)
/// and, when set, one RateLimiter taken in blockUntilReady() with the worker's stop context.
class Workload {
public:
    virtual ~Workload();

    /// "command", "hash", "image" or "synthetic".
    virtual QString kind() const = 0;
    /// Makes one worker; the pool calls this on the thread that creates or grows it.
    virtual std::unique_ptr<Worker> makeWorker() = 0;
    /// The payload for the \a sequence-th call. Any thread; cheap (the work happens in process()).
    virtual std::any makePayload(quint64 sequence) = 0;
    /// Changes one parameter live: takes effect for the next job each worker starts. Any thread.
    virtual ParamError setParam(const QString& key, const QVariant& value) = 0;
    /// The current parameters, as the preset JSON spells them.
    virtual QVariantMap params() const = 0;
};

/// One kind of work the lab can drive: the only list of kinds is workloadRegistry().
struct WorkloadKind {
    const char* kind;               ///< as presets spell it: "synthetic"
    const char* label;              ///< untranslated menu text (context "ControlPanel")
    const ParamSchema& (*schema)(); ///< the parameters it accepts
    /// Builds one; null with \a error set when \a params are refused. Any thread; may block.
    std::unique_ptr<Workload> (*create)(const QVariantMap& params,
                                        std::shared_ptr<RateLimiter> limiter, ParamError& error);
    /// Refuses \a params (already checked by the schema) for what the schema cannot see, such
    /// as a program that cannot be started, without building anything; null when the schema
    /// says all. Any thread; cheap (a preset is checked with it when it loads).
    ParamError (*check)(const QVariantMap& params);
};

/// Every workload kind, in the order a menu lists them. Immutable; any thread.
const std::vector<WorkloadKind>& workloadRegistry();
/// The registry entry of \a kind, or null for an unknown kind.
const WorkloadKind* findWorkloadKind(const QString& kind);
/// The parameters of \a kind, or null for an unknown kind.
const ParamSchema* workloadSchema(const QString& kind);

/// The kinds makeWorkload() knows, in alphabetical order: "command", "hash", "image", ...
QStringList workloadKinds();

/// Builds a workload of \a kind (one of workloadKinds()) from \a params (missing keys take
/// defaults; unknown keys and out-of-range values are refused with \a error set and null
/// returned). \a limiter, when not null, is waited on by every worker before each job.
/// Any thread; "image" blocks while its corpus is loaded (or generated, the first time).
std::unique_ptr<Workload> makeWorkload(const QString& kind, const QVariantMap& params,
                                       std::shared_ptr<RateLimiter> limiter, ParamError& error);

} // namespace shoal
