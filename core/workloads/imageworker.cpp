#include "imageworker.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <stdexcept>

namespace shoal {

ImageWorker::ImageWorker(std::shared_ptr<const LiveParams<ImageSettings>> settings,
                         std::shared_ptr<RateLimiter> limiter)
    : LimitedWorker(std::move(limiter))
    , m_settings(std::move(settings))
{}

ImageWorker::~ImageWorker() = default;

QByteArrayView ImageWorker::bytesOf(const ImageCorpus::Entry& entry)
{
    if (!entry.bytes.isEmpty())
        return entry.bytes;
    QFile file(entry.path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImageError(ImageErrc::ReadFailed,
                         entry.path + QStringLiteral(": ") + file.errorString());
    const qint64 size = file.size();
    if (size > ImageCorpus::MaxFileBytes)
        throw ImageError(ImageErrc::TooLarge, entry.path + QStringLiteral(": file too large"));
    m_readBuffer.resize(size); // keeps the capacity of earlier, larger files
    const qint64 read = file.read(m_readBuffer.data(), size);
    if (read != size)
        throw ImageError(ImageErrc::ReadFailed,
                         entry.path + QStringLiteral(": ") + file.errorString());
    return m_readBuffer;
}

QString ImageWorker::save(const QString& folder, const QString& name, const QByteArray& format)
{
    const QString path = folder + QLatin1Char('/') + name +
                         (format == "png" ? QStringLiteral(".png") : QStringLiteral(".jpg"));
    QSaveFile file(path);
    const QByteArray& bytes = m_thumbnailer.encoded();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw ImageError(ImageErrc::WriteFailed, path + QStringLiteral(": ") + file.errorString());
    return path;
}

std::any ImageWorker::process(std::any payload)
{
    const auto settings = m_settings->get();
    const auto interrupted = [this] { return isInterrupted(); };

    QByteArrayView input;
    QString name;
    qint64 index = -1;
    if (const auto* job = std::any_cast<ImageJob>(&payload)) {
        if (job->index < 0)
            throw std::invalid_argument("image worker: negative corpus index");
        const ImageCorpus& corpus = *settings->corpus;
        index = job->index % corpus.size();
        const auto& entry = corpus.at(index);
        input = bytesOf(entry);
        name = QStringLiteral("%1-%2")
                   .arg(index, 5, 10, QLatin1Char('0'))
                   .arg(QFileInfo(entry.name).completeBaseName());
    } else if (const auto* bytes = std::any_cast<QByteArray>(&payload)) {
        input = *bytes;
        name = QStringLiteral("payload");
    } else {
        throw std::invalid_argument("image worker: payload must be an ImageJob or a QByteArray");
    }

    ThumbnailResult result = m_thumbnailer.make(input, settings->spec, interrupted);
    result.index = index;
    if (result.interrupted())
        return result;
    if (!result.ok())
        throw ImageError(result.error, result.reason);
    if (!settings->outputFolder.isEmpty()) {
        if (isInterrupted()) {
            result.error = ImageErrc::Interrupted;
            result.reason = QStringLiteral("before saving");
            return result;
        }
        result.savedPath = save(settings->outputFolder, name, settings->spec.format);
    }
    return result;
}

} // namespace shoal
