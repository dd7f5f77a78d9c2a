#include "switchableworkload.h"

#include <stdexcept>

namespace shoal {

SwitchableWorkload::SwitchableWorkload(std::shared_ptr<Workload> initial)
{
    if (!initial)
        throw std::invalid_argument("SwitchableWorkload needs a workload");
    m_current = std::make_shared<CurrentWorkload>(std::move(initial));
}

SwitchableWorkload::~SwitchableWorkload() = default;

std::shared_ptr<Workload> SwitchableWorkload::current() const
{
    return *m_current->get();
}

void SwitchableWorkload::setCurrent(std::shared_ptr<Workload> workload)
{
    if (!workload)
        throw std::invalid_argument("SwitchableWorkload needs a workload");
    m_current->set(std::move(workload));
}

QString SwitchableWorkload::kind() const
{
    return current()->kind();
}

std::unique_ptr<Worker> SwitchableWorkload::makeWorker()
{
    return std::make_unique<SwitchableWorker>(m_current);
}

std::any SwitchableWorkload::makePayload(quint64 sequence)
{
    std::shared_ptr<Workload> workload = current();
    std::any payload = workload->makePayload(sequence);
    return SwitchableJob{std::move(workload), std::move(payload)};
}

ParamError SwitchableWorkload::setParam(const QString& key, const QVariant& value)
{
    return current()->setParam(key, value);
}

QVariantMap SwitchableWorkload::params() const
{
    return current()->params();
}

} // namespace shoal
