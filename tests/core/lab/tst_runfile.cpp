#include "filesizelimit.h"

#include "lab/presetformat.h"
#include "lab/presetlibrary.h"
#include "lab/runfile.h"
#include "lab/runsummary.h"
#include "lab/samplecolumns.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>

using namespace shoal;

namespace {

/// A record with every kind of value a run holds: fractions with every digit, NaN
/// percentiles, large counts, events with empty and quoted values.
RunRecord sampleRecord()
{
    RunRecord r;
    r.scenario = PresetLibrary::builtin(QStringLiteral("live-resize")).value();
    r.machine = MachineInfo::current();
    RunSummary summary;
    summary.presetName = r.scenario.name;
    summary.elapsedSec = 15.25;
    summary.latencyP95Ms = 51.123456789;
    summary.counters.submitted = 1800;
    r.summary = summary.toJson();
    for (int i = 0; i < 150; ++i) {
        MetricsRow row;
        row.tSec = 0.1 * (i + 1) + 1e-9 * i;
        row.intervalSec = 0.1 + 1e-12 * i;
        row.poolSize = i < 50 ? 8 : 2;
        row.submitted = 12 * i + (qint64(1) << 40);
        row.completed = 11 * i;
        row.timedOut = i / 7;
        row.waiting = i % 5;
        row.inFlight = i % 3;
        row.throughputPerSec = 110.0 / 3.0 + i;
        row.latencyP50Ms = i % 4 == 0 ? MetricsRow::None : std::sqrt(2.0) * i;
        row.latencyP95Ms = std::exp(1.0) + i;
        row.limiterTokens = -7.5 + 1.0 / 3.0;
        row.utilisation = 0.1234567890123456789;
        row.predictedLatencyP95Ms = i % 2 == 0 ? MetricsRow::None : 63.0 + 1e-10;
        r.samples.append(row);
    }
    r.events = {{5.0, QStringLiteral("pool.size"), QStringLiteral("8"), QStringLiteral("2")},
                {7.5, QStringLiteral("burst"), QString(), QStringLiteral("500")},
                {9.0, QStringLiteral("note"), QStringLiteral("a \"quoted\", comma"),
                 QStringLiteral("line\nbreak")}};
    // Two workers: one flips between idle and busy, one is abandoned and retires.
    for (int i = 0; i < 150; ++i) {
        WorkerProbe a;
        a.id = 3;
        a.state = i % 3 == 0 ? WorkerState::Idle : WorkerState::Busy;
        WorkerProbe b;
        b.id = 8;
        b.state = i < 100 ? WorkerState::Abandoned : WorkerState::Retiring;
        r.lanes.append(r.samples.at(i).tSec, i < 140 ? QList<WorkerProbe>{a, b} : QList{a});
    }
    return r;
}

/// \a root's lanes with \a change applied to segment \a segment of lane \a lane.
void changeSegment(QJsonObject& root, int lane, int segment,
                   const std::function<void(QJsonArray&)>& change)
{
    QJsonArray lanes = root.value(QStringLiteral("lanes")).toArray();
    QJsonObject o = lanes.at(lane).toObject();
    QJsonArray segments = o.value(QStringLiteral("segments")).toArray();
    QJsonArray values = segments.at(segment).toArray();
    change(values);
    segments[segment] = values;
    o[QStringLiteral("segments")] = segments;
    lanes[lane] = o;
    root[QStringLiteral("lanes")] = lanes;
}

/// The same bits, NaN equal to NaN.
bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

QJsonObject recordJson()
{
    return QJsonDocument::fromJson(RunFile::serialize(sampleRecord())).object();
}

QByteArray changed(const std::function<void(QJsonObject&)>& change)
{
    QJsonObject root = recordJson();
    change(root);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

/// \a root's samples with \a change applied to row \a row.
void changeRow(QJsonObject& root, int row, const std::function<void(QJsonArray&)>& change)
{
    QJsonArray samples = root.value(QStringLiteral("samples")).toArray();
    QJsonArray values = samples.at(row).toArray();
    change(values);
    samples[row] = values;
    root[QStringLiteral("samples")] = samples;
}

int columnIndex(const QString& name)
{
    const QJsonArray names = recordJson().value(QStringLiteral("sampleColumns")).toArray();
    for (qsizetype i = 0; i < names.size(); ++i)
        if (names.at(i).toString() == name)
            return static_cast<int>(i);
    return -1;
}

} // namespace

class TestRunFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void savedAndOpenedRunIsTheSameRun();
    void columnsAreReadByNameInAnyOrder();
    void damagedFilesAreRefusedWithTheirReason_data();
    void damagedFilesAreRefusedWithTheirReason();
    void aMissingFileIsUnreadableAndAFailedWriteKeepsTheOldFile();
    void aFileWithoutLanesHasNone();
    void everyCutOfAFileIsCutShort();
};

void TestRunFile::savedAndOpenedRunIsTheSameRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a.shoalrun"));
    const RunRecord saved = sampleRecord();
    const RunFileError written = RunFile::write(path, saved);
    QVERIFY2(!written, qPrintable(written.file.detail));

    RunFileError error;
    const std::optional<RunRecord> opened = RunFile::read(path, &error);
    QVERIFY2(opened.has_value(), qPrintable(error.field + QLatin1Char(' ') + error.detail));
    QCOMPARE(PresetFormat::serialize(opened->scenario), PresetFormat::serialize(saved.scenario));
    QCOMPARE(opened->machine, saved.machine);
    QVERIFY(!opened->machine.cpu.isEmpty());
    QVERIFY(opened->machine.cores > 0);
    QCOMPARE(opened->summary, saved.summary);
    QCOMPARE(opened->events, saved.events);
    QCOMPARE(opened->samples.size(), saved.samples.size());
    for (qsizetype i = 0; i < saved.samples.size(); ++i) {
        for (const SampleColumn& column : sampleColumnTable())
            QVERIFY2(sameNumber(column.get(opened->samples.at(i)), column.get(saved.samples.at(i))),
                     qPrintable(QStringLiteral("row %1, %2").arg(i).arg(column.name)));
        QVERIFY(sameNumber(opened->samples.at(i).intervalSec, saved.samples.at(i).intervalSec));
    }
    // Each worker's states, segment for segment.
    QCOMPARE(opened->lanes.lanes().size(), std::size_t(2));
    QCOMPARE(opened->lanes.latestSec(), saved.lanes.latestSec());
    for (const auto& [id, lane] : saved.lanes.lanes()) {
        const WorkerTimeline::Lane& back = opened->lanes.lanes().at(id);
        QCOMPARE(back.lastSeenSec, lane.lastSeenSec);
        QCOMPARE(back.segments.size(), lane.segments.size());
        for (std::size_t k = 0; k < lane.segments.size(); ++k) {
            QVERIFY(sameNumber(back.segments[k].startSec, lane.segments[k].startSec));
            QVERIFY(sameNumber(back.segments[k].endSec, lane.segments[k].endSec));
            QCOMPARE(back.segments[k].state, lane.segments[k].state);
        }
    }
    QVERIFY(saved.lanes.lanes().at(3).segments.size() > 90); // the flips are kept
    QCOMPARE(saved.lanes.lanes().at(8).segments.back().state, WorkerState::Retiring);
    // Saving what was opened writes the same file.
    QCOMPARE(RunFile::serialize(*opened), RunFile::serialize(saved));
}

void TestRunFile::columnsAreReadByNameInAnyOrder()
{
    QJsonObject root = recordJson();
    QJsonArray names = root.value(QStringLiteral("sampleColumns")).toArray();
    QJsonArray samples = root.value(QStringLiteral("samples")).toArray();
    // Swap the first two columns in the header and in every row.
    const QJsonValue first = names.at(0);
    names[0] = names.at(1);
    names[1] = first;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        QJsonArray row = samples.at(i).toArray();
        const QJsonValue v = row.at(0);
        row[0] = row.at(1);
        row[1] = v;
        samples[i] = row;
    }
    root[QStringLiteral("sampleColumns")] = names;
    root[QStringLiteral("samples")] = samples;
    RunFileError error;
    const std::optional<RunRecord> opened =
        RunFile::parse(QJsonDocument(root).toJson(), QStringLiteral("x.shoalrun"), &error);
    QVERIFY2(opened.has_value(), qPrintable(error.field));
    QCOMPARE(opened->samples.at(3).tSec, sampleRecord().samples.at(3).tSec);
    QCOMPARE(opened->samples.at(3).poolSize, 8);
}

void TestRunFile::damagedFilesAreRefusedWithTheirReason_data()
{
    using Code = RunFileError::Code;
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    const QByteArray good = RunFile::serialize(sampleRecord());
    const int poolSize = columnIndex(QStringLiteral("pool_size"));
    const int p95 = columnIndex(QStringLiteral("latency_p95_ms"));
    QVERIFY(poolSize >= 0 && p95 >= 0);
    QVERIFY(good.contains("null") && good.contains("false"));

    QTest::newRow("cut in half") << good.left(good.size() / 2) << int(Code::Truncated) << "";
    QTest::newRow("last byte missing") << good.trimmed().chopped(1) << int(Code::Truncated) << "";
    QTest::newRow("empty") << QByteArray() << int(Code::Truncated) << "";
    QTest::newRow("cut inside a null")
        << good.left(good.indexOf("null") + 2) << int(Code::Truncated) << "";
    QTest::newRow("cut inside a false")
        << good.left(good.indexOf("false") + 3) << int(Code::Truncated) << "";
    QTest::newRow("not JSON") << QByteArray("{\"format\" = 3, \"x\": 1}") << int(Code::BadJson)
                              << "";
    QTest::newRow("a preset, not a run")
        << PresetFormat::serialize(sampleRecord().scenario) << int(Code::NotARunFile) << "format";
    QTest::newRow("an array") << QByteArray("[1, 2]") << int(Code::NotARunFile) << "format";
    QTest::newRow("other format") << changed([](QJsonObject& o) {
        o[QStringLiteral("format")] = QStringLiteral("k6");
    }) << int(Code::NotARunFile) << "format";
    QTest::newRow("newer version")
        << changed([](QJsonObject& o) { o[QStringLiteral("version")] = 2; })
        << int(Code::NewerVersion) << "version";
    QTest::newRow("version a string")
        << changed([](QJsonObject& o) { o[QStringLiteral("version")] = QStringLiteral("1"); })
        << int(Code::WrongType) << "version";
    QTest::newRow("version zero") << changed([](QJsonObject& o) {
        o[QStringLiteral("version")] = 0;
    }) << int(Code::BadValue) << "version";
    QTest::newRow("no version") << changed(
                                       [](QJsonObject& o) { o.remove(QStringLiteral("version")); })
                                << int(Code::MissingField) << "version";
    QTest::newRow("unknown key") << changed([](QJsonObject& o) { o[QStringLiteral("extra")] = 1; })
                                 << int(Code::UnknownKey) << "extra";
    QTest::newRow("no samples") << changed(
                                       [](QJsonObject& o) { o.remove(QStringLiteral("samples")); })
                                << int(Code::MissingField) << "samples";
    QTest::newRow("samples an object")
        << changed([](QJsonObject& o) { o[QStringLiteral("samples")] = QJsonObject(); })
        << int(Code::WrongType) << "samples";
    QTest::newRow("a value a string") << changed([p95](QJsonObject& o) {
        changeRow(o, 7, [p95](QJsonArray& r) { r[p95] = QStringLiteral("12.5"); });
    }) << int(Code::WrongType) << QStringLiteral("samples[7][%1]").arg(p95);
    QTest::newRow("a count with a fraction") << changed([poolSize](QJsonObject& o) {
        changeRow(o, 9, [poolSize](QJsonArray& r) { r[poolSize] = 2.5; });
    }) << int(Code::WrongType) << QStringLiteral("samples[9][%1]").arg(poolSize);
    QTest::newRow("a count null") << changed([poolSize](QJsonObject& o) {
        changeRow(o, 0, [poolSize](QJsonArray& r) { r[poolSize] = QJsonValue(); });
    }) << int(Code::WrongType) << QStringLiteral("samples[0][%1]").arg(poolSize);
    QTest::newRow("a row too short")
        << changed([](QJsonObject& o) { changeRow(o, 4, [](QJsonArray& r) { r.removeLast(); }); })
        << int(Code::BadValue) << "samples[4]";
    QTest::newRow("unknown column") << changed([](QJsonObject& o) {
        QJsonArray names = o.value(QStringLiteral("sampleColumns")).toArray();
        names[2] = QStringLiteral("queue_len");
        o[QStringLiteral("sampleColumns")] = names;
    }) << int(Code::BadValue) << "sampleColumns[2]";
    QTest::newRow("a column twice") << changed([](QJsonObject& o) {
        QJsonArray names = o.value(QStringLiteral("sampleColumns")).toArray();
        names[2] = names.at(1);
        o[QStringLiteral("sampleColumns")] = names;
    }) << int(Code::BadValue) << "sampleColumns[2]";
    QTest::newRow("machine cores a string") << changed([](QJsonObject& o) {
        QJsonObject m = o.value(QStringLiteral("machine")).toObject();
        m[QStringLiteral("cores")] = QStringLiteral("two");
        o[QStringLiteral("machine")] = m;
    }) << int(Code::WrongType) << "machine.cores";
    QTest::newRow("event without what") << changed([](QJsonObject& o) {
        QJsonArray events = o.value(QStringLiteral("events")).toArray();
        QJsonObject e = events.at(1).toObject();
        e.remove(QStringLiteral("what"));
        events[1] = e;
        o[QStringLiteral("events")] = events;
    }) << int(Code::MissingField) << "events[1].what";
    QTest::newRow("lanes an object")
        << changed([](QJsonObject& o) { o[QStringLiteral("lanes")] = QJsonObject(); })
        << int(Code::WrongType) << "lanes";
    QTest::newRow("a lane without id") << changed([](QJsonObject& o) {
        QJsonArray lanes = o.value(QStringLiteral("lanes")).toArray();
        QJsonObject lane = lanes.at(1).toObject();
        lane.remove(QStringLiteral("id"));
        lanes[1] = lane;
        o[QStringLiteral("lanes")] = lanes;
    }) << int(Code::MissingField) << "lanes[1].id";
    QTest::newRow("an unknown worker state") << changed([](QJsonObject& o) {
        changeSegment(o, 0, 2, [](QJsonArray& v) { v[2] = QStringLiteral("sleeping"); });
    }) << int(Code::BadValue) << "lanes[0].segments[2][2]";
    QTest::newRow("a segment ending before it starts") << changed([](QJsonObject& o) {
        changeSegment(o, 0, 4, [](QJsonArray& v) { v[1] = v.at(0).toDouble() - 1; });
    }) << int(Code::BadValue) << "lanes[0].segments[4]";
    QTest::newRow("a segment's start a string") << changed([](QJsonObject& o) {
        changeSegment(o, 1, 0, [](QJsonArray& v) { v[0] = QStringLiteral("0.1"); });
    }) << int(Code::WrongType) << "lanes[1].segments[0][0]";
    QTest::newRow("a segment of two values") << changed([](QJsonObject& o) {
        changeSegment(o, 1, 0, [](QJsonArray& v) { v.removeLast(); });
    }) << int(Code::BadValue) << "lanes[1].segments[0]";
    QTest::newRow("bad scenario") << changed([](QJsonObject& o) {
        QJsonObject s = o.value(QStringLiteral("scenario")).toObject();
        QJsonObject pool = s.value(QStringLiteral("pool")).toObject();
        pool[QStringLiteral("size")] = -3;
        s[QStringLiteral("pool")] = pool;
        o[QStringLiteral("scenario")] = s;
    }) << int(Code::BadScenario) << "scenario";
}

void TestRunFile::damagedFilesAreRefusedWithTheirReason()
{
    QFETCH(QByteArray, data);
    QFETCH(int, code);
    QFETCH(QString, field);
    RunFileError error;
    const std::optional<RunRecord> record =
        RunFile::parse(data, QStringLiteral("/runs/b.shoalrun"), &error);
    QVERIFY(!record.has_value());
    QCOMPARE(int(error.code), code);
    QCOMPARE(error.path, QStringLiteral("/runs/b.shoalrun"));
    QCOMPARE(error.field, field);
    if (error.code == RunFileError::Code::NewerVersion)
        QCOMPARE(error.version, 2);
    if (error.code == RunFileError::Code::BadScenario)
        QCOMPARE(error.scenario.path, QStringLiteral("pool.size"));
}

void TestRunFile::aMissingFileIsUnreadableAndAFailedWriteKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunFileError error;
    QVERIFY(!RunFile::read(dir.filePath(QStringLiteral("none.shoalrun")), &error));
    QCOMPARE(error.code, RunFileError::Code::Unreadable);

    // A folder where the file should go: the write fails and says so.
    const RunFileError intoFolder = RunFile::write(dir.path(), sampleRecord());
    QCOMPARE(intoFolder.code, RunFileError::Code::Unwritable);

    // A write that fails half way (the file size limit, for root too) keeps the old file.
    const QString path = dir.filePath(QStringLiteral("kept.shoalrun"));
    RunRecord small = sampleRecord();
    small.samples.resize(2);
    QVERIFY(!RunFile::write(path, small));
    const QByteArray before = RunFile::serialize(small);
    RunFileError failed;
    {
        const test::FileSizeLimit limit(before.size() + 512);
        QVERIFY(limit.applied());
        failed = RunFile::write(path, sampleRecord());
    }
    QCOMPARE(failed.code, RunFileError::Code::Unwritable);
    QCOMPARE(failed.path, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(RunFile::read(path, &error).has_value());
}

void TestRunFile::aFileWithoutLanesHasNone()
{
    // Run files kept no lanes at first; such a file still opens, with none.
    const QByteArray data = changed([](QJsonObject& o) { o.remove(QStringLiteral("lanes")); });
    RunFileError error;
    const std::optional<RunRecord> record =
        RunFile::parse(data, QStringLiteral("old.shoalrun"), &error);
    QVERIFY2(record.has_value(), qPrintable(error.field));
    QVERIFY(record->lanes.lanes().empty());
    QCOMPARE(record->samples.size(), sampleRecord().samples.size());
}

void TestRunFile::everyCutOfAFileIsCutShort()
{
    // Wherever a write stopped (inside a number, a string, a null or just after one), the file
    // is "cut short", never "not JSON". A few rows keep it small enough to try every length.
    RunRecord record = sampleRecord();
    record.samples = record.samples.mid(0, 4);
    const QByteArray good = RunFile::serialize(record).trimmed();
    QVERIFY(good.contains(",null,") && good.contains("false"));
    for (qsizetype n = 1; n < good.size(); ++n) {
        RunFileError error;
        QVERIFY(!RunFile::parse(good.left(n), QStringLiteral("x.shoalrun"), &error));
        QVERIFY2(error.code == RunFileError::Code::Truncated,
                 qPrintable(QStringLiteral("cut at %1 of %2: code %3, ...%4")
                                .arg(n)
                                .arg(good.size())
                                .arg(int(error.code))
                                .arg(QString::fromUtf8(good.left(n).right(16)))));
    }
}

QTEST_GUILESS_MAIN(TestRunFile)
#include "tst_runfile.moc"
