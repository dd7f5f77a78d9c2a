#pragma once

#include "pool/outcome.h"

#include <QMetaType>

namespace shoal {

/// The load generator's own count of its calls and their outcomes: the bookkeeping that keeps
/// the accounting identity exact (see docs/lab.md). The pool's counts have the same shape.
using CallCounters = OutcomeCounts;

} // namespace shoal

Q_DECLARE_METATYPE(shoal::CallCounters)
