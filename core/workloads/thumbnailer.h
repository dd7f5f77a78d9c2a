#pragma once

#include "imageerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSize>
#include <QString>

#include <functional>

namespace shoal {

/// What thumbnail to make.
struct ThumbnailSpec {
    int targetSize = 256;      ///< the square box the thumbnail fits in, in pixels
    QByteArray format = "png"; ///< "png" or "jpeg"
    /// QImageWriter quality, -1 = the writer's default. JPEG: the usual 0..100. PNG: Qt maps it
    /// to the zlib level, (100 - quality) * 9 / 91: 80 is level 1 (fast, a little larger), -1
    /// is libpng's level 6 (about three times slower on photos for ~15% smaller files).
    int quality = 80;
    qint64 maxPixels = 50'000'000; ///< larger sources are refused before decoding
};

/// What one image job produced.
struct ThumbnailResult {
    qint64 index = -1;                 ///< the corpus entry, or -1 for a raw payload
    QSize sourceSize;                  ///< as stored in the file; invalid if unreadable
    QSize size;                        ///< the thumbnail's; invalid on error
    qint64 encodedBytes = 0;           ///< size of the encoded thumbnail
    QString savedPath;                 ///< where it was saved, if an output folder is set
    ImageErrc error = ImageErrc::None; ///< None when the thumbnail was made
    QString reason;                    ///< for an error: what went wrong, in English

    bool ok() const { return error == ImageErrc::None; }
    bool interrupted() const { return error == ImageErrc::Interrupted; }
};

/// Decode (JPEG, PNG) -> aspect-preserving smooth downscale into a square box -> encode (PNG or
/// JPEG), into a buffer this object keeps and reuses. Bad input gives an error result, never a
/// crash: the pixel count is checked against maxPixels from the header before anything is
/// decoded, and Qt's image allocation limit is set process-wide on first construction (see
/// AllocationLimitMiB).
///
/// For JPEG the decoder is asked for the final size, so libjpeg scales in the DCT domain (by
/// M/8, to the smallest size not below the box) and Qt finishes with a smooth scale; PNG is
/// decoded whole and smooth-scaled. Sources smaller than the box are not enlarged.
///
/// One instance per thread (one per worker); not thread-safe.
class Thumbnailer {
public:
    /// Returns true when the caller has given up; checked between stages.
    using InterruptCheck = std::function<bool()>;

    /// QImageReader's process-wide allocation limit, set once: 100 Mpx (the largest maxPixels)
    /// of 32-bit pixels, rounded up.
    static constexpr int AllocationLimitMiB = 512;
    /// The most scans a JPEG may have. Every scan of a progressive JPEG costs the decoder a pass
    /// over all of the image's blocks, so the pixel cap alone does not bound the work: a small
    /// file of empty scans can keep a worker busy for minutes. Encoders write up to about a
    /// dozen (libjpeg's progressive mode: 10); a baseline JPEG has one per component at most.
    static constexpr int MaxJpegScans = 100;

    Thumbnailer();

    /// Makes a thumbnail of \a input. Blocks for the decode; the result's index is -1.
    ThumbnailResult make(QByteArrayView input, const ThumbnailSpec& spec,
                         const InterruptCheck& interrupted = {});
    /// The encoded thumbnail of the last successful make(); overwritten by the next.
    const QByteArray& encoded() const { return m_encoded; }

    /// \a source fitted into a \a box x \a box square, keeping its aspect ratio (rounded to
    /// whole pixels, at least 1x1); unchanged when it already fits.
    static QSize fitted(QSize source, int box);

private:
    QByteArray m_encoded; ///< the output buffer; its capacity is kept between jobs
};

} // namespace shoal
