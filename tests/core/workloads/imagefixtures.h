#pragma once

// Real image files made on the spot for the image tests: encoded by Qt's own writers, or, for
// the decompression bomb, a PNG header written byte by byte.

#include "workloads/corpusgenerator.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QThreadPool>
#include <QtEndian>

#include <array>

namespace shoal::test {

/// Call first in every test that makes or decodes images. Qt's image code (not instrumented)
/// splits large fills and scales over QThreadPool::globalInstance(); TSan cannot see the hand-offs
/// between that pool's threads, so under TSan the pool keeps to one thread. The hand-off to that
/// thread is covered by tests/tsan.supp.
inline void prepareImageThreads()
{
#if defined(__SANITIZE_THREAD__)
    QThreadPool::globalInstance()->setMaxThreadCount(1);
#endif
}

/// A photo-like picture (the corpus painter) encoded as \a format ("jpeg", "png", "bmp").
inline QByteArray encodedImage(QSize size, const QByteArray& format, quint64 seed = 1)
{
    const QImage image = CorpusGenerator::render(size, seed);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.write(image))
        qFatal("cannot encode a test image");
    return bytes;
}

inline quint32 crc32(const QByteArray& data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFU;
    for (const char byte : data)
        c = table[(c ^ static_cast<quint8>(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

inline QByteArray pngChunk(const char type[4], const QByteArray& data)
{
    QByteArray chunk;
    quint32 length = qToBigEndian(static_cast<quint32>(data.size()));
    chunk.append(reinterpret_cast<const char*>(&length), 4);
    const QByteArray body = QByteArray(type, 4) + data;
    chunk.append(body);
    quint32 crc = qToBigEndian(crc32(body));
    chunk.append(reinterpret_cast<const char*>(&crc), 4);
    return chunk;
}

/// A valid PNG header claiming \a width x \a height RGB pixels, followed by a tiny IDAT: what
/// a decompression bomb looks like before anything is decoded.
inline QByteArray pngHeaderBomb(quint32 width, quint32 height)
{
    QByteArray ihdr;
    const quint32 w = qToBigEndian(width);
    const quint32 h = qToBigEndian(height);
    ihdr.append(reinterpret_cast<const char*>(&w), 4);
    ihdr.append(reinterpret_cast<const char*>(&h), 4);
    ihdr.append(char(8)); // bit depth
    ihdr.append(char(2)); // RGB
    ihdr.append(3, char(0));
    const QByteArray zlib = qCompress(QByteArray(1024, '\0')).mid(4); // strip Qt's length prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", QByteArray());
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace shoal::test
