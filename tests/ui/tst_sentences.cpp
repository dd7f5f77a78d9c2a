// The shared sentences (core/text) come out translated with no widget in the process: the
// command line's headless run makes them with a QCoreApplication, from the same German
// translation the window uses.
#include "text/errortext.h"
#include "text/eventtext.h"
#include "text/statetext.h"
#include "ui/languageswitcher.h"

#include "lab/fileerror.h"
#include "lab/runevent.h"
#include "lab/runfile.h"

#include <QTest>

using namespace shoal;

class TestSentences : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sentencesAreEnglishWithoutATranslation();
    void sentencesComeOutInGermanWithoutWidgets();
    void runFileRefusalsNameTheFileAndTheReason_data();
    void runFileRefusalsNameTheFileAndTheReason();
};

namespace {

FileError folderError()
{
    FileError error;
    error.code = FileError::Code::IsDirectory;
    error.path = QStringLiteral("/tmp/run.csv");
    return error;
}

} // namespace

void TestSentences::sentencesAreEnglishWithoutATranslation()
{
    QCOMPARE(StateText::runState(RunState::Running), QStringLiteral("Running"));
    QCOMPARE(StateText::workerState(WorkerState::Busy), QStringLiteral("busy"));
    QCOMPARE(ErrorText::file(folderError()),
             QStringLiteral("cannot write /tmp/run.csv: it is a folder"));
}

void TestSentences::sentencesComeOutInGermanWithoutWidgets()
{
    // A test of the library's layering as much as of the words: this process has no
    // QGuiApplication.
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    LanguageSwitcher languages;
    QVERIFY(languages.setLanguage(QStringLiteral("de")));
    QCOMPARE(StateText::runState(RunState::Running), QStringLiteral("Läuft"));
    QCOMPARE(StateText::workerState(WorkerState::Busy), QStringLiteral("beschäftigt"));
    QCOMPARE(ErrorText::file(folderError()),
             QStringLiteral("/tmp/run.csv kann nicht geschrieben werden: es ist ein Ordner"));
    RunEvent event;
    event.what = QStringLiteral("pool.size");
    event.oldValue = QStringLiteral("4");
    event.newValue = QStringLiteral("8");
    QCOMPARE(EventText::label(event), QStringLiteral("pool.size 4 → 8"));

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(StateText::runState(RunState::Running), QStringLiteral("Running"));
}

void TestSentences::runFileRefusalsNameTheFileAndTheReason_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cut short") << QByteArray(R"({"format": "shoal-run", "vers)")
                               << QStringLiteral("ends early, at byte");
    QTest::newRow("not JSON") << QByteArray("samples,t_s\n1,2\n") << QStringLiteral("not JSON");
    QTest::newRow("another format") << QByteArray(R"({"format": "csv"})")
                                    << QStringLiteral("not a Shoal run file (format \"csv\")");
    QTest::newRow("newer") << QByteArray(R"({"format": "shoal-run", "version": 99})")
                           << QStringLiteral("version 99 is newer than this Shoal reads (1)");
    QTest::newRow("no version") << QByteArray(R"({"format": "shoal-run"})")
                                << QStringLiteral("version is missing");
}

void TestSentences::runFileRefusalsNameTheFileAndTheReason()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, reason);
    const QString path = QStringLiteral("/tmp/kept.shoalrun");
    RunFileError error;
    QVERIFY(!RunFile::parse(data, path, &error));
    const QString sentence = ErrorText::runFile(error);
    QVERIFY2(sentence.startsWith(path + QStringLiteral(": ")), qPrintable(sentence));
    QVERIFY2(sentence.contains(reason), qPrintable(sentence));
}

QTEST_GUILESS_MAIN(TestSentences)
#include "tst_sentences.moc"
