// The shared sentences (core/text) come out translated with no widget in the process: the
// command line's headless run makes them with a QCoreApplication, from the same German
// translation the window uses.
#include "text/errortext.h"
#include "text/eventtext.h"
#include "text/statetext.h"
#include "ui/languageswitcher.h"

#include "lab/fileerror.h"
#include "lab/runevent.h"

#include <QTest>

using namespace shoal;

class TestSentences : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sentencesAreEnglishWithoutATranslation();
    void sentencesComeOutInGermanWithoutWidgets();
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

QTEST_GUILESS_MAIN(TestSentences)
#include "tst_sentences.moc"
