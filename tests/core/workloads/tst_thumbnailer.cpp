#include "imagefixtures.h"
#include "workloads/thumbnailer.h"

#include <QImageReader>
#include <QtTest>

using namespace shoal;
using namespace shoal::test;

Q_DECLARE_METATYPE(shoal::ImageErrc)

namespace {

/// Mean absolute difference per channel between two same-sized images.
double meanDifference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            sum += qAbs(qRed(p[col]) - qRed(q[col])) + qAbs(qGreen(p[col]) - qGreen(q[col])) +
                   qAbs(qBlue(p[col]) - qBlue(q[col]));
        }
    }
    return sum / (3.0 * x.width() * x.height());
}

} // namespace

class TestThumbnailer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInputGivesAnErrorResult_data();
    void badInputGivesAnErrorResult();
    void jpegWithTooManyScansIsRefusedBeforeDecoding();
    void progressiveJpegsStillDecode();
    void thumbnailFitsTheBoxAndKeepsTheAspectRatio_data();
    void thumbnailFitsTheBoxAndKeepsTheAspectRatio();
    void jpegFastPathLooksLikeAFullDecode();
    void interruptStopsBetweenStages();
    void pngQualityTradesSpeedForSize();
    void fittedRoundsAndNeverEnlarges();

private:
    QByteArray m_jpeg; ///< 1920x1080
    QByteArray m_png;  ///< 1920x1080
};

void TestThumbnailer::initTestCase()
{
    prepareImageThreads();
    m_jpeg = encodedImage({1920, 1080}, "jpeg");
    m_png = encodedImage({1920, 1080}, "png");
}

void TestThumbnailer::badInputGivesAnErrorResult_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<ImageErrc>("error");

    const qint64 defaultMax = ThumbnailSpec().maxPixels;
    QByteArray corruptJpeg = m_jpeg;
    for (int i = 20; i < 600; ++i)
        corruptJpeg[i] = static_cast<char>(i * 7);
    QByteArray corruptPng = m_png;
    for (int i = 100; i < 200; ++i)
        corruptPng[i] = static_cast<char>(i * 7);

    QTest::newRow("zero-byte") << QByteArray() << defaultMax << ImageErrc::Empty;
    QTest::newRow("text file") << QByteArray("just some notes\nnot an image\n") << defaultMax
                               << ImageErrc::NotAnImage;
    QTest::newRow("corrupt jpeg") << corruptJpeg << defaultMax << ImageErrc::Corrupt;
    QTest::newRow("truncated jpeg")
        << m_jpeg.left(m_jpeg.size() / 2) << defaultMax << ImageErrc::Truncated;
    QTest::newRow("jpeg cut after the header")
        << m_jpeg.left(700) << defaultMax << ImageErrc::Truncated;
    QTest::newRow("corrupt png") << corruptPng << defaultMax << ImageErrc::Corrupt;
    QTest::newRow("truncated png")
        << m_png.left(m_png.size() / 2) << defaultMax << ImageErrc::Corrupt;
    QTest::newRow("30000x30000 png header")
        << pngHeaderBomb(30000, 30000) << defaultMax << ImageErrc::TooLarge;
    QTest::newRow("bomb even at the largest limit")
        << pngHeaderBomb(30000, 30000) << qint64(100'000'000) << ImageErrc::TooLarge;
    QTest::newRow("over a small limit") << m_jpeg << qint64(1920 * 1080 - 1) << ImageErrc::TooLarge;
    QTest::newRow("bmp") << encodedImage({64, 64}, "bmp") << defaultMax
                         << ImageErrc::UnsupportedFormat;
}

void TestThumbnailer::badInputGivesAnErrorResult()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, maxPixels);
    QFETCH(ImageErrc, error);
    Thumbnailer thumbnailer;
    ThumbnailSpec spec;
    spec.maxPixels = maxPixels;
    const ThumbnailResult result = thumbnailer.make(input, spec);
    QCOMPARE(result.error, error);
    QVERIFY(!result.ok());
    QVERIFY(!result.reason.isEmpty());
    QVERIFY(!result.size.isValid());
}

void TestThumbnailer::jpegWithTooManyScansIsRefusedBeforeDecoding()
{
    // Each scan costs the decoder a pass over every block, so the pixel cap alone does not bound
    // the work: a 170 KB JPEG of 1,000 empty scans over 7000x7000 pixels (inside the default
    // cap) took 7 s to decode, and the time grows with the scans. The fuzz corpus keeps a small
    // one (tests/fuzz/regressions/imagedecode/jpeg-1000-empty-scans-1200x1200.jpg).
    const QByteArray bomb = jpegScanBomb(2000, 2000, Thumbnailer::MaxJpegScans);
    Thumbnailer thumbnailer;
    const ThumbnailResult result = thumbnailer.make(bomb, ThumbnailSpec());
    QCOMPARE(result.error, ImageErrc::TooLarge);
    QVERIFY2(result.reason.contains(QStringLiteral("scans")), qPrintable(result.reason));
    QCOMPARE(result.sourceSize, QSize(2000, 2000));
    QVERIFY(!result.size.isValid());

    // At the limit it decodes: the bomb's structure itself is valid.
    const ThumbnailResult allowed =
        thumbnailer.make(jpegScanBomb(64, 48, Thumbnailer::MaxJpegScans - 1), ThumbnailSpec());
    QVERIFY2(allowed.ok(), qPrintable(allowed.reason));
    QCOMPARE(allowed.size, QSize(64, 48));
}

void TestThumbnailer::progressiveJpegsStillDecode()
{
    QImage image(640, 360, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setProgressiveScanWrite(true);
    QVERIFY(writer.write(image));
    Thumbnailer thumbnailer;
    const ThumbnailResult result = thumbnailer.make(bytes, ThumbnailSpec());
    QVERIFY2(result.ok(), qPrintable(result.reason));
    QCOMPARE(result.size, QSize(256, 144));
}

void TestThumbnailer::thumbnailFitsTheBoxAndKeepsTheAspectRatio_data()
{
    QTest::addColumn<QSize>("source");
    QTest::addColumn<QByteArray>("inFormat");
    QTest::addColumn<int>("box");
    QTest::addColumn<QByteArray>("outFormat");
    QTest::addColumn<QSize>("expected");

    QTest::newRow("hd jpeg -> png")
        << QSize(1920, 1080) << QByteArray("jpeg") << 256 << QByteArray("png") << QSize(256, 144);
    QTest::newRow("hd png -> jpeg")
        << QSize(1920, 1080) << QByteArray("png") << 256 << QByteArray("jpeg") << QSize(256, 144);
    QTest::newRow("portrait jpeg")
        << QSize(1080, 1920) << QByteArray("jpeg") << 200 << QByteArray("png") << QSize(113, 200);
    QTest::newRow("4:3 jpeg, odd box")
        << QSize(4000, 3000) << QByteArray("jpeg") << 301 << QByteArray("jpeg") << QSize(301, 226);
    QTest::newRow("odd sizes png")
        << QSize(1001, 333) << QByteArray("png") << 100 << QByteArray("png") << QSize(100, 33);
    QTest::newRow("slightly larger than the box")
        << QSize(300, 200) << QByteArray("jpeg") << 256 << QByteArray("png") << QSize(256, 171);
    QTest::newRow("smaller than the box stays")
        << QSize(120, 80) << QByteArray("jpeg") << 256 << QByteArray("png") << QSize(120, 80);
    QTest::newRow("thin strip") << QSize(3000, 10) << QByteArray("png") << 64 << QByteArray("png")
                                << QSize(64, 1);
}

void TestThumbnailer::thumbnailFitsTheBoxAndKeepsTheAspectRatio()
{
    QFETCH(QSize, source);
    QFETCH(QByteArray, inFormat);
    QFETCH(int, box);
    QFETCH(QByteArray, outFormat);
    QFETCH(QSize, expected);

    Thumbnailer thumbnailer;
    ThumbnailSpec spec;
    spec.targetSize = box;
    spec.format = outFormat;
    const ThumbnailResult result = thumbnailer.make(encodedImage(source, inFormat), spec);
    QVERIFY2(result.ok(), qPrintable(result.reason));
    QCOMPARE(result.sourceSize, source);
    QCOMPARE(result.size, expected);
    QVERIFY(result.size.width() <= box && result.size.height() <= box);
    QCOMPARE(result.encodedBytes, thumbnailer.encoded().size());

    // The buffer holds a real image of that size and format.
    QByteArray encoded = thumbnailer.encoded();
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), outFormat);
    const QImage decoded = reader.read();
    QCOMPARE(decoded.size(), expected);
}

void TestThumbnailer::jpegFastPathLooksLikeAFullDecode()
{
    // The DCT-domain shortcut must give (nearly) what decoding everything and scaling would.
    Thumbnailer thumbnailer;
    const ThumbnailResult result = thumbnailer.make(m_jpeg, ThumbnailSpec());
    QVERIFY(result.ok());
    QImage fast;
    QVERIFY(fast.loadFromData(thumbnailer.encoded()));
    QImage full;
    QVERIFY(full.loadFromData(m_jpeg));
    const QImage reference =
        full.scaled(result.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const double difference = meanDifference(fast, reference);
    QVERIFY2(difference < 4.0, qPrintable(QString::number(difference)));
}

void TestThumbnailer::interruptStopsBetweenStages()
{
    Thumbnailer thumbnailer;
    const ThumbnailResult result = thumbnailer.make(m_png, ThumbnailSpec(), [] { return true; });
    QVERIFY(result.interrupted());
    QCOMPARE(result.error, ImageErrc::Interrupted);
    QCOMPARE(result.sourceSize, QSize(1920, 1080)); // the header stage ran, nothing after it

    int calls = 0;
    const ThumbnailResult later =
        thumbnailer.make(m_png, ThumbnailSpec(), [&calls] { return ++calls > 1; });
    QVERIFY(later.interrupted());
    QCOMPARE(later.reason, QStringLiteral("after decoding"));
}

void TestThumbnailer::pngQualityTradesSpeedForSize()
{
    Thumbnailer thumbnailer;
    ThumbnailSpec spec;
    qint64 previous = 0;
    for (const int quality : {-1, 80, 100}) { // zlib level 6, 1, 0
        spec.quality = quality;
        const ThumbnailResult result = thumbnailer.make(m_jpeg, spec);
        QVERIFY(result.ok());
        QVERIFY2(result.encodedBytes > previous, qPrintable(QString::number(quality)));
        previous = result.encodedBytes;
        QImage decoded;
        QVERIFY(decoded.loadFromData(thumbnailer.encoded(), "png"));
        QCOMPARE(decoded.size(), result.size);
    }
}

void TestThumbnailer::fittedRoundsAndNeverEnlarges()
{
    QCOMPARE(Thumbnailer::fitted({1920, 1080}, 256), QSize(256, 144));
    QCOMPARE(Thumbnailer::fitted({1080, 1920}, 256), QSize(144, 256));
    QCOMPARE(Thumbnailer::fitted({1000, 1000}, 256), QSize(256, 256));
    QCOMPARE(Thumbnailer::fitted({100, 50}, 256), QSize(100, 50));
    QCOMPARE(Thumbnailer::fitted({10000, 1}, 16), QSize(16, 1));
    QCOMPARE(Thumbnailer::fitted({1001, 333}, 100), QSize(100, 33));
}

QTEST_GUILESS_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
