#pragma once

#include "switchableworker.h"
#include "workload.h"

namespace shoal {

/// A workload whose kind can change while a pool runs it: setCurrent() replaces the workload
/// that makes new payloads and workers. Each payload is tagged with the workload that made it
/// (SwitchableJob) and each SwitchableWorker changes its inner worker when a job of another
/// workload reaches it, so calls made before a switch still run as the old kind, calls made
/// after it as the new kind, and none fails because of it. A replaced workload lives on while
/// payloads or workers refer to it. kind(), params() and setParam() are the current workload's.
class SwitchableWorkload final : public Workload {
public:
    /// Starts with \a initial; throws std::invalid_argument when it is null.
    explicit SwitchableWorkload(std::shared_ptr<Workload> initial);
    ~SwitchableWorkload() override;

    QString kind() const override;
    /// A SwitchableWorker, whose first inner worker comes from the current workload.
    std::unique_ptr<Worker> makeWorker() override;
    /// The current workload's payload, in a SwitchableJob. Any thread.
    std::any makePayload(quint64 sequence) override;
    ParamError setParam(const QString& key, const QVariant& value) override;
    QVariantMap params() const override;

    /// The workload new payloads and workers come from. Any thread.
    std::shared_ptr<Workload> current() const;
    /// Makes \a workload the one new payloads and workers come from; payloads made before keep
    /// theirs. Any thread; never waits for workers. Throws std::invalid_argument when it is null.
    void setCurrent(std::shared_ptr<Workload> workload);

private:
    std::shared_ptr<CurrentWorkload> m_current; ///< shared with the workers; never holds null
};

} // namespace shoal
