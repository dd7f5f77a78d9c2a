#include "imagefixtures.h"
#include "pool/pool.h"
#include "workloads/corpusgenerator.h"
#include "workloads/imageworker.h"
#include "workloads/imageworkload.h"
#include "workloads/workload.h"

#include <QDir>
#include <QImageReader>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace shoal;
using namespace shoal::test;

namespace {

std::unique_ptr<Workload> imageWorkload(const QVariantMap& params)
{
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("image"), params, nullptr, error);
    if (!workload)
        qFatal("image workload refused its parameters: %s", qPrintable(error.param));
    return workload;
}

} // namespace

class TestImageWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCorpusEntryGetsAThumbnailThatFitsTheBox();
    void thumbnailsAreSavedToTheOutputFolder();
    void filesBeyondThePreloadAreReadPerJob();
    void badImagePayloadFailsTheCallWithTheReason_data();
    void badImagePayloadFailsTheCallWithTheReason();
    void liveParamsApplyToTheNextJob();
    void defaultCorpusIsGeneratedOnceAndReused();

private:
    QTemporaryDir m_folder; ///< a small corpus: HD JPEG, portrait PNG, 4:3 JPEG
};

void TestImageWorker::initTestCase()
{
    prepareImageThreads();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(
        writeFile(m_folder.filePath(QStringLiteral("a.jpg")), encodedImage({1920, 1080}, "jpeg")));
    QVERIFY(writeFile(m_folder.filePath(QStringLiteral("b.png")), encodedImage({600, 900}, "png")));
    QVERIFY(
        writeFile(m_folder.filePath(QStringLiteral("c.jpg")), encodedImage({800, 600}, "jpeg")));
}

void TestImageWorker::everyCorpusEntryGetsAThumbnailThatFitsTheBox()
{
    auto workload = imageWorkload(
        {{QStringLiteral("folder"), m_folder.path()}, {QStringLiteral("targetSize"), 128}});
    Pool pool(2, [&] { return workload->makeWorker(); });
    const QList<QSize> expected{QSize(128, 72), QSize(85, 128), QSize(128, 96)};
    for (quint64 n = 0; n < 6; ++n) {
        const auto result = std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(n)));
        QVERIFY2(result.ok(), qPrintable(result.reason));
        QCOMPARE(result.index, qint64(n % 3));
        QCOMPARE(result.size, expected.at(static_cast<int>(n % 3)));
        QVERIFY(result.encodedBytes > 0);
        QVERIFY(result.savedPath.isEmpty());
    }
}

void TestImageWorker::thumbnailsAreSavedToTheOutputFolder()
{
    QTemporaryDir out;
    const QString folder = out.filePath(QStringLiteral("made/on/demand"));
    auto workload = imageWorkload({{QStringLiteral("folder"), m_folder.path()},
                                   {QStringLiteral("outputFolder"), folder},
                                   {QStringLiteral("format"), QStringLiteral("jpeg")},
                                   {QStringLiteral("quality"), 80}});
    Pool pool(2, [&] { return workload->makeWorker(); });
    for (quint64 n = 0; n < 3; ++n) {
        const auto result = std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(n)));
        QVERIFY(result.savedPath.startsWith(folder));
        QVERIFY(result.savedPath.endsWith(QStringLiteral(".jpg")));
        QImageReader reader(result.savedPath);
        QCOMPARE(reader.format(), QByteArray("jpeg"));
        QCOMPARE(reader.size(), result.size);
        QCOMPARE(QFileInfo(result.savedPath).size(), result.encodedBytes);
    }
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3);
}

void TestImageWorker::filesBeyondThePreloadAreReadPerJob()
{
    ParamError error;
    auto workload =
        ImageWorkload::create({{QStringLiteral("folder"), m_folder.path()}}, nullptr, error);
    QVERIFY(workload);
    QCOMPARE(workload->corpus()->size(), 3);
    QVERIFY(workload->corpus()->preloadedBytes() > 0);

    // The same folder scanned with no preload budget: workers read the files themselves.
    const auto unloaded = ImageCorpus::scan(m_folder.path(), QStringLiteral("folder"), error, 0);
    QVERIFY(unloaded && unloaded->preloadedBytes() == 0);
    ImageSettings settings;
    settings.corpus = unloaded;
    auto live = std::make_shared<LiveParams<ImageSettings>>(settings);
    Pool pool(1, [&] { return std::make_unique<ImageWorker>(live, nullptr); });
    for (qint64 i = 0; i < 3; ++i)
        QVERIFY(std::any_cast<ThumbnailResult>(pool.process(ImageJob{i})).ok());
}

void TestImageWorker::badImagePayloadFailsTheCallWithTheReason_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("prefix");
    const QByteArray jpeg = encodedImage({640, 480}, "jpeg");
    QTest::newRow("zero-byte") << QByteArray() << QStringLiteral("empty:");
    QTest::newRow("text") << QByteArray("plain text\n") << QStringLiteral("not-an-image:");
    QTest::newRow("truncated") << jpeg.left(jpeg.size() / 2) << QStringLiteral("truncated:");
    QTest::newRow("bomb") << pngHeaderBomb(30000, 30000) << QStringLiteral("too-large:");
}

void TestImageWorker::badImagePayloadFailsTheCallWithTheReason()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, prefix);
    auto workload = imageWorkload({{QStringLiteral("folder"), m_folder.path()}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    const auto result = pool.processCtx(Context::background(), payload);
    QCOMPARE(result.error(), make_error_code(PoolErrc::WorkerThrew));
    QVERIFY2(QString::fromStdString(result.message()).startsWith(prefix), result.message().c_str());
    // The worker lives on.
    QVERIFY(std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(0))).ok());
}

void TestImageWorker::liveParamsApplyToTheNextJob()
{
    auto workload = imageWorkload({{QStringLiteral("folder"), m_folder.path()}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    QCOMPARE(std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(0))).size,
             QSize(256, 144));
    QVERIFY(!workload->setParam(QStringLiteral("targetSize"), 64));
    QCOMPARE(std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(0))).size,
             QSize(64, 36));
    QVERIFY(!workload->setParam(QStringLiteral("maxPixels"), 1000));
    const auto refused = pool.processCtx(Context::background(), workload->makePayload(0));
    QCOMPARE(refused.error(), make_error_code(PoolErrc::WorkerThrew));

    // A bad folder is refused and the old corpus stays in use.
    QTemporaryDir empty;
    const ParamError error = workload->setParam(QStringLiteral("folder"), empty.path());
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(workload->params().value(QStringLiteral("folder")).toString(), m_folder.path());
}

void TestImageWorker::defaultCorpusIsGeneratedOnceAndReused()
{
    // The real default: the generated corpus in the (test-mode) cache folder.
    ParamError error;
    auto workload = ImageWorkload::create({{QStringLiteral("corpusSeed"), 1}}, nullptr, error);
    QVERIFY(workload);
    const auto corpus = workload->corpus();
    QCOMPARE(corpus->size(), CorpusGenerator::defaultSpec().images.size());
    QVERIFY(corpus->folder().endsWith(QStringLiteral("/corpus-v1-1")));
    QVERIFY(corpus->folder().startsWith(QDir(CorpusGenerator::defaultRoot()).canonicalPath()));
    QVERIFY(
        !CorpusGenerator::ensure(CorpusGenerator::defaultRoot(), CorpusGenerator::defaultSpec(), 1)
             .generated);

    Pool pool(2, [&] { return workload->makeWorker(); });
    for (quint64 n = 0; n < static_cast<quint64>(corpus->size()); ++n) {
        const auto result = std::any_cast<ThumbnailResult>(pool.process(workload->makePayload(n)));
        QVERIFY2(result.ok(), qPrintable(result.reason));
        QVERIFY(result.size.width() == 256 || result.size.height() == 256);
    }
}

QTEST_GUILESS_MAIN(TestImageWorker)
#include "tst_imageworker.moc"
