#include "errandqueue.h"

namespace shoal {

void ErrandQueue::reportBack(std::function<void()> report)
{
    std::lock_guard lock(m_mutex);
    m_reports.push_back(std::move(report));
}

void ErrandQueue::deliver()
{
    std::vector<std::function<void()>> reports;
    {
        std::lock_guard lock(m_mutex);
        reports.swap(m_reports);
    }
    for (auto& report : reports)
        report();
}

} // namespace shoal
