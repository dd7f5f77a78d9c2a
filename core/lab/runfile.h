#pragma once

#include "runfileerror.h"
#include "runrecord.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace shoal {

/// The `.shoalrun` file: {"format": "shoal-run", "version": 1, "scenario", "machine", "summary",
/// "sampleColumns", "samples", "events"}. Samples are arrays in sampleColumns order with every
/// digit kept (null where a value is NaN); the columns are the CSV's plus "interval_s". Written
/// atomically (QSaveFile). Reading is strict: anything that is not exactly such a file is refused
/// with the field at fault. Stateless; any thread; reading and writing block on the disk.
class RunFile {
public:
    static constexpr int Version = 1;
    static constexpr qint64 MaxBytes = qint64(1) << 30; ///< larger files are refused unread

    /// The file's text.
    static QByteArray serialize(const RunRecord& record);
    /// The record in \a data, or nothing with \a error saying why (its path is \a path).
    static std::optional<RunRecord> parse(const QByteArray& data, const QString& path,
                                          RunFileError* error);

    /// Replaces the file at \a path with \a record, atomically.
    static RunFileError write(const QString& path, const RunRecord& record);
    /// The record in the file at \a path, or nothing with \a error saying why.
    static std::optional<RunRecord> read(const QString& path, RunFileError* error);
};

} // namespace shoal
