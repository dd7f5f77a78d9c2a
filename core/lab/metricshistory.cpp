#include "metricshistory.h"

#include <algorithm>

namespace shoal {

MetricsHistory::MetricsHistory(int rowsPerTier, int tiers)
    : m_rowsPerTier(static_cast<std::size_t>(std::max(2, rowsPerTier)))
    , m_tiers(static_cast<std::size_t>(std::max(1, tiers)))
{}

void MetricsHistory::append(const MetricsRow& row)
{
    ++m_appended;
    m_tiers.front().push_back(row);
    for (std::size_t i = 0; i < m_tiers.size(); ++i) {
        auto& tier = m_tiers[i];
        if (tier.size() <= m_rowsPerTier)
            break;
        if (i + 1 < m_tiers.size()) {
            // The two oldest rows of this tier become one row of the next, where they are the
            // newest.
            const MetricsRow older = tier.front();
            tier.pop_front();
            const MetricsRow newer = tier.front();
            tier.pop_front();
            m_tiers[i + 1].push_back(MetricsRow::merged(older, newer));
        } else {
            std::deque<MetricsRow> coarser;
            for (std::size_t j = 0; j + 1 < tier.size(); j += 2)
                coarser.push_back(MetricsRow::merged(tier[j], tier[j + 1]));
            if (tier.size() % 2 == 1)
                coarser.push_back(tier.back());
            tier.swap(coarser);
        }
    }
}

void MetricsHistory::clear()
{
    for (auto& tier : m_tiers)
        tier.clear();
    m_appended = 0;
}

QList<MetricsRow> MetricsHistory::rows() const
{
    QList<MetricsRow> all;
    all.reserve(size());
    for (auto tier = m_tiers.rbegin(); tier != m_tiers.rend(); ++tier)
        all.append(QList<MetricsRow>(tier->begin(), tier->end()));
    return all;
}

void MetricsHistory::forEachRow(const std::function<void(const MetricsRow&)>& visit) const
{
    for (auto tier = m_tiers.rbegin(); tier != m_tiers.rend(); ++tier) {
        for (const MetricsRow& row : *tier)
            visit(row);
    }
}

void MetricsHistory::forEachRowSince(double fromSec,
                                     const std::function<void(const MetricsRow&)>& visit) const
{
    for (auto tier = m_tiers.rbegin(); tier != m_tiers.rend(); ++tier) {
        if (tier->empty() || tier->back().tSec < fromSec)
            continue;
        auto row = std::lower_bound(tier->begin(), tier->end(), fromSec,
                                    [](const MetricsRow& r, double t) { return r.tSec < t; });
        for (; row != tier->end(); ++row)
            visit(*row);
    }
}

qsizetype MetricsHistory::size() const
{
    std::size_t n = 0;
    for (const auto& tier : m_tiers)
        n += tier.size();
    return static_cast<qsizetype>(n);
}

MetricsRow MetricsHistory::last() const
{
    for (const auto& tier : m_tiers) {
        if (!tier.empty())
            return tier.back();
    }
    return {};
}

} // namespace shoal
