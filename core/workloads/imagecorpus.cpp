#include "imagecorpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSet>

#include <algorithm>

namespace shoal {
namespace {

constexpr int kMaxDepth = 64; // a last guard against pathological trees

bool isJpegOrPng(QFile& file)
{
    QImageReader reader(&file);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    return format == "jpeg" || format == "png";
}

void walk(const QString& dir, const QDir& root, int depth, QSet<QString>& visited,
          std::vector<ImageCorpus::Entry>& out)
{
    if (depth > kMaxDepth)
        return;
    const QFileInfoList infos = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo& info : infos) {
        if (info.isDir()) {
            const QString canonical = info.canonicalFilePath();
            if (canonical.isEmpty() || visited.contains(canonical))
                continue; // a link back into the tree, or one that vanished
            visited.insert(canonical);
            walk(info.absoluteFilePath(), root, depth + 1, visited, out);
            continue;
        }
        // Regular files only (after following links): FIFOs and devices would block or never end.
        if (!info.isFile() || !info.isReadable() || info.size() <= 0 ||
            info.size() > ImageCorpus::MaxFileBytes)
            continue;
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly) || !isJpegOrPng(file))
            continue;
        out.push_back({info.absoluteFilePath(),
                       root.relativeFilePath(info.absoluteFilePath()),
                       info.size(),
                       {}});
    }
}

} // namespace

std::shared_ptr<const ImageCorpus> ImageCorpus::scan(const QString& folder, const QString& param,
                                                     ParamError& error, qint64 preloadBudget)
{
    error = {};
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        error = ParamError::unusable(param, folder);
        return nullptr;
    }
    auto corpus = std::make_shared<ImageCorpus>();
    corpus->m_folder = info.canonicalFilePath();
    QSet<QString> visited{corpus->m_folder};
    walk(corpus->m_folder, QDir(corpus->m_folder), 0, visited, corpus->m_entries);
    if (corpus->m_entries.empty()) {
        error = ParamError::unusable(param, folder);
        return nullptr;
    }
    std::sort(corpus->m_entries.begin(), corpus->m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });

    for (Entry& entry : corpus->m_entries) {
        if (corpus->m_preloaded + entry.fileSize > preloadBudget)
            continue;
        QFile file(entry.path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // read per job instead, where the failure is reported
        entry.bytes = file.readAll();
        if (entry.bytes.size() != entry.fileSize)
            entry.bytes.clear();
        else
            corpus->m_preloaded += entry.fileSize;
    }
    return corpus;
}

} // namespace shoal
