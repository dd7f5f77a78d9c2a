// Fuzzes the image worker's decode path: the bytes go through Thumbnailer::make, the decode ->
// scale -> encode that ImageWorker runs for every job. Any input gives a thumbnail that fits
// its box or an error result with a reason; never a crash, a hang or unbounded memory. The
// pixel cap (ThumbnailSpec::maxPixels) bounds the work as it does in a run, here at a size
// that keeps one input well under the fuzzer's time limit.

#include "workloads/thumbnailer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QThreadPool>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace shoal;

namespace {

[[noreturn]] void fail(const char* what, const ThumbnailResult& result)
{
    std::fprintf(stderr, "%s: error %s (%s), size %dx%d\n", what,
                 qPrintable(imageErrcName(result.error)), qPrintable(result.reason),
                 result.size.width(), result.size.height());
    std::abort();
}

} // namespace

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
