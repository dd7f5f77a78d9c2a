#include "worker.h"

#include <QtGlobal>

namespace shoal {

Worker::~Worker() = default;

void Worker::delegate(const Worker& outer, Worker& inner) noexcept
{
    for (const Worker* worker = &outer; worker; worker = worker->m_outer)
        Q_ASSERT(worker != &inner); // a cycle would never end outermost()
    inner.m_outer = &outer;
}

} // namespace shoal
