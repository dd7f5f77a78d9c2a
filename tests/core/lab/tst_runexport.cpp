#include "filesizelimit.h"

#include "lab/runexport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <vector>

using namespace shoal;

Q_DECLARE_METATYPE(shoal::FileError::Code)

namespace {

/// An RFC 4180 reader, the reference the writer is checked against.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    return records;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeRaw(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestRunExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sampleColumnsAreTheContract();
    void summaryCarriesTheModelAndLittlesLaw();
    void rowsFollowTheColumns();
    void aRunsCsvHeaderAndRowKeepTheirBytes();
    void fieldsWithSpecialCharactersRoundTrip_data();
    void fieldsWithSpecialCharactersRoundTrip();
    void numbersUseAPointInEveryLocale();
    void summaryIsJsonWithNullForMissingLatency();
    void failedWritesLeaveThePreviousFile_data();
    void failedWritesLeaveThePreviousFile();
    void aWriteFailingHalfWayLeavesThePreviousFile();
    void aShortWriteIsAFailureNotATruncatedFile();
    void unwritablePlacesFailForRootToo();
    void runningOutOfFileHandlesLeavesThePreviousFile();
    void checkWritableTouchesNothing();
};

void TestRunExport::sampleColumnsAreTheContract()
{
    const QStringList contract =
        QStringLiteral("t_s,pool_size,waiting,in_flight,submitted,completed,timed_"
                       "out,canceled,failed,rejected,not_running,throughput_per_s,"
                       "timeouts_per_s,latency_p50_ms,latency_p95_ms,latency_p99_"
                       "ms,latency_max_ms,queue_wait_p95_ms,service_p95_ms,limiter_"
                       "tokens")
            .split(QLatin1Char(','));
    QCOMPARE(RunExport::sampleColumns().mid(0, contract.size()), contract);
    QCOMPARE(RunExport::eventColumns(),
             QStringList({QStringLiteral("t_s"), QStringLiteral("what"), QStringLiteral("old"),
                          QStringLiteral("new")}));
    const QByteArray csv = RunExport::samplesCsv({});
    QVERIFY(csv.startsWith(contract.join(QLatin1Char(',')).toUtf8()));
    QVERIFY(csv.endsWith("\r\n"));
}

void TestRunExport::summaryCarriesTheModelAndLittlesLaw()
{
    ModelConditions c;
    c.servers = 4;
    c.arrivalPerSec = 200;
    c.service = ServiceTimeDistribution{};
    c.service->shape = ServiceTimeDistribution::Shape::Exponential;
    c.service->meanMs = 10;
    RunSummary summary;
    summary.model = QueueingModel::predict(c);
    summary.steady.littlesLaw = {2.0, 2.5};
    const QJsonObject json = QJsonDocument::fromJson(RunExport::summaryJson(summary)).object();
    const QJsonObject model = json.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("name")).toString(), QStringLiteral("M/M/c"));
    QCOMPARE(model.value(QStringLiteral("reason")).toString(), QStringLiteral("applies"));
    QCOMPARE(model.value(QStringLiteral("servers")).toInt(), 4);
    QCOMPARE(model.value(QStringLiteral("utilisation")).toDouble(), 0.5);
    for (const char* key :
         {"arrivalPerSec", "serviceMeanMs", "waitProbability", "queueWaitMeanMs", "queueWaitP95Ms",
          "latencyMeanMs", "latencyP50Ms", "latencyP95Ms", "latencyP99Ms"})
        QVERIFY2(model.value(QLatin1StringView(key)).isDouble(), key);
    const QJsonObject little = json.value(QStringLiteral("littlesLaw")).toObject();
    QCOMPARE(little.value(QStringLiteral("meanInSystem")).toDouble(), 2.0);
    QCOMPARE(little.value(QStringLiteral("throughputTimesMeanLatency")).toDouble(), 2.5);
    // A run file's model block reads back as the prediction it was written from.
    const std::optional<ModelPrediction> back =
        RunSummary::modelFromJson(json.value(QStringLiteral("model")));
    QVERIFY(back.has_value());
    QCOMPARE(back->kind, ModelKind::MMc);
    QCOMPARE(back->servers, 4);
    QCOMPARE(back->latencyP95Ms, summary.model.latencyP95Ms);
    QCOMPARE(back->waitProbability, summary.model.waitProbability);

    // No model: the name "none", the reason, and no quantiles at all.
    c.arrivalMode = ArrivalMode::Closed;
    summary.model = QueueingModel::predict(c);
    const QJsonObject none = QJsonDocument::fromJson(RunExport::summaryJson(summary))
                                 .object()
                                 .value(QStringLiteral("model"))
                                 .toObject();
    QCOMPARE(none.value(QStringLiteral("name")).toString(), QStringLiteral("none"));
    QCOMPARE(none.value(QStringLiteral("reason")).toString(), QStringLiteral("closedLoop"));
    QVERIFY(!none.contains(QStringLiteral("latencyP95Ms")));
    QVERIFY(!none.contains(QStringLiteral("waitProbability")));
    const std::optional<ModelPrediction> noneBack = RunSummary::modelFromJson(none);
    QVERIFY(noneBack.has_value());
    QCOMPARE(noneBack->reason, ModelReason::ClosedLoop);
    QVERIFY(!noneBack->latencyP95Ms);
    QVERIFY(!RunSummary::modelFromJson(QJsonValue(QStringLiteral("M/M/c"))));
}

void TestRunExport::rowsFollowTheColumns()
{
    MetricsRow row;
    row.tSec = 1.25;
    row.poolSize = 4;
    row.waiting = 3;
    row.inFlight = 4;
    row.submitted = 100;
    row.completed = 80;
    row.timedOut = 5;
    row.canceled = 4;
    row.failed = 2;
    row.rejected = 1;
    row.notRunning = 1;
    row.throughputPerSec = 123.456;
    row.latencyP50Ms = 1.5;
    row.limiterTokens = -2.5;
    const QList<QStringList> records =
        parseCsv(QString::fromUtf8(RunExport::samplesCsv({row, row})));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[1].size(), RunExport::sampleColumns().size());
    const QStringList& r = records[1];
    QCOMPARE(r[0], QStringLiteral("1.250"));
    QCOMPARE(r[2].toLongLong() + r[3].toLongLong() + r[5].toLongLong() + r[6].toLongLong() +
                 r[7].toLongLong() + r[8].toLongLong() + r[9].toLongLong() + r[10].toLongLong(),
             r[4].toLongLong());
    QCOMPARE(r[11], QStringLiteral("123.46"));
    QCOMPARE(r[13], QStringLiteral("1.5000"));
    QCOMPARE(r[14], QString()); // no p95 in this interval
    QCOMPARE(r[19], QStringLiteral("-2.500"));
}

void TestRunExport::fieldsWithSpecialCharactersRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("pool.size");
    QTest::newRow("comma") << QStringLiteral("/data/a,b");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"");
    QTest::newRow("newline") << QStringLiteral("two\nlines");
    QTest::newRow("crlf") << QStringLiteral("two\r\nlines");
    QTest::newRow("all") << QStringLiteral("\",\n\"\"");
    QTest::newRow("empty") << QString();
    QTest::newRow("unicode") << QStringLiteral("Bilder/Größe ✓");
}

void TestRunExport::fieldsWithSpecialCharactersRoundTrip()
{
    QFETCH(QString, value);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.csv"));
    const QList<RunEvent> events = {{0.5, value, value, QStringLiteral("x")},
                                    {1.0, QStringLiteral("burst"), QString(), value}};
    QVERIFY(!RunExport::writeFile(path, RunExport::eventsCsv(events)));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(readAll(path)));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[1], QStringList({QStringLiteral("0.500"), value, value, QStringLiteral("x")}));
    QCOMPARE(records[2],
             QStringList({QStringLiteral("1.000"), QStringLiteral("burst"), QString(), value}));
}

void TestRunExport::numbersUseAPointInEveryLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    MetricsRow row;
    row.tSec = 0.1;
    row.throughputPerSec = 1234.5;
    const QString csv = QString::fromUtf8(RunExport::samplesCsv({row}));
    const QString json = QString::fromUtf8(RunExport::summaryJson(RunSummary{}));
    QLocale::setDefault(before);
    QVERIFY2(csv.contains(QStringLiteral("\r\n0.100,")), qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral(",1234.50,")));
    QVERIFY(!csv.contains(QStringLiteral("0,100")));
    QVERIFY(!json.contains(QStringLiteral("0,0")));
}

void TestRunExport::summaryIsJsonWithNullForMissingLatency()
{
    RunSummary summary;
    summary.presetName = QStringLiteral("p");
    summary.counters = {10, 8, 1, 1, 0, 0, 0};
    summary.latencyP50Ms = 2.5;
    summary.latencyP99Ms = MetricsRow::None;
    summary.identityHolds = true;
    const QJsonObject o = QJsonDocument::fromJson(RunExport::summaryJson(summary)).object();
    QCOMPARE(o.value(QStringLiteral("preset")).toString(), QStringLiteral("p"));
    QCOMPARE(o.value(QStringLiteral("calls")).toObject().value(QStringLiteral("submitted")).toInt(),
             10);
    const QJsonObject latency = o.value(QStringLiteral("latencyMs")).toObject();
    QCOMPARE(latency.value(QStringLiteral("p50")).toDouble(), 2.5);
    QVERIFY(latency.value(QStringLiteral("p99")).isNull());
    QVERIFY(o.value(QStringLiteral("identityHolds")).toBool());
}

void TestRunExport::failedWritesLeaveThePreviousFile_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("readOnlyFolder");
    QTest::addColumn<FileError::Code>("code");
    QTest::newRow("missing folder")
        << QStringLiteral("missing/run.csv") << false << FileError::Code::CannotOpen;
    QTest::newRow("a folder") << QStringLiteral("sub") << false << FileError::Code::IsDirectory;
    QTest::newRow("read-only folder")
        << QStringLiteral("ro/run.csv") << true << FileError::Code::CannotOpen;
}

void TestRunExport::failedWritesLeaveThePreviousFile()
{
    QFETCH(QString, relative);
    QFETCH(bool, readOnlyFolder);
    QFETCH(FileError::Code, code);
    if (readOnlyFolder && geteuid() == 0)
        QSKIP("root writes into read-only folders; see aWriteFailingHalfWayLeavesThePreviousFile");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("ro")));
    const QString path = dir.filePath(relative);
    if (readOnlyFolder) {
        QVERIFY(writeRaw(path, "old"));
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("ro")),
                                      QFile::ReadOwner | QFile::ExeOwner));
    }
    const FileError error = RunExport::writeFile(path, "new");
    QCOMPARE(error.code, code);
    QCOMPARE(error.path, path);
    QCOMPARE(RunExport::checkWritable(path).code, code);
    if (readOnlyFolder) {
        QCOMPARE(readAll(path), QByteArray("old"));
        QFile::setPermissions(dir.filePath(QStringLiteral("ro")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

void TestRunExport::aWriteFailingHalfWayLeavesThePreviousFile()
{
    // A file size limit makes the write itself fail (EFBIG), for root too.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY(writeRaw(path, "previous run"));
    FileError error;
    {
        const test::FileSizeLimit limit(4096);
        QVERIFY(limit.applied());
        error = RunExport::writeFile(path, QByteArray(64 * 1024, 'x'));
    }
    // Qt's file buffer decides whether write() or the final flush reports it.
    QVERIFY(error.code == FileError::Code::WriteFailed ||
            error.code == FileError::Code::CommitFailed);
    QCOMPARE(readAll(path), QByteArray("previous run"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("run.csv")});
}

void TestRunExport::aShortWriteIsAFailureNotATruncatedFile()
{
    // A disk with room for 64 bytes of a 1000-byte file: the system writes those and refuses the
    // rest. That must fail the export, not replace the old file with its first 64 bytes.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY(writeRaw(path, "previous run"));
    FileError error;
    {
        const test::FileSizeLimit limit(64);
        QVERIFY(limit.applied());
        error = RunExport::writeFile(path, QByteArray(1000, 'x'));
    }
    QCOMPARE(error.code, FileError::Code::WriteFailed);
    QCOMPARE(error.path, path);
    QCOMPARE(readAll(path), QByteArray("previous run"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("run.csv")});
}

void TestRunExport::unwritablePlacesFailForRootToo()
{
    // Places no one may create a file in, root included: under a plain file, and in procfs.
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain"));
    QVERIFY(writeRaw(plain, "a file, not a folder"));
    const QStringList paths = {plain + QStringLiteral("/run.csv"),
                               QStringLiteral("/proc/self/shoal-run.csv")};
    for (const QString& path : paths) {
        const FileError error = RunExport::writeFile(path, "new");
        QCOMPARE(error.code, FileError::Code::CannotOpen);
        QCOMPARE(error.path, path);
        QVERIFY(!error.detail.isEmpty());
        QCOMPARE(RunExport::checkWritable(path).code, FileError::Code::CannotOpen);
        QVERIFY(!QFileInfo::exists(path));
    }
    QCOMPARE(readAll(plain), QByteArray("a file, not a folder"));
}

void TestRunExport::runningOutOfFileHandlesLeavesThePreviousFile()
{
    // No descriptor left for the temporary file: the open fails (EMFILE), for root too.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY(writeRaw(path, "previous run"));
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
    // Fill every descriptor up to a low limit, then lower the limit to it.
    std::vector<int> held;
    rlimit low = saved;
    low.rlim_cur = 64;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    for (;;) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            break;
        held.push_back(fd);
    }
    const FileError error = RunExport::writeFile(path, "new data");
    for (const int fd : held)
        ::close(fd);
    setrlimit(RLIMIT_NOFILE, &saved);
    QCOMPARE(error.code, FileError::Code::CannotOpen);
    QCOMPARE(error.path, path);
    QCOMPARE(readAll(path), QByteArray("previous run"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("run.csv")});
}

void TestRunExport::checkWritableTouchesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY(!RunExport::checkWritable(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY(writeRaw(path, "keep"));
    QVERIFY(!RunExport::checkWritable(path));
    QCOMPARE(readAll(path), QByteArray("keep"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("run.csv")});
}

void TestRunExport::aRunsCsvHeaderAndRowKeepTheirBytes()
{
    // The bytes a run's samples file has had since the format was fixed: column table and
    // outcome names must not change them.
    MetricsRow r;
    r.tSec = 1.5;
    r.poolSize = 4;
    r.waiting = 3;
    r.inFlight = 2;
    r.submitted = 100;
    r.completed = 80;
    r.timedOut = 5;
    r.canceled = 4;
    r.failed = 3;
    r.rejected = 2;
    r.notRunning = 1;
    r.throughputPerSec = 12.25;
    r.timeoutsPerSec = 0.5;
    r.latencyP50Ms = 1.5;
    r.latencyP99Ms = 2.25;
    r.latencyMaxMs = 10;
    r.queueWaitP95Ms = 0.125;
    r.serviceP95Ms = 0.75;
    r.limiterTokens = -1.5;
    r.offeredPerSec = 50;
    r.abandonedWorkers = 2;
    r.latencyMeanMs = 1.75;
    r.inSystemMean = 3.5;
    r.utilisation = 0.625;
    r.predictedQueueWaitP95Ms = 0.5;
    const QByteArray expected =
        "t_s,pool_size,waiting,in_flight,submitted,completed,timed_out,canceled,failed,rejected,"
        "not_running,throughput_per_s,timeouts_per_s,latency_p50_ms,latency_p95_ms,"
        "latency_p99_ms,latency_max_ms,queue_wait_p95_ms,service_p95_ms,limiter_tokens,"
        "offered_per_s,abandoned_workers,latency_mean_ms,in_system_mean,utilisation,"
        "predicted_latency_p95_ms,predicted_queue_wait_p95_ms\r\n"
        "1.500,4,3,2,100,80,5,4,3,2,1,12.25,0.50,1.5000,,2.2500,10.0000,0.1250,0.7500,-1.500,"
        "50.00,2,1.7500,3.5000,0.6250,,0.5000\r\n";
    QCOMPARE(RunExport::samplesCsv({r}), expected);
}

QTEST_GUILESS_MAIN(TestRunExport)
#include "tst_runexport.moc"
