#pragma once

#include "fileerror.h"
#include "metricsrow.h"
#include "runevent.h"
#include "runsummary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace shoal {

/// A run as files: the time series and the event log as CSV (RFC 4180: comma-separated, CRLF line
/// ends, fields with a comma, quote or line break quoted with doubled quotes; numbers always with
/// '.' whatever the locale), the summary as JSON. Files are written through QSaveFile, so a failed
/// write leaves any previous file intact. Stateless; any thread; writing blocks on the disk.
class RunExport {
public:
    /// t_s, pool_size, waiting, in_flight, ... limiter_tokens, then offered_per_s,
    /// abandoned_workers and the queueing columns (latency_mean_ms, in_system_mean, utilisation,
    /// predicted_latency_p95_ms, predicted_queue_wait_p95_ms): the sample CSV's header.
    static QStringList sampleColumns();
    /// t_s, what, old, new: the event CSV's header.
    static QStringList eventColumns();

    /// \a field quoted for CSV if it needs to be.
    static QString csvField(const QString& field);
    /// One CSV record (without the line end).
    static QString csvRecord(const QStringList& fields);
    /// The fields of one sample row, in sampleColumns() order; NaN percentiles are empty.
    static QStringList sampleFields(const MetricsRow& row);

    /// The header and one record per row, as UTF-8.
    static QByteArray samplesCsv(const QList<MetricsRow>& rows);
    /// The header and one record per event, as UTF-8.
    static QByteArray eventsCsv(const QList<RunEvent>& events);
    /// RunSummary::toJson(), indented.
    static QByteArray summaryJson(const RunSummary& summary);

    /// Replaces the file at \a path with \a data, atomically.
    static FileError writeFile(const QString& path, const QByteArray& data);
    /// Whether a file could be written at \a path now (the folder exists and is writable, the
    /// path is no folder), without touching an existing file. For checking before a long run.
    static FileError checkWritable(const QString& path);
};

} // namespace shoal
