#include "lab/presetformat.h"
#include "lab/presetlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace shoal;
using Code = ScenarioError::Code;

Q_DECLARE_METATYPE(shoal::ScenarioError::Code)

namespace {

/// A valid preset with \a sweep as its "sweep" section.
QByteArray withSweep(const QByteArray& sweep)
{
    return R"({"version": 1, "name": "t", "workload": {"kind": "synthetic"}, "sweep": )" + sweep +
           "}";
}

} // namespace

/// A preset's "sweep" section: read, written back, and refused naming the field at fault.
class TestPresetSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSweepSectionIsReadAndRoundTrips();
    void aRangeIsWrittenAsItsValues();
    void withoutASectionThereIsNoSweep();
    void theBuiltInSweepPresetCarriesItsSection();
    void badSweepSectionsNameTheField_data();
    void badSweepSectionsNameTheField();
};

void TestPresetSweep::aSweepSectionIsReadAndRoundTrips()
{
    ScenarioError error;
    const auto s =
        PresetFormat::parse(withSweep(R"({"keys": [{"key": "pool.size", "values": [1, 2, 4]},
                               {"key": "arrival.ratePerSec", "values": "100..300:100"}],
                      "pointSec": 2.5, "warmupSec": 0.5, "repeats": 3, "slo": "p99<=80"})"),
                            &error);
    QVERIFY2(s, qPrintable(error.path));
    QVERIFY(s->sweep);
    const SweepSpec& spec = *s->sweep;
    QCOMPARE(spec.axes.size(), 2);
    QCOMPARE(spec.axes[0].key, QStringLiteral("pool.size"));
    QCOMPARE(spec.axes[0].values, (QList<double>{1, 2, 4}));
    QCOMPARE(spec.axes[1].key, QStringLiteral("arrival.ratePerSec"));
    QCOMPARE(spec.axes[1].values, (QList<double>{100, 200, 300}));
    QCOMPARE(spec.pointSec, 2.5);
    QCOMPARE(spec.warmupSec, 0.5);
    QCOMPARE(spec.repeats, 3);
    QVERIFY(spec.slo);
    QCOMPARE(spec.slo->toString(), QStringLiteral("p99<=80"));

    const auto again = PresetFormat::parse(PresetFormat::serialize(*s), &error);
    QVERIFY2(again, qPrintable(error.path));
    QCOMPARE(again->sweep, s->sweep);
    QCOMPARE(*again, *s);
}

void TestPresetSweep::aRangeIsWrittenAsItsValues()
{
    ScenarioError error;
    const auto s = PresetFormat::parse(
        withSweep(R"({"keys": [{"key": "pool.size", "values": "1..4"}]})"), &error);
    QVERIFY2(s, qPrintable(error.path));
    // The defaults where the section is silent.
    QCOMPARE(s->sweep->pointSec, SweepSpec().pointSec);
    QCOMPARE(s->sweep->warmupSec, SweepSpec().warmupSec);
    QCOMPARE(s->sweep->repeats, 1);
    QVERIFY(!s->sweep->slo);
    const QJsonObject written = QJsonDocument::fromJson(PresetFormat::serialize(*s))
                                    .object()
                                    .value(QStringLiteral("sweep"))
                                    .toObject();
    const QJsonObject axis = written.value(QStringLiteral("keys")).toArray().at(0).toObject();
    QCOMPARE(axis.value(QStringLiteral("values")).toArray(), (QJsonArray{1, 2, 3, 4}));
    QVERIFY(!written.contains(QStringLiteral("slo")));
}

void TestPresetSweep::withoutASectionThereIsNoSweep()
{
    ScenarioError error;
    const auto s = PresetFormat::parse(
        R"({"version": 1, "name": "t", "workload": {"kind": "synthetic"}})", &error);
    QVERIFY(s);
    QVERIFY(!s->sweep);
    QVERIFY(!QJsonDocument::fromJson(PresetFormat::serialize(*s))
                 .object()
                 .contains(QStringLiteral("sweep")));
}

void TestPresetSweep::theBuiltInSweepPresetCarriesItsSection()
{
    const auto s = PresetLibrary::builtin(QStringLiteral("size-mmc-pool"));
    QVERIFY(s);
    QVERIFY(s->sweep);
    QCOMPARE(s->sweep->axes.size(), 1);
    QCOMPARE(s->sweep->axes[0].key, QStringLiteral("pool.size"));
    QVERIFY(s->sweep->slo);
}

void TestPresetSweep::badSweepSectionsNameTheField_data()
{
    QTest::addColumn<QByteArray>("sweep");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("path");
    const auto row = [](const char* name, const QByteArray& sweep, Code code, const char* path) {
        QTest::newRow(name) << sweep << code << QString::fromLatin1(path);
    };
    const QByteArray size = R"({"key": "pool.size", "values": [1, 2]})";
    row("not an object", "[1]", Code::WrongType, "sweep");
    row("unknown key", R"({"keys": [)" + size + R"(], "seconds": 3})", Code::UnknownKey,
        "sweep.seconds");
    row("no keys", R"({"pointSec": 3})", Code::MissingField, "sweep.keys");
    row("keys not a list", R"({"keys": "pool.size"})", Code::WrongType, "sweep.keys");
    row("no axes", R"({"keys": []})", Code::OutOfRange, "sweep.keys");
    row("three axes", R"({"keys": [)" + size + R"(, {"key": "arrival.callers", "values": [1]},
                     {"key": "call.timeoutMs", "values": [1]}]})",
        Code::OutOfRange, "sweep.keys");
    row("axis not an object", R"({"keys": [3]})", Code::WrongType, "sweep.keys[0]");
    row("unknown key in an axis", R"({"keys": [{"key": "pool.size", "values": [1], "step": 1}]})",
        Code::UnknownKey, "sweep.keys[0].step");
    row("axis without a key", R"({"keys": [{"values": [1]}]})", Code::MissingField,
        "sweep.keys[0].key");
    row("axis key not a string", R"({"keys": [{"key": 4, "values": [1]}]})", Code::WrongType,
        "sweep.keys[0].key");
    row("axis without values", R"({"keys": [{"key": "pool.size"}]})", Code::MissingField,
        "sweep.keys[0].values");
    row("values a number", R"({"keys": [{"key": "pool.size", "values": 4}]})", Code::WrongType,
        "sweep.keys[0].values");
    row("values an empty list", R"({"keys": [{"key": "pool.size", "values": []}]})", Code::Empty,
        "sweep.keys[0].values");
    row("a value not a number", R"({"keys": [{"key": "pool.size", "values": [1, "2"]}]})",
        Code::WrongType, "sweep.keys[0].values[1]");
    row("a value twice", R"({"keys": [{"key": "pool.size", "values": [1, 2, 1]}]})", Code::Unusable,
        "sweep.keys[0].values[2]");
    QByteArray many = R"({"keys": [{"key": "pool.size", "values": [)";
    for (int i = 1; i <= 201; ++i)
        many += QByteArray::number(i) + (i < 201 ? "," : "");
    row("too many values", many + "]}]}", Code::OutOfRange, "sweep.keys[0].values");
    row("an empty range", R"({"keys": [{"key": "pool.size", "values": "4..1"}]})", Code::Unusable,
        "sweep.keys[0].values");
    row("an empty text", R"({"keys": [{"key": "pool.size", "values": ""}]})", Code::Unusable,
        "sweep.keys[0].values");
    row("an unknown key", R"({"keys": [{"key": "pool.sise", "values": [1]}]})", Code::UnknownKey,
        "sweep.keys[0] (pool.sise)");
    row("a value out of range", R"({"keys": [{"key": "pool.size", "values": [1, 5000]}]})",
        Code::OutOfRange, "sweep.keys[0] (pool.size)");
    row("the same key twice", R"({"keys": [)" + size + R"(, {"key": "pool.size", "values": [3]}]})",
        Code::Conflict, "sweep.keys[1].key");
    row("the run's length", R"({"keys": [{"key": "run.durationSec", "values": [1, 2]}]})",
        Code::Unusable, "sweep.keys[0].key");
    row("pointSec a text", R"({"keys": [)" + size + R"(], "pointSec": "5"})", Code::WrongType,
        "sweep.pointSec");
    row("pointSec too short", R"({"keys": [)" + size + R"(], "pointSec": 0})", Code::OutOfRange,
        "sweep.pointSec");
    row("negative warm-up", R"({"keys": [)" + size + R"(], "warmupSec": -1})", Code::OutOfRange,
        "sweep.warmupSec");
    row("fractional repeats", R"({"keys": [)" + size + R"(], "repeats": 1.5})", Code::WrongType,
        "sweep.repeats");
    row("no repeats", R"({"keys": [)" + size + R"(], "repeats": 0})", Code::OutOfRange,
        "sweep.repeats");
    row("too many runs", R"({"keys": [)" + size + R"(], "repeats": 201})", Code::OutOfRange,
        "sweep.repeats");
    row("slo not a text", R"({"keys": [)" + size + R"(], "slo": 36})", Code::WrongType,
        "sweep.slo");
    row("unknown slo metric", R"({"keys": [)" + size + R"(], "slo": "p42<=5"})", Code::Unusable,
        "sweep.slo");
    row("slo of zero", R"({"keys": [)" + size + R"(], "slo": "p95<=0"})", Code::Unusable,
        "sweep.slo");
}

void TestPresetSweep::badSweepSectionsNameTheField()
{
    QFETCH(QByteArray, sweep);
    QFETCH(Code, code);
    QFETCH(QString, path);
    ScenarioError error;
    QVERIFY(!PresetFormat::parse(withSweep(sweep), &error));
    QCOMPARE(error.code, code);
    QCOMPARE(error.path, path);
}

QTEST_GUILESS_MAIN(TestPresetSweep)
#include "tst_presetsweep.moc"
