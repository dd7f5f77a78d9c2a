#include "thumbnailer.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

#include <cmath>
#include <cstring>
#include <mutex>

namespace shoal {
namespace {

ThumbnailResult failed(ThumbnailResult result, ImageErrc code, const QString& reason)
{
    result.error = code;
    result.reason = reason;
    result.size = QSize();
    return result;
}

QString describe(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

// libjpeg silently substitutes an end-of-image marker when the data runs out, and Qt then
// returns a half-grey picture as if nothing were wrong. A complete stream ends in EOI (FF D9)
// right where the decoder stopped reading; trailing data after it (as in motion photos) is fine.
bool endsWithEoi(QByteArrayView data, qint64 stoppedAt)
{
    return stoppedAt >= 2 && stoppedAt <= data.size() &&
           static_cast<unsigned char>(data[stoppedAt - 2]) == 0xFF &&
           static_cast<unsigned char>(data[stoppedAt - 1]) == 0xD9;
}

// Counts the scans (SOS markers) of a JPEG stream, stopping once there are more than \a limit.
// Walks the markers as a decoder does: segments are skipped by their length; inside
// entropy-coded data a 0xFF byte is followed by a stuffed 0x00 or a restart marker, so the next
// other marker ends the scan. Linear in the bytes and allocation-free.
int countJpegScans(QByteArrayView data, int limit)
{
    const auto byte = [&data](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    const qsizetype size = data.size();
    int scans = 0;
    qsizetype at = 2; // after SOI
    while (at + 1 < size) {
        const void* next = std::memchr(data.data() + at, 0xFF, size_t(size - at));
        if (!next)
            break;
        at = static_cast<const char*>(next) - data.data();
        if (at + 1 >= size)
            break;
        const unsigned char marker = byte(at + 1);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            at += 2; // stuffed byte, TEM, restart, SOI: no length
            continue;
        }
        if (marker == 0xD9) // EOI
            break;
        if (marker == 0xDA && ++scans > limit)
            break;
        if (at + 3 >= size)
            break;
        at += 2 + ((qsizetype(byte(at + 2)) << 8) | byte(at + 3));
    }
    return scans;
}

} // namespace

Thumbnailer::Thumbnailer()
{
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(AllocationLimitMiB); });
}

QSize Thumbnailer::fitted(QSize source, int box)
{
    if (source.isEmpty() || box <= 0)
        return source;
    if (source.width() <= box && source.height() <= box)
        return source;
    const double w = source.width();
    const double h = source.height();
    if (w >= h)
        return {box, std::max(1, static_cast<int>(std::lround(h * box / w)))};
    return {std::max(1, static_cast<int>(std::lround(w * box / h))), box};
}

ThumbnailResult Thumbnailer::make(QByteArrayView input, const ThumbnailSpec& spec,
                                  const InterruptCheck& interrupted)
{
    ThumbnailResult result;
    const auto stop = [&interrupted] { return interrupted && interrupted(); };
    if (input.isEmpty())
        return failed(result, ImageErrc::Empty, QStringLiteral("zero-byte input"));

    // A raw-data array over the caller's bytes: no copy, and QBuffer lets the JPEG decoder read
    // the memory directly.
    QByteArray raw = QByteArray::fromRawData(input.data(), input.size());
    QBuffer in(&raw);
    in.open(QIODevice::ReadOnly);
    QImageReader reader(&in);
    reader.setAutoTransform(true);

    // Stage 1: the header only.
    const QByteArray format = reader.format();
    if (format.isEmpty()) {
        if (reader.error() == QImageReader::UnsupportedFormatError)
            return failed(result, ImageErrc::NotAnImage, QStringLiteral("no image format matches"));
        return failed(result, ImageErrc::Corrupt, reader.errorString());
    }
    if (format != "jpeg" && format != "png")
        return failed(result, ImageErrc::UnsupportedFormat,
                      QStringLiteral("format %1").arg(QString::fromLatin1(format)));
    result.sourceSize = reader.size();
    if (!result.sourceSize.isValid() || result.sourceSize.isEmpty())
        return failed(result, ImageErrc::Corrupt,
                      QStringLiteral("unreadable header: %1").arg(reader.errorString()));
    const qint64 pixels = qint64(result.sourceSize.width()) * result.sourceSize.height();
    if (pixels > spec.maxPixels)
        return failed(result, ImageErrc::TooLarge,
                      QStringLiteral("%1 = %2 px, more than %3")
                          .arg(describe(result.sourceSize))
                          .arg(pixels)
                          .arg(spec.maxPixels));
    if (format == "jpeg") {
        const int scans = countJpegScans(input, MaxJpegScans);
        if (scans > MaxJpegScans)
            return failed(result, ImageErrc::TooLarge,
                          QStringLiteral("a JPEG with more than %1 scans").arg(MaxJpegScans));
    }
    if (stop())
        return failed(result, ImageErrc::Interrupted, QStringLiteral("before decoding"));

    // Stage 2: decode, for JPEG straight to the box (DCT-domain downscale + smooth finish).
    const QSize box = fitted(result.sourceSize, spec.targetSize);
    if (format == "jpeg" && box != result.sourceSize)
        reader.setScaledSize(box);
    QImage image;
    if (!reader.read(&image))
        return failed(result, ImageErrc::Corrupt, reader.errorString());
    if (format == "jpeg" && !endsWithEoi(input, in.pos()))
        return failed(result, ImageErrc::Truncated, QStringLiteral("no JPEG end-of-image marker"));
    if (stop())
        return failed(result, ImageErrc::Interrupted, QStringLiteral("after decoding"));

    // Stage 3: scale what the decoder could not (PNG; an EXIF rotation keeps the fit).
    const QSize target = fitted(image.size(), spec.targetSize);
    if (image.size() != target) {
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        if (stop())
            return failed(result, ImageErrc::Interrupted, QStringLiteral("after scaling"));
    }

    // Stage 4: encode into the reused buffer.
    QBuffer out(&m_encoded);
    out.open(QIODevice::WriteOnly | QIODevice::Truncate); // keeps the buffer's capacity
    QImageWriter writer(&out, spec.format);
    writer.setQuality(spec.quality);
    if (!writer.write(image))
        return failed(result, ImageErrc::EncodeFailed, writer.errorString());
    out.close();
    result.size = image.size();
    result.encodedBytes = m_encoded.size();
    return result;
}

} // namespace shoal
