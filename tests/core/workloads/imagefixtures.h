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

#include <algorithm>
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

/// A greyscale progressive JPEG of \a width x \a height with one DC scan and \a acScans
/// AC scans (the same band again and again, which libjpeg only warns about), every block empty:
/// a few bytes per scan, and each scan makes the decoder walk every block of the image. Small
/// file, valid header, and a decode time that grows with the scans.
inline QByteArray jpegScanBomb(quint16 width, quint16 height, int acScans)
{
    const auto segment = [](quint8 marker, const QByteArray& body) -> QByteArray {
        QByteArray s;
        s.append(char(0xFF));
        s.append(char(marker));
        s.append(char((body.size() + 2) >> 8));
        s.append(char((body.size() + 2) & 0xFF));
        return s + body;
    };
    // An entropy-coded bit stream, with 0xFF bytes stuffed as the format wants.
    struct Bits {
        QByteArray bytes;
        quint32 acc = 0;
        int count = 0;
        void put(quint32 value, int n)
        {
            for (int i = n - 1; i >= 0; --i) {
                acc = (acc << 1) | ((value >> i) & 1);
                if (++count == 8) {
                    bytes.append(char(acc));
                    if (acc == 0xFF)
                        bytes.append(char(0));
                    acc = 0;
                    count = 0;
                }
            }
        }
        QByteArray done()
        {
            if (count)
                put((1U << (8 - count)) - 1, 8 - count); // pad with ones
            return bytes;
        }
    };
    const qint64 blocks = qint64((width + 7) / 8) * ((height + 7) / 8);
    QByteArray jpeg("\xFF\xD8", 2);
    jpeg += segment(0xDB, QByteArray(1, char(0)) + QByteArray(64, char(1))); // flat quantizer
    QByteArray frame;
    frame.append(char(8));
    frame.append(char(height >> 8)).append(char(height & 0xFF));
    frame.append(char(width >> 8)).append(char(width & 0xFF));
    frame.append(QByteArray("\x01\x01\x11\x00", 4)); // one component, 1x1, quantizer 0
    jpeg += segment(0xC2, frame);                    // progressive
    // One code of length 1 per table: DC "difference 0", AC "EOB run of 2^14 + 14 bits".
    const QByteArray oneCode = QByteArray(1, char(1)) + QByteArray(15, char(0));
    jpeg += segment(0xC4, QByteArray(1, char(0x00)) + oneCode + QByteArray(1, char(0x00)));
    jpeg += segment(0xC4, QByteArray(1, char(0x10)) + oneCode + QByteArray(1, char(0xE0)));

    jpeg += segment(0xDA, QByteArray("\x01\x01\x00\x00\x00\x00", 6)); // DC, first pass
    Bits dc;
    for (qint64 i = 0; i < blocks; ++i)
        dc.put(0, 1);
    jpeg += dc.done();
    Bits ac;
    for (qint64 left = blocks; left > 0;) {
        const qint64 run = std::min<qint64>(left, 32767);
        ac.put(0, 1);
        ac.put(quint32(std::max<qint64>(run, 16384) - 16384), 14);
        left -= std::max<qint64>(run, 16384);
    }
    const QByteArray acData = ac.done();
    for (int i = 0; i < acScans; ++i) {
        jpeg += segment(0xDA, QByteArray("\x01\x01\x00\x01\x3F\x00", 6)); // AC 1..63
        jpeg += acData;
    }
    return jpeg + QByteArray("\xFF\xD9", 2);
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace shoal::test
