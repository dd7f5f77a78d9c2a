// The percentile spectrum of a histogram with known contents: the points sit on the nines
// scale, each latency is the histogram's percentile there, and the JSON form reads back.

#include "lab/latencyspectrum.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <chrono>

using namespace shoal;
using namespace std::chrono_literals;

class TestLatencySpectrum : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pointsFollowTheHistogramOnTheNinesScale();
    void emptyHistogramsGiveEmptySpectra();
    void ninesScaleSpacesTheTail();
    void jsonReadsBack();
    void otherJsonIsRefused();
};

namespace {

/// 1 ms, 2 ms, ... 1000 ms, each once.
LatencyHistogram uniformMs()
{
    LatencyHistogram h;
    for (int ms = 1; ms <= 1000; ++ms)
        h.record(std::chrono::milliseconds(ms));
    return h;
}

} // namespace

void TestLatencySpectrum::pointsFollowTheHistogramOnTheNinesScale()
{
    const QList<LatencySpectrum::Point> points = LatencySpectrum::of(uniformMs());
    QCOMPARE(points.size(), LatencySpectrum::kNines * LatencySpectrum::kStepsPerNine + 2);
    QCOMPARE(points.first().percentile, 0.0);
    QCOMPARE(points.at(LatencySpectrum::kStepsPerNine).percentile, 90.0);
    QCOMPARE(points.last().percentile, 100.0);
    for (qsizetype i = 1; i < points.size(); ++i) {
        QVERIFY(points.at(i).percentile > points.at(i - 1).percentile);
        QVERIFY(points.at(i).ms >= points.at(i - 1).ms);
    }
    // The histogram's own percentiles, within its 0.8% buckets.
    const double p90 = points.at(LatencySpectrum::kStepsPerNine).ms;
    QVERIFY2(std::abs(p90 - 900) < 900 * 0.01, qPrintable(QString::number(p90)));
    const double p99 = points.at(2 * LatencySpectrum::kStepsPerNine).ms;
    QVERIFY2(std::abs(p99 - 990) < 990 * 0.01, qPrintable(QString::number(p99)));
    QVERIFY2(std::abs(points.last().ms - 1000) < 1000 * 0.01,
             qPrintable(QString::number(points.last().ms)));
}

void TestLatencySpectrum::emptyHistogramsGiveEmptySpectra()
{
    const LatencySpectrum s =
        LatencySpectrum::of(LatencyHistogram(), uniformMs(), LatencyHistogram());
    QVERIFY(s.endToEnd.isEmpty());
    QVERIFY(!s.queueWait.isEmpty());
    QVERIFY(s.service.isEmpty());
}

void TestLatencySpectrum::ninesScaleSpacesTheTail()
{
    QCOMPARE(LatencySpectrum::ninesOf(0), 0.0);
    QVERIFY(std::abs(LatencySpectrum::ninesOf(90) - 1) < 1e-12);
    QVERIFY(std::abs(LatencySpectrum::ninesOf(99) - 2) < 1e-12);
    QVERIFY(std::abs(LatencySpectrum::ninesOf(99.9) - 3) < 1e-9);
    // The maximum a little past the last point.
    QVERIFY(LatencySpectrum::ninesOf(100) > LatencySpectrum::kNines);
}

void TestLatencySpectrum::jsonReadsBack()
{
    const LatencySpectrum s = LatencySpectrum::of(uniformMs(), uniformMs(), LatencyHistogram());
    const std::optional<LatencySpectrum> back = LatencySpectrum::fromJson(s.toJson());
    QVERIFY(back);
    QCOMPARE(*back, s);
}

void TestLatencySpectrum::otherJsonIsRefused()
{
    QVERIFY(!LatencySpectrum::fromJson(QJsonValue()));
    QVERIFY(!LatencySpectrum::fromJson(QJsonObject{{QStringLiteral("endToEnd"), 3}}));
    const QJsonObject badPair{{QStringLiteral("endToEnd"), QJsonArray{QJsonArray{50}}},
                              {QStringLiteral("queueWait"), QJsonArray()},
                              {QStringLiteral("service"), QJsonArray()}};
    QVERIFY(!LatencySpectrum::fromJson(badPair));
}

QTEST_GUILESS_MAIN(TestLatencySpectrum)
#include "tst_latencyspectrum.moc"
