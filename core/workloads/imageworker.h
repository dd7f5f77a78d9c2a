#pragma once

#include "imagecorpus.h"
#include "limitedworker.h"
#include "liveparams.h"
#include "thumbnailer.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace shoal {

/// An image payload: the corpus entry to thumbnail (taken modulo the corpus size).
struct ImageJob {
    qint64 index = 0; ///< >= 0
};

/// What every image worker of one workload reads at the start of each job.
struct ImageSettings {
    ThumbnailSpec spec;                        ///< what to make
    QString outputFolder;                      ///< where to save thumbnails; empty = nowhere
    std::shared_ptr<const ImageCorpus> corpus; ///< the inputs; never null
};

/// Makes one thumbnail per job with its own Thumbnailer (and so its own output buffer) and,
/// for corpus files that were not preloaded, its own read buffer. Payload: ImageJob, or a
/// QByteArray holding an image file's bytes. Returns a ThumbnailResult; an abandoned job stops
/// between stages and returns one marked interrupted. Bad input fails the call: process()
/// throws ImageError, which the pool reports as WorkerThrew with "<code>: <reason>".
class ImageWorker final : public LimitedWorker {
public:
    /// Runs on the thread that creates or grows the pool.
    ImageWorker(std::shared_ptr<const LiveParams<ImageSettings>> settings,
                std::shared_ptr<RateLimiter> limiter);
    ~ImageWorker() override;

    /// Worker's thread.
    std::any process(std::any payload) override;

private:
    /// The bytes of \a entry: preloaded, or read into m_readBuffer. Throws ImageError.
    QByteArrayView bytesOf(const ImageCorpus::Entry& entry);
    /// Saves the encoded thumbnail; returns the path. Throws ImageError.
    QString save(const QString& folder, const QString& name, const QByteArray& format);

    std::shared_ptr<const LiveParams<ImageSettings>> m_settings; ///< shared with the workload
    Thumbnailer m_thumbnailer; ///< decoder, scaler, encoder and output buffer
    QByteArray m_readBuffer;   ///< file bytes of entries that were not preloaded
};

} // namespace shoal
