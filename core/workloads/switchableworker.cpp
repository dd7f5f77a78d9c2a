#include "switchableworker.h"

#include "workload.h"

#include <stdexcept>

namespace shoal {

SwitchableWorker::SwitchableWorker(std::shared_ptr<const CurrentWorkload> current)
    : m_current(std::move(current))
{
    replaceInner(*m_current->get());
}

SwitchableWorker::~SwitchableWorker() = default;

void SwitchableWorker::replaceInner(std::shared_ptr<Workload> workload)
{
    retireInner();
    std::unique_ptr<Worker> inner = workload->makeWorker();
    if (!inner)
        throw std::invalid_argument("workload made no worker");
    delegate(*this, *inner);
    m_innerWorkload = std::move(workload);
    std::lock_guard lock(m_mutex);
    m_inner = std::move(inner);
}

void SwitchableWorker::retireInner()
{
    // Declared in this order so the worker goes before its workload, also when terminate()
    // throws.
    const std::shared_ptr<Workload> workload = std::move(m_innerWorkload);
    std::unique_ptr<Worker> inner;
    {
        std::lock_guard lock(m_mutex);
        inner = std::move(m_inner);
    }
    if (inner)
        inner->terminate();
}

void SwitchableWorker::setInnerServing(bool serving)
{
    std::lock_guard lock(m_mutex);
    m_innerServing = serving;
}

void SwitchableWorker::blockUntilReady()
{
    if (!m_inner)
        replaceInner(*m_current->get());
    m_inner->blockUntilReady();
}

std::any SwitchableWorker::process(std::any payload)
{
    auto* job = std::any_cast<SwitchableJob>(&payload);
    if (!job || !job->workload)
        throw std::invalid_argument("not a SwitchableJob");
    if (!m_inner || job->workload != m_innerWorkload) {
        replaceInner(job->workload);
        // The new worker has not been readied for this job; its limits apply to it as well.
        m_inner->blockUntilReady();
    }
    setInnerServing(true);
    std::any result;
    try {
        result = m_inner->process(std::move(job->payload));
    } catch (...) {
        setInnerServing(false);
        throw;
    }
    // Before the pool can start the next job: an interrupt() for that one must not reach this
    // inner worker, which the next process() may replace.
    setInnerServing(false);
    return result;
}

void SwitchableWorker::interrupt()
{
    Worker* inner = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_innerServing)
            inner = m_inner.get();
    }
    // Outside the lock, as it is the inner worker's code. The inner worker changes only in
    // blockUntilReady(), terminate() and at the top of process(), before m_innerServing is set,
    // and the pool runs none of them again before interrupt() has returned.
    if (inner)
        inner->interrupt();
}

void SwitchableWorker::terminate()
{
    retireInner();
}

} // namespace shoal
