#pragma once

#include "commandworker.h"
#include "paramschema.h"
#include "workload.h"

#include <mutex>

namespace shoal {

/// A person's own program as a workload (see docs/workloads.md, "command"). Parameters:
/// program (a path, or a name looked up on PATH), args (a list of strings), mode (coprocess |
/// exec), input (the line sent; {n} is the call's sequence number), interrupt (signal |
/// ignore). Workers return CommandResult; failures are WorkerThrew with the child's status and
/// last stderr line.
class CommandWorkload final : public Workload {
public:
    /// The parameters this kind accepts.
    static const ParamSchema& schema();
    /// What can be refused without building: a program that cannot be run (checkProgram() of
    /// \a params' program, the default when absent). For checking a preset when it loads; any
    /// thread; does not start anything.
    static ParamError check(const QVariantMap& params);
    /// Null with \a error set when \a params are refused, a program that cannot be run
    /// included (checkProgram()). Any thread.
    static std::unique_ptr<CommandWorkload>
    create(const QVariantMap& params, std::shared_ptr<RateLimiter> limiter, ParamError& error);

    /// Whether \a program can be run: a name is looked up on PATH, a path must be an
    /// executable file. On success \a resolved (when not null) gets the absolute path; on
    /// failure an Unusable error for "program" whose detail names the path and what is wrong
    /// ("not found on PATH", "no such file", "is a directory", "not executable"). Any thread;
    /// for checking a preset when it loads.
    static ParamError checkProgram(const QString& program, QString* resolved = nullptr);

    QString kind() const override { return QStringLiteral("command"); }
    /// Coprocess mode starts the worker's child here: throws std::runtime_error when it cannot.
    std::unique_ptr<Worker> makeWorker() override;
    std::any makePayload(quint64 sequence) override;
    ParamError setParam(const QString& key, const QVariant& value) override;
    QVariantMap params() const override;

    /// Children started so far over all workers, restarts included. Any thread.
    qint64 childrenStarted() const
    {
        return m_shared->childrenStarted.load(std::memory_order_relaxed);
    }

private:
    /// \a values checked and normalized; \a program resolved.
    static ParamError settingsFrom(const QVariantMap& values, CommandSettings* settings);
    CommandWorkload(const QVariantMap& values, CommandSettings settings,
                    std::shared_ptr<RateLimiter> limiter);

    std::shared_ptr<RateLimiter> m_limiter;  ///< may be null
    mutable std::mutex m_valuesMutex;        ///< guards m_values; serialises setParam
    QVariantMap m_values;                    ///< every parameter, normalized (args a QStringList)
    std::shared_ptr<CommandShared> m_shared; ///< shared with the workers
};

} // namespace shoal
