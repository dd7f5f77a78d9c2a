#include "lab/runexport.h"
#include "lab/runfile.h"
#include "testsupport/labprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace shoal;
using namespace testsupport;

/// --save-run through the executable: the run file holds the run the other files hold.
class TestShoalLabRun : public QObject {
    Q_OBJECT

private slots:
    void aSavedRunHoldsWhatTheOtherFilesHold();
    void aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun_data();
    void aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun();

private:
    QTemporaryDir m_dir;
};

void TestShoalLabRun::aSavedRunHoldsWhatTheOtherFilesHold()
{
    QVERIFY(m_dir.isValid());
    const QString csv = m_dir.filePath(QStringLiteral("run.csv"));
    const QString events = m_dir.filePath(QStringLiteral("events.csv"));
    const QString summary = m_dir.filePath(QStringLiteral("summary.json"));
    const QString run = m_dir.filePath(QStringLiteral("run.shoalrun"));
    const LabProcess o = runLab(
        {QStringLiteral("--headless"), QStringLiteral("--preset"), QStringLiteral("cancel-storm"),
         QStringLiteral("--duration"), QStringLiteral("1.2"), QStringLiteral("--set"),
         QStringLiteral("timeline=[{\"atSec\":0.5,\"action\":\"cancelAll\"}]"),
         QStringLiteral("--set"), QStringLiteral("run.drainSec=0.5"), QStringLiteral("--csv"), csv,
         QStringLiteral("--events"), events, QStringLiteral("--summary"), summary,
         QStringLiteral("--save-run"), run});
    QVERIFY2(o.status == 0, qPrintable(o.err));

    RunFileError error;
    const std::optional<RunRecord> record = RunFile::read(run, &error);
    QVERIFY2(record.has_value(), qPrintable(error.field + QLatin1Char(' ') + error.detail));
    // The preset as run, --set changes included.
    QCOMPARE(record->scenario.name, QStringLiteral("cancel-storm"));
    QCOMPARE(record->scenario.drainSec, 0.5);
    QCOMPARE(record->scenario.durationSec, 1.2);
    // Every CSV row, field for field.
    const QList<QStringList> rows = csvRows(csv);
    QVERIFY(rows.size() > 10);
    QCOMPARE(record->samples.size(), rows.size() - 1);
    for (qsizetype i = 0; i < record->samples.size(); ++i)
        QCOMPARE(RunExport::sampleFields(record->samples.at(i)), rows.at(i + 1));
    // The events and the summary.
    const QList<QStringList> log = csvRows(events);
    QCOMPARE(record->events.size(), log.size() - 1);
    QCOMPARE(record->events.at(0).what, QStringLiteral("cancelAll"));
    QFile summaryFile(summary);
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    QCOMPARE(record->summary, QJsonDocument::fromJson(summaryFile.readAll()).object());
    QCOMPARE(record->machine.shoal, QStringLiteral(SHOAL_PROJECT_VERSION));
    QVERIFY(record->machine.cores > 0);
}

void TestShoalLabRun::aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("names");
    const QString h = QStringLiteral("--headless");
    const QString r = QStringLiteral("--save-run");
    QTest::newRow("into a missing folder")
        << QStringList{h, r, QStringLiteral("/no/such/dir/a.shoalrun")}
        << "/no/such/dir/a.shoalrun";
    QTest::newRow("with a sweep") << QStringList{h, QStringLiteral("--sweep"),
                                                 QStringLiteral("pool.size=1,2"), r,
                                                 m_dir.filePath(QStringLiteral("s.shoalrun"))}
                                  << "--save-run does not apply to a sweep";
}

void TestShoalLabRun::aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, names);
    const LabProcess o = runLab(arguments);
    QCOMPARE(o.status, 2);
    QCOMPARE(o.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(o.err.contains(names), qPrintable(o.err));
    QVERIFY(o.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestShoalLabRun)
#include "tst_shoallabrun.moc"
