#include "lab/presetassignment.h"
#include "lab/presetformat.h"
#include "lab/presetlibrary.h"
#include "lab/settingstable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace shoal;
using Code = ScenarioError::Code;

Q_DECLARE_METATYPE(shoal::ScenarioError::Code)

namespace {

/// A small valid preset; tests break one field at a time.
QByteArray minimal(const QByteArray& extra = QByteArray())
{
    return R"({"version": 1, "name": "t", "workload": {"kind": "synthetic"})" + extra + "}";
}

/// A preset that changes every key from its default.
Scenario everything()
{
    Scenario s;
    s.name = QStringLiteral("every, key \"quoted\"");
    s.description = QStringLiteral("line one\nline two");
    s.watch = QStringLiteral("the queue");
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("distribution"), QStringLiteral("bimodal")},
                        {QStringLiteral("meanMs"), 2.5},
                        {QStringLiteral("gpuSlots"), qint64(2)},
                        {QStringLiteral("honourInterrupt"), false}};
    s.poolSize = 7;
    s.maxWaiting = 33;
    s.dispatchOrder = DispatchOrder::LongestIdleFirst;
    s.callApi = CallApi::ProcessCtx;
    s.timeoutMs = 12.5;
    s.arrivalMode = ArrivalMode::Closed;
    s.arrivalProcess = ArrivalProcess::Poisson;
    s.ratePerSec = 123.25;
    s.callers = 9;
    s.thinkMs = 3.5;
    s.seed = (quint64(1) << 53) - 1;
    s.limiterEnabled = true;
    s.limiterRate = 77.5;
    s.limiterBurst = 4;
    s.durationSec = 42.5;
    s.drainSec = 0.5;
    s.samplerPeriodMs = 250;
    using A = Scenario::Action;
    s.timeline = {
        {1, A::SetSize, qint64(2), {}},
        {1.5, A::SetTimeout, 50.0, {}},
        {2, A::SetRate, 10.0, {}},
        {2, A::SetCallers, qint64(3), {}},
        {3, A::SetLimit, 5.0, {}},
        {3, A::SetBurst, qint64(2), {}},
        {4, A::SetMaxWaiting, qint64(-1), {}},
        {4, A::SetApi, QStringLiteral("processTimed"), {}},
        {5, A::Burst, qint64(100), {}},
        {6, A::CancelAll, {}, {}},
        {7, A::SetParam, 8.0, QStringLiteral("meanMs")},
        {8, A::ClosePool, {}, {}},
    };
    return s;
}

} // namespace

class TestPresetFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aMinimalPresetTakesDefaults();
    void badPresetsNameTheFieldAndTheReason_data();
    void badPresetsNameTheFieldAndTheReason();
    void badJsonCarriesTheOffset();
    void rangesAreCarried();
    void savingAndLoadingRoundTrips();
    void everyBuiltInPresetRoundTrips();
    void assignmentsUseThePresetKeys_data();
    void assignmentsUseThePresetKeys();
    void badAssignmentsNameTheKey_data();
    void badAssignmentsNameTheKey();
    void changingTheWorkloadKindDropsTheOldParameters();
    void commandArgsAreAListReadWrittenAndAssigned();
    void anUnknownKeyInAnySectionIsNamed_data();
    void anUnknownKeyInAnySectionIsNamed();
    void everySettingIsWrittenReadAndAssigned();
    void dispatchOrderReadsWritesAndRefusesABadChoice();
};

void TestPresetFormat::aMinimalPresetTakesDefaults()
{
    ScenarioError error;
    const auto s = PresetFormat::parse(minimal(), &error);
    QVERIFY2(s, qPrintable(error.path));
    Scenario expected;
    expected.name = QStringLiteral("t");
    QCOMPARE(*s, expected);
}

void TestPresetFormat::badPresetsNameTheFieldAndTheReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("path");
    const auto row = [](const char* name, const QByteArray& json, Code code, const char* path) {
        QTest::newRow(name) << json << code << QString::fromLatin1(path);
    };
    row("empty", "", Code::BadJson, "");
    row("truncated", minimal().chopped(3), Code::BadJson, "");
    row("NaN", minimal(R"(, "pool": {"size": NaN})"), Code::BadJson, "");
    row("infinity", minimal(R"(, "arrival": {"ratePerSec": 1e999})"), Code::BadJson, "");
    row("not an object", "[1, 2]", Code::NotAnObject, "");
    row("nested 100000 deep", QByteArray(100'000, '['), Code::BadJson, "");
    row("nested 100000 deep, closed", QByteArray(100'000, '[') + QByteArray(100'000, ']'),
        Code::BadJson, "");
    row("nested objects deep in a key",
        minimal(R"(, "pool": )" + QByteArray(5000, '[') + QByteArray(5000, ']')), Code::BadJson,
        "");
    row("binary junk", QByteArray("\x00\xFF\xFE{\x01", 5), Code::BadJson, "");
    row("huge number", minimal(R"(, "pool": {"size": 1e309})"), Code::BadJson, "");
    row("NaN as text", minimal(R"(, "arrival": {"ratePerSec": "NaN"})"), Code::WrongType,
        "arrival.ratePerSec");
    row("Infinity as text", minimal(R"(, "call": {"timeoutMs": "Infinity"})"), Code::WrongType,
        "call.timeoutMs");
    row("size a huge integer", minimal(R"(, "pool": {"size": 99999999999999999999})"),
        Code::OutOfRange, "pool.size");
    row("maxWaiting below -1", minimal(R"(, "pool": {"maxWaiting": -2})"), Code::OutOfRange,
        "pool.maxWaiting");
    row("drain negative", minimal(R"(, "run": {"drainSec": -1})"), Code::OutOfRange,
        "run.drainSec");
    row("callers as array", minimal(R"(, "arrival": {"callers": [4]})"), Code::WrongType,
        "arrival.callers");
    row("workload params as text",
        R"({"version": 1, "name": "t", "workload": {"kind": "synthetic", "params": "fast"}})",
        Code::WrongType, "workload.params");
    row("no version", R"({"name": "t", "workload": {"kind": "hash"}})", Code::MissingField,
        "version");
    row("version 2", R"({"version": 2, "name": "t", "workload": {"kind": "hash"}})",
        Code::OutOfRange, "version");
    row("version as text", R"({"version": "1", "name": "t", "workload": {"kind": "hash"}})",
        Code::WrongType, "version");
    row("no name", R"({"version": 1, "workload": {"kind": "hash"}})", Code::MissingField, "name");
    row("empty name", R"({"version": 1, "name": "", "workload": {"kind": "hash"}})", Code::Empty,
        "name");
    row("no workload", R"({"version": 1, "name": "t"})", Code::MissingField, "workload");
    row("workload not an object", R"({"version": 1, "name": "t", "workload": 3})", Code::WrongType,
        "workload");
    row("unknown workload", R"({"version": 1, "name": "t", "workload": {"kind": "zip"}})",
        Code::UnknownWorkloadKind, "workload.kind");
    row("unknown top-level key", minimal(R"(, "colour": "red")"), Code::UnknownKey, "colour");
    row("unknown nested key", minimal(R"(, "pool": {"size": 2, "sise": 3})"), Code::UnknownKey,
        "pool.sise");
    row("unknown workload param",
        R"({"version": 1, "name": "t", "workload": {"kind": "hash", "params": {"size": 1}}})",
        Code::UnknownKey, "workload.params.size");
    row("param wrong type",
        R"({"version": 1, "name": "t", "workload": {"kind": "synthetic", "params": {"meanMs": "5"}}})",
        Code::WrongType, "workload.params.meanMs");
    row("param out of range",
        R"({"version": 1, "name": "t", "workload": {"kind": "synthetic", "params": {"meanMs": -1}}})",
        Code::OutOfRange, "workload.params.meanMs");
    row("param bad choice",
        R"({"version": 1, "name": "t", "workload": {"kind": "synthetic", "params": {"mode": "nap"}}})",
        Code::NotOneOf, "workload.params.mode");
    row("size as text", minimal(R"(, "pool": {"size": "4"})"), Code::WrongType, "pool.size");
    row("size fractional", minimal(R"(, "pool": {"size": 2.5})"), Code::WrongType, "pool.size");
    row("size negative", minimal(R"(, "pool": {"size": -1})"), Code::OutOfRange, "pool.size");
    row("size huge", minimal(R"(, "pool": {"size": 1e300})"), Code::OutOfRange, "pool.size");
    row("rate negative", minimal(R"(, "arrival": {"ratePerSec": -0.5})"), Code::OutOfRange,
        "arrival.ratePerSec");
    row("rate as bool", minimal(R"(, "arrival": {"ratePerSec": true})"), Code::WrongType,
        "arrival.ratePerSec");
    row("rate null", minimal(R"(, "arrival": {"ratePerSec": null})"), Code::WrongType,
        "arrival.ratePerSec");
    row("seed huge", minimal(R"(, "arrival": {"seed": 1e17})"), Code::OutOfRange, "arrival.seed");
    row("bad api", minimal(R"(, "call": {"api": "processFast"})"), Code::NotOneOf, "call.api");
    row("bad mode", minimal(R"(, "arrival": {"mode": "ajar"})"), Code::NotOneOf, "arrival.mode");
    row("bad dispatch order", minimal(R"(, "pool": {"dispatchOrder": "fastest"})"), Code::NotOneOf,
        "pool.dispatchOrder");
    row("limiter enabled as number", minimal(R"(, "limiter": {"enabled": 1})"), Code::WrongType,
        "limiter.enabled");
    row("section not an object", minimal(R"(, "call": [])"), Code::WrongType, "call");
    row("duration and jobs", minimal(R"(, "run": {"durationSec": 3, "jobs": 10})"), Code::Conflict,
        "run");
    row("duration zero", minimal(R"(, "run": {"durationSec": 0})"), Code::OutOfRange,
        "run.durationSec");
    row("period too short", minimal(R"(, "sampler": {"periodMs": 1})"), Code::OutOfRange,
        "sampler.periodMs");
    row("timeline not an array", minimal(R"(, "timeline": {})"), Code::WrongType, "timeline");
    row("timeline entry not an object", minimal(R"(, "timeline": [5])"), Code::WrongType,
        "timeline[0]");
    row("bad timeline action",
        minimal(
            R"(, "timeline": [{"atSec": 1, "action": "setSize", "value": 2}, {"atSec": 2, "action": "explode"}])"),
        Code::NotOneOf, "timeline[1].action");
    row("timeline without time", minimal(R"(, "timeline": [{"action": "cancelAll"}])"),
        Code::MissingField, "timeline[0].atSec");
    row("timeline negative time",
        minimal(R"(, "timeline": [{"atSec": -1, "action": "cancelAll"}])"), Code::OutOfRange,
        "timeline[0].atSec");
    row("timeline without action", minimal(R"(, "timeline": [{"atSec": 1}])"), Code::MissingField,
        "timeline[0].action");
    row("timeline missing value", minimal(R"(, "timeline": [{"atSec": 1, "action": "setRate"}])"),
        Code::MissingField, "timeline[0].value");
    row("timeline value out of range",
        minimal(R"(, "timeline": [{"atSec": 1, "action": "setSize", "value": 5000}])"),
        Code::OutOfRange, "timeline[0].value");
    row("timeline value for cancelAll",
        minimal(R"(, "timeline": [{"atSec": 1, "action": "cancelAll", "value": 1}])"),
        Code::UnknownKey, "timeline[0].value");
    row("timeline unknown key",
        minimal(R"(, "timeline": [{"atSec": 1, "action": "burst", "value": 3, "when": 2}])"),
        Code::UnknownKey, "timeline[0].when");
    row("setParam without key",
        minimal(R"(, "timeline": [{"atSec": 1, "action": "setParam", "value": 3}])"),
        Code::MissingField, "timeline[0].key");
    row("setParam unknown key",
        minimal(
            R"(, "timeline": [{"atSec": 1, "action": "setParam", "key": "colour", "value": 3}])"),
        Code::UnknownKey, "timeline[0].key");
    row("setParam bad value",
        minimal(
            R"(, "timeline": [{"atSec": 1, "action": "setParam", "key": "meanMs", "value": "x"}])"),
        Code::WrongType, "timeline[0].value");
    row("command args a string",
        R"({"version": 1, "name": "t", "workload": {"kind": "command", "params": {"args": "-c"}}})",
        Code::WrongType, "workload.params.args");
    row("command args with a number",
        R"({"version": 1, "name": "t", "workload": {"kind": "command", "params": {"args": ["-c", 3]}}})",
        Code::WrongType, "workload.params.args");
    row("command program missing",
        R"({"version": 1, "name": "t", "workload": {"kind": "command", "params": {"program": "/no/such/program"}}})",
        Code::Unusable, "workload.params.program");
    row("command program not on PATH",
        R"({"version": 1, "name": "t", "workload": {"kind": "command", "params": {"program": "no-such-program-xyz"}}})",
        Code::Unusable, "workload.params.program");
    row("key on another action",
        minimal(R"(, "timeline": [{"atSec": 1, "action": "burst", "key": "meanMs", "value": 3}])"),
        Code::UnknownKey, "timeline[0].key");
}

void TestPresetFormat::badPresetsNameTheFieldAndTheReason()
{
    QFETCH(QByteArray, json);
    QFETCH(Code, code);
    QFETCH(QString, path);
    ScenarioError error;
    QVERIFY(!PresetFormat::parse(json, &error));
    QCOMPARE(error.code, code);
    QCOMPARE(error.path, path);
}

void TestPresetFormat::badJsonCarriesTheOffset()
{
    ScenarioError error;
    QVERIFY(!PresetFormat::parse(R"({"version": 1, "name": "t",, })", &error));
    QCOMPARE(error.code, Code::BadJson);
    // Where the parser stopped: at the second comma.
    QVERIFY2(error.offset >= 26 && error.offset <= 28, qPrintable(QString::number(error.offset)));
    QVERIFY(error.jsonError != 0);
}

void TestPresetFormat::rangesAreCarried()
{
    ScenarioError error;
    QVERIFY(!PresetFormat::parse(minimal(R"(, "arrival": {"callers": 20000})"), &error));
    QCOMPARE(error.minimum, QVariant(qint64(0)));
    QCOMPARE(error.maximum, QVariant(qint64(10'000)));
    QVERIFY(!PresetFormat::parse(minimal(R"(, "call": {"timeoutMs": -3})"), &error));
    QCOMPARE(error.minimum.toDouble(), 0.0);
    QCOMPARE(error.maximum.toDouble(), 3'600'000.0);
    QVERIFY(!PresetFormat::parse(minimal(R"(, "call": {"api": "x"})"), &error));
    QCOMPARE(error.allowed, callApiNames());
    QCOMPARE(error.detail, QStringLiteral("x"));
    QVERIFY(!PresetFormat::parse(R"({"version": 1, "name": "t", "workload": {"kind": "zip"}})",
                                 &error));
    QCOMPARE(error.allowed, QStringList({QStringLiteral("command"), QStringLiteral("hash"),
                                         QStringLiteral("image"), QStringLiteral("synthetic")}));
    QCOMPARE(error.detail, QStringLiteral("zip"));
}

void TestPresetFormat::savingAndLoadingRoundTrips()
{
    const Scenario x = everything();
    ScenarioError error;
    const auto loaded = PresetFormat::parse(PresetFormat::serialize(x), &error);
    QVERIFY2(loaded, qPrintable(error.path));
    QCOMPARE(*loaded, x);

    Scenario jobs = x;
    jobs.jobs = 5000;
    const auto loadedJobs = PresetFormat::parse(PresetFormat::serialize(jobs), &error);
    QVERIFY2(loadedJobs, qPrintable(error.path));
    QCOMPARE(*loadedJobs, jobs);
    QVERIFY(!(*loadedJobs == x));
}

void TestPresetFormat::everyBuiltInPresetRoundTrips()
{
    QVERIFY(!PresetLibrary::builtins().isEmpty());
    for (const Scenario& preset : PresetLibrary::builtins()) {
        ScenarioError error;
        const auto loaded = PresetFormat::parse(PresetFormat::serialize(preset), &error);
        QVERIFY2(loaded, qPrintable(preset.name + QLatin1Char(' ') + error.path));
        QCOMPARE(*loaded, preset);
    }
}

void TestPresetFormat::assignmentsUseThePresetKeys_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("pool size") << "pool.size=3"
                               << "pool.size" << QVariant(3);
    QTest::newRow("api") << "call.api=processCtx"
                         << "call.api" << QVariant(QStringLiteral("processCtx"));
    QTest::newRow("rate") << "arrival.ratePerSec=2.5e2"
                          << "arrival.ratePerSec" << QVariant(250.0);
    QTest::newRow("limiter") << "limiter.enabled=true"
                             << "limiter.enabled" << QVariant(true);
    QTest::newRow("param number") << "workload.params.meanMs=20"
                                  << "workload.params.meanMs" << QVariant(20.0);
    QTest::newRow("param integer") << "workload.params.gpuSlots=2"
                                   << "workload.params.gpuSlots" << QVariant(qint64(2));
    QTest::newRow("param choice") << "workload.params.mode=spin"
                                  << "workload.params.mode" << QVariant(QStringLiteral("spin"));
    QTest::newRow("name with =") << "name=a=b"
                                 << "name" << QVariant(QStringLiteral("a=b"));
    QTest::newRow("jobs") << "run.jobs=500"
                          << "run.jobs" << QVariant(qint64(500));
    QTest::newRow("timeline") << "timeline=[]"
                              << "timeline" << QVariant(0);
}

void TestPresetFormat::assignmentsUseThePresetKeys()
{
    QFETCH(QString, assignment);
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    Scenario base = everything();
    base.durationSec = 30;
    ScenarioError error;
    const auto s = PresetAssignment::apply(base, assignment, &error);
    QVERIFY2(s, qPrintable(error.path));
    QVariant actual;
    if (key == QStringLiteral("pool.size"))
        actual = s->poolSize;
    else if (key == QStringLiteral("call.api"))
        actual = callApiName(s->callApi);
    else if (key == QStringLiteral("arrival.ratePerSec"))
        actual = s->ratePerSec;
    else if (key == QStringLiteral("limiter.enabled"))
        actual = s->limiterEnabled;
    else if (key.startsWith(QStringLiteral("workload.params.")))
        actual = s->workloadParams.value(key.mid(16));
    else if (key == QStringLiteral("name"))
        actual = s->name;
    else if (key == QStringLiteral("run.jobs"))
        actual = s->jobs;
    else if (key == QStringLiteral("timeline"))
        actual = static_cast<int>(s->timeline.size());
    QCOMPARE(actual, value);
    if (key == QStringLiteral("run.jobs")) {
        // Jobs replace the duration, and the reverse.
        const auto back = PresetAssignment::apply(*s, QStringLiteral("run.durationSec=4"), &error);
        QVERIFY(back);
        QCOMPARE(back->jobs, 0);
        QCOMPARE(back->durationSec, 4.0);
    }
}

void TestPresetFormat::badAssignmentsNameTheKey_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("no equals") << "pool.size" << Code::BadAssignment << "";
    QTest::newRow("unknown key") << "pool.sise=3" << Code::UnknownKey << "pool.sise";
    QTest::newRow("section") << "pool=3" << Code::UnknownKey << "pool";
    QTest::newRow("unknown param")
        << "workload.params.colour=3" << Code::UnknownKey << "workload.params.colour";
    QTest::newRow("not a number") << "arrival.ratePerSec=fast" << Code::WrongType
                                  << "arrival.ratePerSec";
    QTest::newRow("nan") << "arrival.ratePerSec=nan" << Code::WrongType << "arrival.ratePerSec";
    QTest::newRow("fraction for integer") << "pool.size=2.5" << Code::WrongType << "pool.size";
    QTest::newRow("out of range") << "pool.size=-2" << Code::OutOfRange << "pool.size";
    QTest::newRow("not a bool") << "limiter.enabled=yes" << Code::WrongType << "limiter.enabled";
    QTest::newRow("bad choice") << "call.api=processFast" << Code::NotOneOf << "call.api";
    QTest::newRow("bad kind") << "workload.kind=zip" << Code::UnknownWorkloadKind
                              << "workload.kind";
    QTest::newRow("param out of range")
        << "workload.params.sigma=9" << Code::OutOfRange << "workload.params.sigma";
    QTest::newRow("timeline not json") << "timeline=[{" << Code::WrongType << "timeline";
    QTest::newRow("timeline bad action")
        << R"(timeline=[{"atSec":1,"action":"boom"}])" << Code::NotOneOf << "timeline[0].action";
}

void TestPresetFormat::badAssignmentsNameTheKey()
{
    QFETCH(QString, assignment);
    QFETCH(Code, code);
    QFETCH(QString, path);
    ScenarioError error;
    QVERIFY(!PresetAssignment::apply(everything(), assignment, &error));
    QCOMPARE(error.code, code);
    QCOMPARE(error.path, path);
}

void TestPresetFormat::commandArgsAreAListReadWrittenAndAssigned()
{
    ScenarioError error;
    const auto read = PresetFormat::parse(
        R"({"version": 1, "name": "t", "workload": {"kind": "command",
            "params": {"program": "sh", "args": ["-c", "exec cat", ""]}}})",
        &error);
    QVERIFY2(read, qPrintable(error.path));
    const QStringList args{QStringLiteral("-c"), QStringLiteral("exec cat"), QString()};
    QCOMPARE(read->workloadParams.value(QStringLiteral("args")), QVariant(args));

    // Written back as a JSON array, and read again unchanged.
    const QJsonObject written = PresetFormat::toJson(*read);
    const QJsonValue arrayBack = written.value(QStringLiteral("workload"))
                                     .toObject()
                                     .value(QStringLiteral("params"))
                                     .toObject()
                                     .value(QStringLiteral("args"));
    QVERIFY(arrayBack.isArray());
    QCOMPARE(arrayBack.toArray().size(), 3);
    const auto again = PresetFormat::parse(PresetFormat::serialize(*read), &error);
    QVERIFY2(again, qPrintable(error.path));
    QCOMPARE(again->workloadParams, read->workloadParams);

    // --set takes the array as a preset spells it.
    const auto set = PresetAssignment::apply(
        *read, QStringLiteral(R"(workload.params.args=["-c","tr a-z A-Z"])"), &error);
    QVERIFY2(set, qPrintable(error.path));
    QCOMPARE(set->workloadParams.value(QStringLiteral("args")),
             QVariant(QStringList{QStringLiteral("-c"), QStringLiteral("tr a-z A-Z")}));
    for (const QString& bad :
         {QStringLiteral("workload.params.args=-c"), QStringLiteral("workload.params.args=[1,2]"),
          QStringLiteral("workload.params.args={}")}) {
        QVERIFY2(!PresetAssignment::apply(*read, bad, &error), qPrintable(bad));
        QCOMPARE(error.code, Code::WrongType);
        QCOMPARE(error.path, QStringLiteral("workload.params.args"));
    }
    // A program that cannot be started is refused with its path.
    QVERIFY(!PresetAssignment::apply(
        *read, QStringLiteral("workload.params.program=/no/such/program"), &error));
    QCOMPARE(error.code, Code::Unusable);
    QCOMPARE(error.path, QStringLiteral("workload.params.program"));
    QVERIFY2(error.detail.contains(QStringLiteral("/no/such/program")), qPrintable(error.detail));
}

void TestPresetFormat::changingTheWorkloadKindDropsTheOldParameters()
{
    Scenario base = everything();
    base.timeline.clear();
    ScenarioError error;
    const auto s = PresetAssignment::apply(base, QStringLiteral("workload.kind=hash"), &error);
    QVERIFY2(s, qPrintable(error.path));
    QCOMPARE(s->workloadKind, QStringLiteral("hash"));
    QVERIFY(s->workloadParams.isEmpty());
    const auto same =
        PresetAssignment::apply(base, QStringLiteral("workload.kind=synthetic"), &error);
    QVERIFY(same);
    QCOMPARE(same->workloadParams, base.workloadParams);
}

void TestPresetFormat::anUnknownKeyInAnySectionIsNamed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    // One row per section of the settings table: the last key of each used to take any key.
    QSet<QString> sections;
    for (const Setting& setting : SettingsTable::all()) {
        const qsizetype dot = setting.path.indexOf(QLatin1Char('.'));
        if (dot < 0 || setting.path.startsWith(QStringLiteral("workload.")))
            continue;
        const QString section = setting.path.left(dot);
        if (sections.contains(section))
            continue;
        sections.insert(section);
        const QByteArray extra = ", \"" + section.toUtf8() + "\": {\"colour\": 1}";
        QTest::newRow(qPrintable(section)) << minimal(extra) << section + QStringLiteral(".colour");
    }
    QTest::newRow("workload") << QByteArray(R"({"version": 1, "name": "t", "workload": )"
                                            R"({"kind": "synthetic", "colour": 1}})")
                              << QStringLiteral("workload.colour");
    QCOMPARE(sections.size(), 6); // pool, call, arrival, limiter, run, sampler
}

void TestPresetFormat::anUnknownKeyInAnySectionIsNamed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    ScenarioError error;
    QVERIFY(!PresetFormat::parse(json, &error));
    QCOMPARE(error.code, Code::UnknownKey);
    QCOMPARE(error.path, path);
}

void TestPresetFormat::everySettingIsWrittenReadAndAssigned()
{
    // Each key of the table is in the written preset, reads back as written, and can be set
    // with an assignment of the value the table's getter gives.
    const Scenario s = everything();
    const QJsonObject json = PresetFormat::toJson(s);
    for (const Setting& setting : SettingsTable::all()) {
        const QStringList parts = setting.path.split(QLatin1Char('.'));
        const QJsonValue written = parts.size() == 1
                                       ? json.value(parts.at(0))
                                       : json.value(parts.at(0)).toObject().value(parts.at(1));
        if (setting.saved && !setting.saved(s)) {
            QVERIFY2(written.isUndefined(), qPrintable(setting.path));
            continue;
        }
        QVERIFY2(!written.isUndefined(), qPrintable(setting.path));
        QCOMPARE(written.toVariant().toString(), setting.get(s).toString());

        ScenarioError error;
        const QString assignment =
            setting.path + QLatin1Char('=') + SettingsTable::text(setting.get(everything()));
        Scenario base;
        base.name = QStringLiteral("base");
        const auto assigned = PresetAssignment::apply(base, assignment, &error);
        QVERIFY2(assigned, qPrintable(assignment + QStringLiteral(": ") + error.path));
        QCOMPARE(setting.get(*assigned), setting.get(s));
    }
    ScenarioError error;
    const auto back = PresetFormat::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error.path));
    QCOMPARE(*back, s);
}

void TestPresetFormat::dispatchOrderReadsWritesAndRefusesABadChoice()
{
    ScenarioError error;
    const auto plain = PresetFormat::parse(minimal(), &error);
    QVERIFY2(plain, qPrintable(error.path));
    QCOMPARE(plain->dispatchOrder, DispatchOrder::NewestIdleFirst); // the faster one by default

    const auto rotating =
        PresetFormat::parse(minimal(R"(, "pool": {"dispatchOrder": "longest-idle"})"), &error);
    QVERIFY2(rotating, qPrintable(error.path));
    QCOMPARE(rotating->dispatchOrder, DispatchOrder::LongestIdleFirst);
    const QJsonObject written = PresetFormat::toJson(*rotating);
    QCOMPARE(
        written.value(QStringLiteral("pool")).toObject().value(QStringLiteral("dispatchOrder")),
        QJsonValue(QStringLiteral("longest-idle")));
    QCOMPARE(PresetFormat::toJson(*plain)
                 .value(QStringLiteral("pool"))
                 .toObject()
                 .value(QStringLiteral("dispatchOrder")),
             QJsonValue(QStringLiteral("newest-idle")));

    // A bad choice names the key, the value and the choices.
    QVERIFY(!PresetFormat::parse(minimal(R"(, "pool": {"dispatchOrder": "fifo"})"), &error));
    QCOMPARE(error.code, Code::NotOneOf);
    QCOMPARE(error.path, QStringLiteral("pool.dispatchOrder"));
    QCOMPARE(error.detail, QStringLiteral("fifo"));
    QCOMPARE(error.allowed,
             QStringList({QStringLiteral("newest-idle"), QStringLiteral("longest-idle")}));
    QVERIFY(!PresetFormat::parse(minimal(R"(, "pool": {"dispatchOrder": 1})"), &error));
    QCOMPARE(error.code, Code::WrongType);
    QCOMPARE(error.path, QStringLiteral("pool.dispatchOrder"));

    // --set takes the same spelling and refuses the same way.
    const auto assigned =
        PresetAssignment::apply(*plain, QStringLiteral("pool.dispatchOrder=longest-idle"), &error);
    QVERIFY2(assigned, qPrintable(error.path));
    QCOMPARE(assigned->dispatchOrder, DispatchOrder::LongestIdleFirst);
    QVERIFY(!PresetAssignment::apply(*plain, QStringLiteral("pool.dispatchOrder=oldest"), &error));
    QCOMPARE(error.code, Code::NotOneOf);
    QCOMPARE(error.path, QStringLiteral("pool.dispatchOrder"));
}

QTEST_GUILESS_MAIN(TestPresetFormat)
#include "tst_presetformat.moc"
