#pragma once

#include "metricsrow.h"

#include <QString>

#include <functional>
#include <vector>

namespace shoal {

/// One column of a run's time series: its name in the CSV header and the run file, and how a
/// row's field is read and written. The one list the CSV, the run file and their readers use.
struct SampleColumn {
    QString name;  ///< "t_s", "pool_size", ...
    bool integral; ///< a count or a size, written without decimals
    int decimals;  ///< in the CSV (the run file keeps every digit)
    std::function<double(const MetricsRow&)> get;
    std::function<void(MetricsRow&, double)> set;

    /// The field as CSV text: '.' as the decimal separator in every locale, empty for NaN.
    QString csvText(const MetricsRow& row) const;
};

/// The columns, in file order.
const std::vector<SampleColumn>& sampleColumnTable();

} // namespace shoal
