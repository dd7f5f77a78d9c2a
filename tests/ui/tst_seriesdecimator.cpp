// SeriesDecimator: at most four points per bucket, in x order, extremes kept; fed a point at a
// time, with what scrolls out dropped, it keeps what thinning the window afresh would.

#include "ui/seriesdecimator.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

class TestSeriesDecimator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsEverythingWhenThereIsRoom();
    void keepsTheSpikeOfAThinnedSeries();
    void leavesOutPointsWithoutAValue();
    void breaksOnceForARunOfPointsWithoutAValue();
    void staysInXOrderWithinABucket();
    void aFlatBucketStillDrawsALine();
    void theBucketBeingFilledShowsAsItStands();
    void droppingWhatScrollsOutMatchesThinningTheWindowAfresh();
};

void TestSeriesDecimator::keepsEverythingWhenThereIsRoom()
{
    SeriesDecimator d(0.1);
    for (int i = 0; i <= 10; ++i)
        d.add(i, i * i);
    const QList<QPointF> points = d.points();
    QCOMPARE(points.size(), 11);
    for (int i = 0; i <= 10; ++i)
        QCOMPARE(points[i], QPointF(i, i * i));
}

void TestSeriesDecimator::keepsTheSpikeOfAThinnedSeries()
{
    // An hour at 100 ms onto 250 buckets, flat but for one sample.
    SeriesDecimator d(3600.0 / 250);
    for (int i = 0; i < 36'000; ++i)
        d.add(i * 0.1, i == 12'345 ? 999.0 : 1.0);
    const QList<QPointF> points = d.points();
    QVERIFY(points.size() <= 1000);
    QVERIFY(points.size() >= 250);
    bool spike = false;
    for (const QPointF& p : points)
        spike = spike || (p.y() == 999.0 && std::abs(p.x() - 1234.5) < 1e-6);
    QVERIFY(spike);
}

void TestSeriesDecimator::leavesOutPointsWithoutAValue()
{
    SeriesDecimator d(1);
    d.add(12, std::numeric_limits<double>::quiet_NaN());
    d.add(13, std::numeric_limits<double>::infinity());
    d.add(14, 3);
    const QList<QPointF> points = d.points();
    QCOMPARE(points.size(), 1);
    QCOMPARE(points[0], QPointF(14, 3));
}

void TestSeriesDecimator::staysInXOrderWithinABucket()
{
    SeriesDecimator d(10);
    d.add(1, 5);
    d.add(2, 9); // high first
    d.add(3, 0); // then low
    d.add(4, 5);
    const QList<QPointF> points = d.points();
    QCOMPARE(points.size(), 4);
    QCOMPARE(points[0], QPointF(1, 5));
    QCOMPARE(points[1], QPointF(2, 9));
    QCOMPARE(points[2], QPointF(3, 0));
    QCOMPARE(points[3], QPointF(4, 5));
}

void TestSeriesDecimator::aFlatBucketStillDrawsALine()
{
    // Early in a run every point falls in the first bucket; a constant series must still
    // span it, or nothing is drawn.
    SeriesDecimator d(6);
    for (int i = 0; i < 5; ++i)
        d.add(i * 0.1, 0);
    const QList<QPointF> points = d.points();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[0], QPointF(0, 0));
    QCOMPARE(points[1], QPointF(0.4, 0));
}

void TestSeriesDecimator::theBucketBeingFilledShowsAsItStands()
{
    // A live chart reads the points after every new row: the newest bucket is drawn to its
    // newest point, and reading changes nothing.
    SeriesDecimator d(1);
    d.add(0.1, 1);
    d.add(0.2, 7);
    QCOMPARE(d.points(), (QList<QPointF>{{0.1, 1}, {0.2, 7}}));
    d.add(0.3, 2);
    QCOMPARE(d.points(), (QList<QPointF>{{0.1, 1}, {0.2, 7}, {0.3, 2}}));
    d.add(1.5, 4); // the next bucket
    QCOMPARE(d.points(), (QList<QPointF>{{0.1, 1}, {0.2, 7}, {0.3, 2}, {1.5, 4}}));
}

void TestSeriesDecimator::droppingWhatScrollsOutMatchesThinningTheWindowAfresh()
{
    // A 30 s window sliding over 100 s of a jagged series, 0.5 s buckets: fed once and
    // dropped as the window moves, against a decimator fed the window's rows from scratch
    // (after its first whole bucket, where the two may cut differently).
    const auto value = [](int i) { return std::sin(i * 0.7) * 10 + (i % 13 == 0 ? 50 : 0); };
    SeriesDecimator live(0.5);
    for (int i = 1; i <= 1000; ++i) {
        const double t = i * 0.1;
        live.add(t, value(i));
        const double from = std::max(0.0, t - 30);
        live.dropBefore(from);
        if (i % 97 != 0)
            continue;
        SeriesDecimator fresh(0.5);
        for (int j = 1; j <= i; ++j) {
            if (j * 0.1 >= from)
                fresh.add(j * 0.1, value(j));
        }
        const double settled = std::ceil(from / 0.5) * 0.5;
        QList<QPointF> a;
        QList<QPointF> b;
        for (const QPointF& p : live.points()) {
            QVERIFY(p.x() >= from);
            if (p.x() >= settled)
                a.append(p);
        }
        for (const QPointF& p : fresh.points()) {
            if (p.x() >= settled)
                b.append(p);
        }
        QCOMPARE(a, b);
    }
}

void TestSeriesDecimator::breaksOnceForARunOfPointsWithoutAValue()
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    SeriesDecimator d(10, SeriesDecimator::NonFinite::Break);
    d.add(1, nan); // nothing to break yet
    d.add(2, 5);
    d.add(3, 6);
    d.add(4, nan);
    d.add(5, nan);
    d.add(6, 7);
    const QList<QPointF> points = d.points();
    QCOMPARE(points.size(), 4);
    QCOMPARE(points[0], QPointF(2, 5));
    QCOMPARE(points[1], QPointF(3, 6));
    QCOMPARE(points[2].x(), 4.0);
    QVERIFY(std::isnan(points[2].y()));
    QCOMPARE(points[3], QPointF(6, 7));
}

QTEST_GUILESS_MAIN(TestSeriesDecimator)
#include "tst_seriesdecimator.moc"
