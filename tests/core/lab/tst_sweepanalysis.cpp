#include "lab/sweepanalysis.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>

using namespace shoal;

namespace {

const QString kSize = QStringLiteral("pool.size");
const QString kRate = QStringLiteral("arrival.ratePerSec");

SweepPoint point(double size, double p95, int repeat = 0)
{
    SweepPoint p;
    p.values.insert(kSize, size);
    p.repeat = repeat;
    p.throughputPerSec = 100 * size;
    p.offeredPerSec = 100 * size;
    p.latencyMs = {p95 / 2, p95, p95 * 1.5, p95 / 1.5};
    p.queueWaitP95Ms = p95 / 4;
    p.utilisation = 0.5;
    return p;
}

/// pool.size 1..8 with p95 = 100 / size ms, repeats identical.
QList<SweepPoint> hyperbola(int repeats = 1)
{
    QList<SweepPoint> points;
    for (int r = 0; r < repeats; ++r) {
        for (int size = 1; size <= 8; ++size)
            points.append(point(size, 100.0 / size, r));
    }
    return points;
}

SweepSlo slo(const char* text)
{
    const std::optional<SweepSlo> parsed = parseSweepSlo(QString::fromUtf8(text));
    Q_ASSERT(parsed);
    return *parsed;
}

SweepRecommendation recommend(const QList<SweepPoint>& points, const char* objective)
{
    const SweepAnalysis a = analyseSweep({kSize}, points, {slo(objective), false});
    Q_ASSERT(a.groups.size() == 1 && a.groups[0].recommendation);
    return *a.groups[0].recommendation;
}

/// A point whose power (throughput / mean latency) is given.
SweepPoint powered(double size, double throughput, double meanMs, int repeat = 0)
{
    SweepPoint p = point(size, 10, repeat);
    p.throughputPerSec = throughput;
    p.latencyMs.mean = meanMs;
    return p;
}

} // namespace

class TestSweepAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAnSlo_data();
    void parsesAnSlo();
    void refusesABadSlo_data();
    void refusesABadSlo();
    void recommendsTheSmallestValueMeeting();
    void recommendsTheSmallestTriedWhenAllMeet();
    void saysWhenNoneMeets();
    void oneFailingRepeatDisqualifiesAValue();
    void aRepeatWithoutAFigureFails();
    void usesTheChosenMetric();
    void recommendsPerValueOfASecondKey();
    void findsTheKneeAtTheHighestPower();
    void kneeTiesGoToTheSmallerValueAndNaNsAreSkipped();
    void kneeAveragesRepeats();
    void fitsTheScalingLawWhenAsked();
    void writesTheSummaryBlocksForOneKey();
    void writesTheSummaryBlocksForTwoKeys();
    void writesAPointAsTheSummaryNamesIt();
};

void TestSweepAnalysis::parsesAnSlo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("metric");
    QTest::addColumn<double>("limit");
    QTest::newRow("p95") << QStringLiteral("p95<=36") << int(SweepSlo::Metric::P95) << 36.0;
    QTest::newRow("p50") << QStringLiteral("p50<=1.5") << int(SweepSlo::Metric::P50) << 1.5;
    QTest::newRow("p99 upper case")
        << QStringLiteral("P99<=200") << int(SweepSlo::Metric::P99) << 200.0;
    QTest::newRow("wait, spaced, ms")
        << QStringLiteral(" wait_p95 <= 2.5 ms ") << int(SweepSlo::Metric::WaitP95) << 2.5;
}

void TestSweepAnalysis::parsesAnSlo()
{
    QFETCH(QString, text);
    QFETCH(int, metric);
    QFETCH(double, limit);
    SweepSloError error;
    error.code = SweepSloError::Code::Empty; // must be cleared
    const std::optional<SweepSlo> parsed = parseSweepSlo(text, &error);
    QVERIFY(parsed);
    QVERIFY(!error);
    QCOMPARE(int(parsed->metric), metric);
    QCOMPARE(parsed->limitMs, limit);
    QCOMPARE(parseSweepSlo(parsed->toString()), parsed);
}

void TestSweepAnalysis::refusesABadSlo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("piece");
    using Code = SweepSloError::Code;
    const auto row = [](const char* name, const char* text, Code code, int position,
                        const char* piece) {
        QTest::newRow(name) << QString::fromUtf8(text) << int(code) << position
                            << QString::fromUtf8(piece);
    };
    row("empty", "", Code::Empty, 0, "");
    row("strict less", "p95<36", Code::NoOperator, 0, "p95<36");
    row("greater", "p95>=36", Code::NoOperator, 0, "p95>=36");
    row("unknown metric", " p90<=36", Code::UnknownMetric, 1, "p90");
    row("no metric", "<=36", Code::UnknownMetric, 0, "");
    row("not a number", "p95<=fast", Code::NotANumber, 5, "fast");
    row("no limit", "p95<=", Code::NotANumber, 5, "");
    row("infinite", "p95<=inf", Code::NotANumber, 5, "inf");
    row("only ms", "p95<=ms", Code::NotANumber, 5, "ms");
    row("zero", "p95<=0", Code::NotPositive, 5, "0");
    row("negative", "p99 <= -3", Code::NotPositive, 7, "-3");
}

void TestSweepAnalysis::refusesABadSlo()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(int, position);
    QFETCH(QString, piece);
    SweepSloError error;
    QVERIFY(!parseSweepSlo(text, &error));
    QCOMPARE(int(error.code), code);
    QCOMPARE(error.position, position);
    QCOMPARE(error.text, piece);
}

void TestSweepAnalysis::recommendsTheSmallestValueMeeting()
{
    const SweepRecommendation r = recommend(hyperbola(), "p95<=30");
    QCOMPARE(r.key, kSize);
    QCOMPARE(r.value, 4.0);
    QCOMPARE(r.reason, SweepRecommendation::Reason::SmallestMeeting);
    QCOMPARE(r.figureMs, 25.0);
    QCOMPARE(r.throughputPerSec, 400.0);
    QCOMPARE(r.smallerValue, 3.0);
    QCOMPARE(r.smallerFigureMs, 100.0 / 3);
    QCOMPARE(r.slo, slo("p95<=30"));
}

void TestSweepAnalysis::recommendsTheSmallestTriedWhenAllMeet()
{
    const SweepRecommendation r = recommend(hyperbola(), "p95<=100");
    QCOMPARE(r.value, 1.0);
    QCOMPARE(r.reason, SweepRecommendation::Reason::SmallestTriedMeets);
    QVERIFY(!r.smallerValue);
    QVERIFY(std::isnan(r.smallerFigureMs));
}

void TestSweepAnalysis::saysWhenNoneMeets()
{
    const SweepRecommendation r = recommend(hyperbola(), "p95<=12");
    QVERIFY(!r.value);
    QCOMPARE(r.reason, SweepRecommendation::Reason::NoneMeets);
    QCOMPARE(r.smallerValue, 8.0); // the largest tried, and how far it is
    QCOMPARE(r.smallerFigureMs, 12.5);
}

void TestSweepAnalysis::oneFailingRepeatDisqualifiesAValue()
{
    QList<SweepPoint> points = hyperbola(3);
    for (SweepPoint& p : points) {
        if (p.values.value(kSize) == 4 && p.repeat == 1)
            p.latencyMs.p95 = 31;
    }
    const SweepRecommendation r = recommend(points, "p95<=30");
    QCOMPARE(r.value, 5.0);
    QCOMPARE(r.smallerValue, 4.0);
    QCOMPARE(r.smallerFigureMs, 31.0); // the worst repeat is the one quoted
}

void TestSweepAnalysis::aRepeatWithoutAFigureFails()
{
    QList<SweepPoint> points = hyperbola(2);
    for (SweepPoint& p : points) {
        if (p.values.value(kSize) == 4 && p.repeat == 0)
            p.latencyMs.p95 = std::nan("");
    }
    const SweepRecommendation r = recommend(points, "p95<=30");
    QCOMPARE(r.value, 5.0);
    QVERIFY(std::isnan(r.smallerFigureMs));
}

void TestSweepAnalysis::usesTheChosenMetric()
{
    // wait p95 = 25 / size, p99 = 150 / size, p50 = 50 / size.
    QCOMPARE(recommend(hyperbola(), "wait_p95<=5").value, 5.0);
    QCOMPARE(recommend(hyperbola(), "p99<=30").value, 5.0);
    QCOMPARE(recommend(hyperbola(), "p50<=30").value, 2.0);
}

void TestSweepAnalysis::recommendsPerValueOfASecondKey()
{
    QList<SweepPoint> points;
    for (const double rate : {200.0, 100.0}) {
        for (int size = 1; size <= 6; ++size) {
            SweepPoint p = point(size, rate / size);
            p.values.insert(kRate, rate);
            points.append(p);
        }
    }
    SweepPoint stray = point(3, 1); // no second-key value: left out
    points.append(stray);
    const SweepAnalysis a = analyseSweep({kSize, kRate}, points, {slo("p95<=40"), false});
    QCOMPARE(a.groups.size(), 2);
    QCOMPARE(a.groups[0].where, 100.0);
    QCOMPARE(a.groups[0].recommendation->value, 3.0); // 33 ms; 2 gives 50
    QCOMPARE(a.groups[0].recommendation->smallerFigureMs, 50.0);
    QCOMPARE(a.groups[1].where, 200.0);
    QCOMPARE(a.groups[1].recommendation->value, 5.0); // 40 ms; 4 gives 50
    QCOMPARE(a.groups[1].recommendation->smallerValue, 4.0);
}

void TestSweepAnalysis::findsTheKneeAtTheHighestPower()
{
    // Throughput 10 n against mean latency (n - 5)^2 + 1: power 10 n / ((n-5)^2 + 1) peaks at
    // n = 5 (50), well above n = 6 (30) and n = 4 (20).
    QList<SweepPoint> points;
    for (int n = 10; n >= 1; --n)
        points.append(powered(n, 10 * n, (n - 5) * (n - 5) + 1));
    const SweepAnalysis a = analyseSweep({kSize}, points, {});
    QVERIFY(a.groups[0].knee);
    QCOMPARE(a.groups[0].knee->key, kSize);
    QCOMPARE(a.groups[0].knee->value, 5.0);
    QCOMPARE(a.groups[0].knee->power, 50.0);
    QVERIFY(!a.groups[0].recommendation); // no SLO, no recommendation
    QVERIFY(!a.groups[0].usl);            // not asked
}

void TestSweepAnalysis::kneeTiesGoToTheSmallerValueAndNaNsAreSkipped()
{
    QList<SweepPoint> points{powered(1, 100, 10), powered(2, 200, 10), powered(3, 300, 15),
                             powered(4, 100, 1)};
    points[3].latencyMs.mean = std::nan(""); // the would-be winner has no mean latency
    points.append(powered(5, std::nan(""), 1));
    points.append(powered(6, 1000, 0)); // zero latency: no finite power
    const SweepAnalysis a = analyseSweep({kSize}, points, {});
    QCOMPARE(a.groups[0].knee->value, 2.0); // 2 and 3 both give 20
    const SweepAnalysis none = analyseSweep({kSize}, {points[3], points[4], points[5]}, {});
    QVERIFY(!none.groups[0].knee);
    QVERIFY(!analyseSweep({kSize}, {}, {}).groups[0].knee);
}

void TestSweepAnalysis::kneeAveragesRepeats()
{
    // Value 2 has one lucky repeat (power 40) but averages 200 / 10 = 20 < value 1's 25.
    const QList<SweepPoint> points{powered(1, 100, 4, 0), powered(1, 100, 4, 1),
                                   powered(2, 200, 5, 0), powered(2, 200, 15, 1)};
    const SweepAnalysis a = analyseSweep({kSize}, points, {});
    QCOMPARE(a.groups[0].knee->value, 1.0);
    QCOMPARE(a.groups[0].knee->latencyMeanMs, 4.0);
}

void TestSweepAnalysis::fitsTheScalingLawWhenAsked()
{
    QList<SweepPoint> points;
    for (int r = 0; r < 2; ++r) {
        for (int n = 1; n <= 16; ++n) {
            SweepPoint p = point(n, 10, r);
            p.throughputPerSec = UslFit::throughputAt(n, 300, 0.04, 0.003);
            points.append(p);
        }
    }
    points.append(powered(20, std::nan(""), 1)); // no throughput: left out of the fit
    const SweepAnalysis a = analyseSweep({kSize}, points, {std::nullopt, true});
    const std::optional<UslFit>& fit = a.groups[0].usl;
    QVERIFY(fit && fit->isFitted());
    QVERIFY(std::abs(fit->sigma - 0.04) < 1e-6);
    QVERIFY(std::abs(fit->kappa - 0.003) < 1e-8);
    QCOMPARE(fit->residuals.size(), 32);
    QCOMPARE(a.groups[0].uslPoints.size(), 32);
    const QJsonObject usl = a.toJson().value(QStringLiteral("usl")).toObject();
    QVERIFY(std::abs(usl.value(QStringLiteral("sigma")).toDouble() - 0.04) < 1e-6);
    QVERIFY(std::abs(usl.value(QStringLiteral("peakAt")).toDouble() - std::sqrt(0.96 / 0.003)) <
            1e-3);
    QVERIFY(usl.value(QStringLiteral("r2")).toDouble() > 0.999);
    const QJsonArray residuals = usl.value(QStringLiteral("residuals")).toArray();
    QCOMPARE(residuals.size(), 32);
    QCOMPARE(residuals[17].toObject().value(QStringLiteral("value")).toDouble(), 2.0);
    QCOMPARE(residuals[17].toObject().value(QStringLiteral("repeat")).toInt(), 1);

    // Too few distinct values: asked for, not fitted, null in JSON.
    const SweepAnalysis few =
        analyseSweep({kSize}, {point(1, 1), point(2, 1)}, {std::nullopt, true});
    QVERIFY(few.groups[0].usl && !few.groups[0].usl->isFitted());
    QVERIFY(few.toJson().value(QStringLiteral("usl")).isNull());
}

void TestSweepAnalysis::writesTheSummaryBlocksForOneKey()
{
    const QJsonObject json = analyseSweep({kSize}, hyperbola(), {slo("p95<=30"), false}).toJson();
    const QJsonObject r = json.value(QStringLiteral("recommendation")).toObject();
    QCOMPARE(r.value(QStringLiteral("key")).toString(), kSize);
    QCOMPARE(r.value(QStringLiteral("value")).toDouble(), 4.0);
    QCOMPARE(r.value(QStringLiteral("slo")).toString(), QStringLiteral("p95<=30"));
    QCOMPARE(r.value(QStringLiteral("reason")).toString(), QStringLiteral("smallestMeeting"));
    QCOMPARE(
        r.value(QStringLiteral("smaller")).toObject().value(QStringLiteral("value")).toDouble(),
        3.0);
    const QJsonObject knee = json.value(QStringLiteral("knee")).toObject();
    QCOMPARE(knee.value(QStringLiteral("key")).toString(), kSize);
    QVERIFY(knee.contains(QStringLiteral("value")));
    QVERIFY(json.value(QStringLiteral("usl")).isNull());

    const QJsonObject none = analyseSweep({kSize}, hyperbola(), {slo("p95<=1"), false}).toJson();
    const QJsonObject noneR = none.value(QStringLiteral("recommendation")).toObject();
    QVERIFY(noneR.value(QStringLiteral("value")).isNull());
    QCOMPARE(noneR.value(QStringLiteral("reason")).toString(), QStringLiteral("noneMeets"));

    const QJsonObject empty = analyseSweep({kSize}, {}, {slo("p95<=1"), true}).toJson();
    QVERIFY(empty.value(QStringLiteral("recommendation")).isNull());
    QVERIFY(empty.value(QStringLiteral("knee")).isNull());
    QVERIFY(empty.value(QStringLiteral("usl")).isNull());
}

void TestSweepAnalysis::writesTheSummaryBlocksForTwoKeys()
{
    QList<SweepPoint> points;
    for (const double rate : {100.0, 200.0}) {
        for (int size = 1; size <= 4; ++size) {
            SweepPoint p = point(size, rate / size);
            p.values.insert(kRate, rate);
            points.append(p);
        }
    }
    const QJsonObject json = analyseSweep({kSize, kRate}, points, {slo("p95<=50"), false}).toJson();
    const QJsonArray recommendations = json.value(QStringLiteral("recommendation")).toArray();
    QCOMPARE(recommendations.size(), 2);
    const QJsonObject second = recommendations[1].toObject();
    QCOMPARE(second.value(QStringLiteral("where")).toObject().value(kRate).toDouble(), 200.0);
    QCOMPARE(second.value(QStringLiteral("value")).toDouble(), 4.0);
    QCOMPARE(recommendations[0].toObject().value(QStringLiteral("value")).toDouble(), 2.0);
    QCOMPARE(json.value(QStringLiteral("knee")).toArray().size(), 2);
    const QJsonArray usl = json.value(QStringLiteral("usl")).toArray();
    QCOMPARE(usl.size(), 2);
    QCOMPARE(usl[0].toObject().keys(), QStringList{QStringLiteral("where")}); // not asked
}

void TestSweepAnalysis::writesAPointAsTheSummaryNamesIt()
{
    SweepPoint p = point(4, 20, 2);
    p.timedOut = 3;
    p.latencyMs.p99 = std::nan("");
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("values")).toObject().value(kSize).toDouble(), 4.0);
    QCOMPARE(json.value(QStringLiteral("repeat")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("throughputPerSec")).toDouble(), 400.0);
    const QJsonObject latency = json.value(QStringLiteral("latencyMs")).toObject();
    QCOMPARE(latency.value(QStringLiteral("p95")).toDouble(), 20.0);
    QVERIFY(latency.value(QStringLiteral("p99")).isNull());
    QVERIFY(latency.contains(QStringLiteral("mean")));
    QCOMPARE(json.value(QStringLiteral("queueWaitP95Ms")).toDouble(), 5.0);
    QCOMPARE(json.value(QStringLiteral("timedOut")).toInt(), 3);
    for (const char* key : {"offeredPerSec", "utilisation", "canceled", "failed", "rejected"})
        QVERIFY2(json.contains(QString::fromUtf8(key)), key);
}

QTEST_GUILESS_MAIN(TestSweepAnalysis)
#include "tst_sweepanalysis.moc"
