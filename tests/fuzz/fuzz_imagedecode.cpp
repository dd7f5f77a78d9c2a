// Fuzzes the image worker's decode path: the bytes go through Thumbnailer::make, the decode ->
// scale -> encode that ImageWorker runs for every job. Any input gives a thumbnail that fits
// its box or an error result with a reason; never a crash, a hang or unbounded memory. The
// pixel cap (ThumbnailSpec::maxPixels) bounds the work as it does in a run, here at a size
// that keeps one input well under the fuzzer's time limit.
//
// Qt's image plugins, libpng and libjpeg are not instrumented, so the fuzzer sees little
// coverage beyond Thumbnailer itself and cannot learn its way past a checksum: a mutated PNG
// would almost always stop at libpng's chunk CRC check. The custom mutator below therefore
// recomputes every PNG chunk's CRC after mutating, so that mutations reach the decoder.

#include "workloads/thumbnailer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QThreadPool>
#include <QtGlobal>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace shoal;

// libFuzzer's own mutator; absent (null) in the replay executables, which never mutate.
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size,
                                                              std::size_t maxSize);

namespace {

std::uint32_t crc32(const std::uint8_t* data, std::size_t size)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFU;
    for (std::size_t i = 0; i < size; ++i)
        c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

std::uint32_t bigEndian32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}

/// Rewrites the CRC of every complete chunk of a PNG; leaves anything else alone.
void fixPngCrcs(std::uint8_t* data, std::size_t size)
{
    static const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (size < sizeof signature || std::memcmp(data, signature, sizeof signature) != 0)
        return;
    std::size_t at = sizeof signature;
    while (size - at >= 12) {
        const std::size_t length = bigEndian32(data + at);
        if (length > size - at - 12)
            return;
        const std::uint32_t crc = crc32(data + at + 4, 4 + length);
        std::uint8_t* out = data + at + 8 + length;
        out[0] = std::uint8_t(crc >> 24);
        out[1] = std::uint8_t(crc >> 16);
        out[2] = std::uint8_t(crc >> 8);
        out[3] = std::uint8_t(crc);
        at += 12 + length;
    }
}

[[noreturn]] void fail(const char* what, const ThumbnailResult& result)
{
    std::fprintf(stderr, "%s: error %s (%s), size %dx%d\n", what,
                 qPrintable(imageErrcName(result.error)), qPrintable(result.reason),
                 result.size.width(), result.size.height());
    std::abort();
}

} // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t maxSize, unsigned int /*seed*/)
{
    size = LLVMFuzzerMutate(data, size, maxSize);
    fixPngCrcs(data, size);
    return size;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    // Qt's smooth scaling splits large images over the global thread pool; one input at a time
    // on one thread keeps runs reproducible (and TSan builds free of Qt's uninstrumented
    // hand-offs, as in the image tests).
    QThreadPool::globalInstance()->setMaxThreadCount(1);
    // Qt's image plugins log every defect they meet; at thousands of inputs a second that is
    // all the output would be. The result's error and reason say what matters.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Thumbnailer thumbnailer; // one per worker, reused across jobs as a worker does
    ThumbnailSpec spec;
    spec.targetSize = 64;
    spec.maxPixels = 4'000'000;
    // Both encoders, picked by the input's length so that a corpus file keeps its meaning.
    spec.format = size % 2 ? QByteArrayLiteral("jpeg") : QByteArrayLiteral("png");

    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ThumbnailResult result = thumbnailer.make(input, spec);
    if (!result.ok()) {
        if (result.error == ImageErrc::Interrupted || result.reason.isEmpty() ||
            result.size.isValid())
            fail("a bad error result", result);
        return 0;
    }
    const QSize box(spec.targetSize, spec.targetSize);
    if (result.size.isEmpty() || result.size.width() > box.width() ||
        result.size.height() > box.height())
        fail("the thumbnail does not fit the box", result);
    if (result.encodedBytes != thumbnailer.encoded().size() || result.encodedBytes == 0)
        fail("the encoded size is wrong", result);
    const QImage thumbnail = QImage::fromData(thumbnailer.encoded(), spec.format.constData());
    if (thumbnail.size() != result.size)
        fail("the encoded thumbnail does not decode to its size", result);
    return 0;
}
