#include "imagefixtures.h"
#include "workloads/imagecorpus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace shoal;
using namespace shoal::test;

namespace {

QStringList names(const ImageCorpus& corpus)
{
    QStringList list;
    for (qsizetype i = 0; i < corpus.size(); ++i)
        list << corpus.at(i).name;
    return list;
}

} // namespace

class TestImageCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { prepareImageThreads(); }
    void scanFindsImagesByContentAndSkipsJunk();
    void scanSurvivesSymlinkLoops();
    void unreadableFilesAreSkippedForRootToo();
    void emptyFolderIsUnusable();
    void folderWithoutImagesIsUnusable();
    void missingFolderIsUnusable();
    void filesArePreloadedWithinTheBudget();
};

void TestImageCorpus::scanFindsImagesByContentAndSkipsJunk()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(QDir(root).mkpath(QStringLiteral("sub/deeper")));
    QVERIFY(writeFile(root + QStringLiteral("/a.jpg"), encodedImage({64, 48}, "jpeg")));
    QVERIFY(writeFile(root + QStringLiteral("/sub/b.png"), encodedImage({32, 32}, "png")));
    QVERIFY(
        writeFile(root + QStringLiteral("/sub/deeper/noextension"), encodedImage({16, 16}, "png")));
    QVERIFY(writeFile(root + QStringLiteral("/notes.txt"), "not an image\n"));
    QVERIFY(writeFile(root + QStringLiteral("/fake.jpg"), "text with an image's name\n"));
    QVERIFY(writeFile(root + QStringLiteral("/empty.png"), QByteArray()));
    QVERIFY(writeFile(root + QStringLiteral("/other.bmp"), encodedImage({8, 8}, "bmp")));
    QVERIFY(
        QFile::link(root + QStringLiteral("/nowhere.jpg"), root + QStringLiteral("/broken.jpg")));
    QCOMPARE(::mkfifo(QFile::encodeName(root + QStringLiteral("/pipe.jpg")).constData(), 0600), 0);

    ParamError error;
    const auto corpus = ImageCorpus::scan(root, QStringLiteral("folder"), error);
    QVERIFY(!error);
    QVERIFY(corpus);
    QCOMPARE(names(*corpus), (QStringList{QStringLiteral("a.jpg"), QStringLiteral("sub/b.png"),
                                          QStringLiteral("sub/deeper/noextension")}));
    QCOMPARE(corpus->at(0).fileSize, QFileInfo(root + QStringLiteral("/a.jpg")).size());
}

void TestImageCorpus::scanSurvivesSymlinkLoops()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(QDir(root).mkpath(QStringLiteral("x")));
    QVERIFY(QDir(root).mkpath(QStringLiteral("y")));
    QVERIFY(writeFile(root + QStringLiteral("/x/one.jpg"), encodedImage({40, 30}, "jpeg")));
    QVERIFY(writeFile(root + QStringLiteral("/y/two.png"), encodedImage({30, 40}, "png")));
    QVERIFY(QFile::link(root, root + QStringLiteral("/x/up"))); // back to the root
    QVERIFY(QFile::link(root + QStringLiteral("/x"), root + QStringLiteral("/y/tox"))); // y -> x
    QVERIFY(QFile::link(root + QStringLiteral("/y"), root + QStringLiteral("/x/toy"))); // x -> y

    ParamError error;
    const auto corpus = ImageCorpus::scan(root, QStringLiteral("folder"), error);
    QVERIFY(corpus);
    QCOMPARE(corpus->size(), 2);
}

void TestImageCorpus::unreadableFilesAreSkippedForRootToo()
{
    // /proc/self/mem is a regular file that not even root can read from its start (EIO), so a
    // link to it stands for an unreadable image whoever runs the test; a file without read
    // permission is one too, except for root.
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/a.jpg"), encodedImage({64, 48}, "jpeg")));
    QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"), root + QStringLiteral("/locked.jpg")));
    const QString closed = root + QStringLiteral("/closed.png");
    QVERIFY(writeFile(closed, encodedImage({32, 32}, "png")));
    QVERIFY(QFile::setPermissions(closed, QFileDevice::WriteOwner));
    const bool rootUser = geteuid() == 0;

    ParamError error;
    const auto corpus = ImageCorpus::scan(root, QStringLiteral("folder"), error);
    QVERIFY(!error);
    QVERIFY(corpus);
    QStringList expected{QStringLiteral("a.jpg")};
    if (rootUser)
        expected.append(QStringLiteral("closed.png")); // root reads it anyway
    QCOMPARE(names(*corpus), expected);

    // A folder holding nothing but unreadable files is unusable, with the reason.
    QTemporaryDir only;
    QVERIFY(
        QFile::link(QStringLiteral("/proc/self/mem"), only.path() + QStringLiteral("/locked.jpg")));
    QVERIFY(!ImageCorpus::scan(only.path(), QStringLiteral("folder"), error));
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.param, QStringLiteral("folder"));
}

void TestImageCorpus::emptyFolderIsUnusable()
{
    QTemporaryDir dir;
    ParamError error;
    QVERIFY(!ImageCorpus::scan(dir.path(), QStringLiteral("folder"), error));
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.param, QStringLiteral("folder"));
    QCOMPARE(error.detail, dir.path());
}

void TestImageCorpus::folderWithoutImagesIsUnusable()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + QStringLiteral("/readme.txt"), "hello\n"));
    ParamError error;
    QVERIFY(!ImageCorpus::scan(dir.path(), QStringLiteral("folder"), error));
    QCOMPARE(error.code, ParamError::Code::Unusable);
}

void TestImageCorpus::missingFolderIsUnusable()
{
    ParamError error;
    const QString missing = QStringLiteral("/nonexistent/shoal/images");
    QVERIFY(!ImageCorpus::scan(missing, QStringLiteral("folder"), error));
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.detail, missing);
}

void TestImageCorpus::filesArePreloadedWithinTheBudget()
{
    QTemporaryDir dir;
    const QByteArray first = encodedImage({200, 100}, "jpeg", 1);
    const QByteArray second = encodedImage({200, 100}, "jpeg", 2);
    QVERIFY(writeFile(dir.path() + QStringLiteral("/1.jpg"), first));
    QVERIFY(writeFile(dir.path() + QStringLiteral("/2.jpg"), second));

    ParamError error;
    auto all = ImageCorpus::scan(dir.path(), QStringLiteral("folder"), error);
    QVERIFY(all);
    QCOMPARE(all->at(0).bytes, first);
    QCOMPARE(all->at(1).bytes, second);
    QCOMPARE(all->preloadedBytes(), first.size() + second.size());

    auto some = ImageCorpus::scan(dir.path(), QStringLiteral("folder"), error, first.size());
    QVERIFY(some);
    QCOMPARE(some->size(), 2);
    QCOMPARE(some->at(0).bytes, first);
    QVERIFY(some->at(1).bytes.isEmpty()); // read per job instead
    QCOMPARE(some->preloadedBytes(), first.size());
}

QTEST_GUILESS_MAIN(TestImageCorpus)
#include "tst_imagecorpus.moc"
