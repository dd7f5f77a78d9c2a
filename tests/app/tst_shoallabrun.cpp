#include "lab/runexport.h"
#include "lab/runfile.h"
#include "testsupport/labprocess.h"
#include "testsupport/reportcheck.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace shoal;
using namespace testsupport;

/// --save-run, --compare and --report through the executable: the run file holds the run the
/// other files hold, two of them compare into a table, and a run or a comparison becomes one
/// self-contained HTML page.
class TestShoalLabRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSavedRunHoldsWhatTheOtherFilesHold();
    void aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun_data();
    void aRunFileThatCannotBeWrittenIsRefusedBeforeTheRun();
    void compareTabulatesTwoSavedRuns();
    void compareRefusesABadFileNamingIt_data();
    void compareRefusesABadFileNamingIt();
    void aReportOfARunAndOfAComparisonEmbedsTheirCharts();

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
    const QString report = QStringLiteral("--report");
    QTest::newRow("a report into a missing folder")
        << QStringList{h, report, QStringLiteral("/no/such/dir/r.html")} << "/no/such/dir/r.html";
    QTest::newRow("a comparison's report into a missing folder")
        << QStringList{QStringLiteral("--compare"), QStringLiteral("a.shoalrun"),
                       QStringLiteral("b.shoalrun"), report, QStringLiteral("/no/such/dir/c.html")}
        << "/no/such/dir/c.html";
    QTest::newRow("a report without a run")
        << QStringList{report, m_dir.filePath(QStringLiteral("w.html"))}
        << "--report needs --headless or --compare";
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

void TestShoalLabRun::compareTabulatesTwoSavedRuns()
{
    QVERIFY(m_dir.isValid());
    QString files[2];
    const char* sizes[2] = {"pool.size=2", "pool.size=6"};
    for (int i = 0; i < 2; ++i) {
        files[i] = m_dir.filePath(QStringLiteral("size%1.shoalrun").arg(i));
        const LabProcess o =
            runLab({QStringLiteral("--headless"), QStringLiteral("--preset"),
                    QStringLiteral("steady-state"), QStringLiteral("--duration"),
                    QStringLiteral("1.5"), QStringLiteral("--set"), QString::fromLatin1(sizes[i]),
                    QStringLiteral("--save-run"), files[i]});
        QVERIFY2(o.status == 0, qPrintable(o.err));
    }
    const LabProcess o = runLab({QStringLiteral("--compare"), files[0], files[1]});
    QVERIFY2(o.status == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(QStringLiteral("A: ") + files[0]), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("B: ") + files[1]), qPrintable(o.out));
    // Each figure once, the counts without a noise note, the rows' figures with one.
    for (const char* figure : {"throughput (calls/s)", "latency p95 (ms)", "queue wait p95 (ms)",
                               "utilisation", "completed", "timed out", "pool not running"}) {
        QCOMPARE(o.out.count(QLatin1String(figure)), 1);
    }
    const QStringList lines = o.out.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.startsWith(QStringLiteral("throughput")) ||
            line.startsWith(QStringLiteral("utilisation")))
            QVERIFY2(line.contains(QStringLiteral("noise [")), qPrintable(line));
        if (line.startsWith(QStringLiteral("completed")))
            QVERIFY2(!line.contains(QStringLiteral("noise")), qPrintable(line));
    }
    // Six workers for the same arrivals: each is less busy.
    const QString utilisation = *std::find_if(lines.begin(), lines.end(), [](const QString& line) {
        return line.startsWith(QStringLiteral("utilisation"));
    });
    QVERIFY2(utilisation.contains(QStringLiteral("beyond noise [-")), qPrintable(utilisation));
}

void TestShoalLabRun::compareRefusesABadFileNamingIt_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cut short") << QByteArray(R"({"format": "shoal-run", "version": 1, "sc)")
                               << QStringLiteral("cut short");
    QTest::newRow("a preset") << QByteArray(R"({"name": "x", "pool": {"size": 2}})")
                              << QStringLiteral("not a Shoal run file");
}

void TestShoalLabRun::compareRefusesABadFileNamingIt()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QVERIFY(m_dir.isValid());
    const QString bad = m_dir.filePath(QStringLiteral("bad.shoalrun"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const LabProcess o = runLab({QStringLiteral("--compare"), bad, bad});
    QCOMPARE(o.status, 2);
    QVERIFY2(o.err.contains(bad), qPrintable(o.err));
    QVERIFY2(o.err.contains(reason), qPrintable(o.err));
    QVERIFY(o.out.isEmpty());
    // One file only is a usage error.
    const LabProcess alone = runLab({QStringLiteral("--compare"), bad});
    QCOMPARE(alone.status, 2);
    QVERIFY2(alone.err.contains(QStringLiteral("second run file")), qPrintable(alone.err));
}

void TestShoalLabRun::aReportOfARunAndOfAComparisonEmbedsTheirCharts()
{
    QVERIFY(m_dir.isValid());
    const QString run = m_dir.filePath(QStringLiteral("reported.shoalrun"));
    const QString report = m_dir.filePath(QStringLiteral("run.html"));
    // Without a display, whatever platform is asked for: the charts are drawn offscreen.
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    const QByteArray display = qgetenv("DISPLAY");
    qputenv("QT_QPA_PLATFORM", "xcb");
    qunsetenv("DISPLAY");
    const LabProcess o =
        runLab({QStringLiteral("--headless"), QStringLiteral("--preset"),
                QStringLiteral("steady-state"), QStringLiteral("--duration"), QStringLiteral("1"),
                QStringLiteral("--save-run"), run, QStringLiteral("--report"), report});
    qputenv("QT_QPA_PLATFORM", platform);
    if (!display.isEmpty())
        qputenv("DISPLAY", display);
    QVERIFY2(o.status == 0, qPrintable(o.err));
    const ReportPage page = readReport(report);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.images, 2); // the live charts and the spectrum
    QVERIFY(page.text.contains(QStringLiteral("steady-state")));

    const QString compared = m_dir.filePath(QStringLiteral("compare.html"));
    const LabProcess c =
        runLab({QStringLiteral("--compare"), run, run, QStringLiteral("--report"), compared});
    QVERIFY2(c.status == 0, qPrintable(c.err));
    const ReportPage both = readReport(compared);
    QVERIFY2(both.error.isEmpty(), qPrintable(both.error));
    QCOMPARE(both.images, 2); // the charts and the spectrum, B dashed over A
    QVERIFY(both.text.contains(QStringLiteral("latency p95 (ms)")));
}

QTEST_GUILESS_MAIN(TestShoalLabRun)
#include "tst_shoallabrun.moc"
