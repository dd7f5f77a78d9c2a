#pragma once

#include "metricsrow.h"

#include <QList>

#include <deque>
#include <functional>
#include <vector>

namespace shoal {

/// A run's rows in bounded memory, however long it runs. The newest rowsPerTier rows are kept
/// as taken; older ones move down a tier, two rows merged into one (MetricsRow::merged) each
/// time, so every tier holds rows twice as coarse as the one above. When the last tier is full
/// it merges its own rows pairwise. The default, 6000 rows x 4 tiers at 100 ms, keeps the last
/// ten minutes at full resolution and two and a half hours before anything is coarser than
/// 800 ms, in at most 24,000 rows. One thread at a time.
class MetricsHistory {
public:
    /// Keeps at most \a rowsPerTier x \a tiers rows.
    explicit MetricsHistory(int rowsPerTier = 6000, int tiers = 4);

    /// Adds the newest row, moving older ones down the tiers as needed.
    void append(const MetricsRow& row);
    /// Forgets every row.
    void clear();
    /// Every row kept, oldest first.
    QList<MetricsRow> rows() const;
    /// Calls \a visit with every row kept, oldest first, without copying them (a display that
    /// redraws ten times a second).
    void forEachRow(const std::function<void(const MetricsRow&)>& visit) const;
    /// Calls \a visit with every row kept at or after \a fromSec, oldest first: the end of a
    /// long run without walking all of it.
    void forEachRowSince(double fromSec, const std::function<void(const MetricsRow&)>& visit) const;
    /// Rows kept now (at most rowsPerTier x tiers).
    qsizetype size() const;
    /// Rows ever appended since the last clear().
    qint64 appended() const { return m_appended; }
    /// The newest row, or a default row when empty.
    MetricsRow last() const;

private:
    const std::size_t m_rowsPerTier;             ///< capacity of each tier
    std::vector<std::deque<MetricsRow>> m_tiers; ///< [0] is the newest, finest tier
    qint64 m_appended = 0;                       ///< since clear()
};

} // namespace shoal
