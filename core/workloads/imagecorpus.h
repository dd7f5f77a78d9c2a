#pragma once

#include "workload.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace shoal {

/// The images an image workload cycles through: every JPEG and PNG file under a folder, found
/// by content (not by extension), in path order. Files are preloaded into memory up to a
/// budget, so that jobs measure decoding rather than the disk; the rest are read per job.
/// Immutable once made; shared read-only by every worker (any thread).
class ImageCorpus {
public:
    /// One image file.
    struct Entry {
        QString path; ///< absolute
        QString name; ///< relative to the corpus folder
        qint64 fileSize = 0;
        QByteArray bytes; ///< the file's bytes when preloaded, else empty
    };

    /// Files larger than this are skipped by scan().
    static constexpr qint64 MaxFileBytes = qint64(512) << 20;
    /// Default preload budget for all files together.
    static constexpr qint64 DefaultPreloadBytes = qint64(1) << 30;

    /// Scans \a folder recursively, following symbolic links but never into a folder already
    /// visited (so link loops end), skipping everything that is not a readable regular JPEG
    /// or PNG file (other formats, text, FIFOs, broken links, unreadable or oversized files).
    /// Null with \a error = Unusable naming \a param and, in detail, the folder, when the
    /// folder cannot be read or holds no image. Blocks on the disk; any thread.
    static std::shared_ptr<const ImageCorpus> scan(const QString& folder, const QString& param,
                                                   ParamError& error,
                                                   qint64 preloadBudget = DefaultPreloadBytes);

    const QString& folder() const { return m_folder; }
    qsizetype size() const { return static_cast<qsizetype>(m_entries.size()); }
    const Entry& at(qsizetype i) const { return m_entries[static_cast<std::size_t>(i)]; }
    /// Bytes held in memory.
    qint64 preloadedBytes() const { return m_preloaded; }

private:
    QString m_folder;             ///< canonical path
    std::vector<Entry> m_entries; ///< sorted by name
    qint64 m_preloaded = 0;       ///< sum of the preloaded entries' sizes
};

} // namespace shoal
