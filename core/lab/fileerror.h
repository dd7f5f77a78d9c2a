#pragma once

#include <QMetaType>
#include <QString>

namespace shoal {

/// Why a file could not be read or written. Core speaks in codes; ui/app make the sentence.
/// A failed write never damages a file that was there before (writes go through QSaveFile).
struct FileError {
    enum class Code {
        None,         ///< no error
        IsDirectory,  ///< the path names a folder
        CannotOpen,   ///< the folder is missing, not writable, or the file cannot be read
        WriteFailed,  ///< writing the data failed (disk full, I/O error)
        CommitFailed, ///< the finished file could not replace the old one
    };
    Code code = Code::None;
    QString path;   ///< the file at fault
    QString detail; ///< what the system said, for logs and the sentence

    explicit operator bool() const { return code != Code::None; }
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::FileError)
