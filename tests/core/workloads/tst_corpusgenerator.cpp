#include "imagefixtures.h"
#include "workloads/corpusgenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

using namespace shoal;
using namespace shoal::test;

namespace {

/// Small enough to generate in a moment, varied enough to cover both formats and orientations.
CorpusGenerator::Spec smallSpec()
{
    CorpusGenerator::Spec spec;
    spec.name = QStringLiteral("test");
    spec.images = {{QSize(320, 240), "jpeg"}, {QSize(200, 300), "png"}, {QSize(640, 360), "jpeg"}};
    return spec;
}

QStringList imageFiles(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCorpusGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_THREAD__)
        // The generator paints on the calling thread alone; the only other threads are Qt Gui's
        // own image helpers, whose hand-offs go through locks inside an uninstrumented Qt that
        // ThreadSanitizer cannot see. The normal and ASan builds run this suite.
        QSKIP("single-threaded code; Qt Gui's internal image threads are invisible to TSan");
#endif
        prepareImageThreads();
    }
    void renderIsDeterministicAndSeeded();
    void sameSeedGivesIdenticalFiles();
    void generatedFilesAreImagesOfTheSpecifiedSizeAndFormat();
    void completeCorpusIsReusedNotRegenerated();
    void incompleteCorpusIsRegenerated();
    void defaultSpecMixesSizesAndFormats();
    void defaultRootIsInTheCacheLocation();
};

void TestCorpusGenerator::renderIsDeterministicAndSeeded()
{
    const QImage a = CorpusGenerator::render({320, 200}, 7);
    QCOMPARE(a.size(), QSize(320, 200));
    QCOMPARE(CorpusGenerator::render({320, 200}, 7), a);
    QVERIFY(CorpusGenerator::render({320, 200}, 8) != a);
}

void TestCorpusGenerator::sameSeedGivesIdenticalFiles()
{
    QTemporaryDir one, two, three;
    const auto a = CorpusGenerator::ensure(one.path(), smallSpec(), 5);
    const auto b = CorpusGenerator::ensure(two.path(), smallSpec(), 5);
    const auto c = CorpusGenerator::ensure(three.path(), smallSpec(), 6);
    QVERIFY2(a.error.isEmpty() && b.error.isEmpty() && c.error.isEmpty(), qPrintable(a.error));
    QVERIFY(a.generated && b.generated && c.generated);
    QCOMPARE(QFileInfo(a.folder).fileName(), QStringLiteral("corpus-test-5"));

    const QStringList files = imageFiles(a.folder);
    QCOMPARE(files.size(), 3);
    QCOMPARE(imageFiles(b.folder), files);
    int differing = 0;
    for (const QString& name : files) {
        const QByteArray bytes = contents(a.folder + QLatin1Char('/') + name);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(contents(b.folder + QLatin1Char('/') + name), bytes);
        differing += contents(c.folder + QLatin1Char('/') + name) != bytes;
    }
    QCOMPARE(differing, 3); // another seed, other pictures
}

void TestCorpusGenerator::generatedFilesAreImagesOfTheSpecifiedSizeAndFormat()
{
    QTemporaryDir root;
    const auto spec = smallSpec();
    const auto outcome = CorpusGenerator::ensure(root.path(), spec, 1);
    QVERIFY(outcome.error.isEmpty());
    const QStringList files = imageFiles(outcome.folder);
    QCOMPARE(files.size(), spec.images.size());
    for (int i = 0; i < files.size(); ++i) {
        QImageReader reader(outcome.folder + QLatin1Char('/') + files.at(i));
        reader.setDecideFormatFromContent(true);
        QCOMPARE(reader.format(), spec.images.at(i).format);
        QCOMPARE(reader.size(), spec.images.at(i).size);
        QVERIFY(!reader.read().isNull());
    }
    // No temporary files are left behind.
    QCOMPARE(QDir(outcome.folder).entryList(QDir::Files | QDir::Hidden).size(), files.size() + 1);
}

void TestCorpusGenerator::completeCorpusIsReusedNotRegenerated()
{
    QTemporaryDir root;
    const auto first = CorpusGenerator::ensure(root.path(), smallSpec(), 3);
    QVERIFY(first.generated);
    const QString somePath = first.folder + QLatin1Char('/') + imageFiles(first.folder).first();
    const QDateTime written = QFileInfo(somePath).lastModified();
    const auto second = CorpusGenerator::ensure(root.path(), smallSpec(), 3);
    QVERIFY(second.error.isEmpty());
    QVERIFY(!second.generated);
    QCOMPARE(second.folder, first.folder);
    QCOMPARE(QFileInfo(somePath).lastModified(), written);
}

void TestCorpusGenerator::incompleteCorpusIsRegenerated()
{
    QTemporaryDir root;
    const auto first = CorpusGenerator::ensure(root.path(), smallSpec(), 4);
    const QStringList files = imageFiles(first.folder);
    const QString victim = first.folder + QLatin1Char('/') + files.at(1);
    const QByteArray original = contents(victim);

    // A file gone (a generation killed before it was written): made again, identically.
    QVERIFY(QFile::remove(victim));
    auto again = CorpusGenerator::ensure(root.path(), smallSpec(), 4);
    QVERIFY(again.generated);
    QCOMPARE(contents(victim), original);

    // No marker (killed before the end): made again.
    QVERIFY(QFile::remove(first.folder + QStringLiteral("/.complete")));
    again = CorpusGenerator::ensure(root.path(), smallSpec(), 4);
    QVERIFY(again.generated);
    QVERIFY(!CorpusGenerator::ensure(root.path(), smallSpec(), 4).generated);
}

void TestCorpusGenerator::defaultSpecMixesSizesAndFormats()
{
    const auto spec = CorpusGenerator::defaultSpec();
    QCOMPARE(spec.name, QStringLiteral("v1"));
    int hd = 0, large = 0, png = 0, jpeg = 0, portrait = 0;
    for (const auto& image : spec.images) {
        hd += image.size == QSize(1920, 1080);
        large += image.size == QSize(4000, 3000);
        portrait += image.size.height() > image.size.width();
        png += image.format == "png";
        jpeg += image.format == "jpeg";
    }
    QVERIFY(hd > 0 && large > 0 && portrait > 0 && png > 0 && jpeg > png);
}

void TestCorpusGenerator::defaultRootIsInTheCacheLocation()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QVERIFY(CorpusGenerator::defaultRoot().startsWith(cache));
    QVERIFY(CorpusGenerator::folderFor(QStringLiteral("/r"), CorpusGenerator::defaultSpec(), 9)
                .endsWith(QStringLiteral("/corpus-v1-9")));
}

QTEST_GUILESS_MAIN(TestCorpusGenerator)
#include "tst_corpusgenerator.moc"
