#pragma once

#include "fileerror.h"

#include <QMetaType>
#include <QString>

namespace shoal {

/// The outcome of one of Session's export commands (Session::exportFinished).
struct ExportResult {
    /// Which export: exportSamplesCsv, exportEventsCsv, exportSummaryJson, savePreset or
    /// saveRun.
    enum class Kind { Samples, Events, Summary, Preset, Run, Report };
    Kind kind = Kind::Samples; ///< which export this was
    QString path;              ///< the file written, or not
    FileError error;           ///< empty on success; then the file is complete
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::ExportResult)
