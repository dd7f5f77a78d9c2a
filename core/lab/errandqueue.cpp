#include "errandqueue.h"

#include <exception>

namespace shoal {

void ErrandQueue::request(std::function<std::function<void()>()> errand)
{
    post([this, errand = std::move(errand)] { reportBack(errand()); });
}

void ErrandQueue::attempt(std::function<void()> errand, std::function<void(const QString&)> failed)
{
    post([this, errand = std::move(errand), failed = std::move(failed)] {
        try {
            errand();
        } catch (const std::exception& e) {
            reportBack([failed, detail = QString::fromLocal8Bit(e.what())] { failed(detail); });
        }
    });
}

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
