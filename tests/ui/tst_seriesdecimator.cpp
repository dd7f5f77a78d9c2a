// SeriesDecimator: at most two points per bucket, in x order, extremes kept.

#include "ui/seriesdecimator.h"

#include <QTest>

#include <cmath>
#include <limits>

class TestSeriesDecimator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsEverythingWhenThereIsRoom();
    void keepsTheSpikeOfAThinnedSeries();
    void leavesOutPointsOutsideTheRangeAndWithoutAValue();
    void staysInXOrderWithinABucket();
    void aFlatBucketStillDrawsALine();
};

void TestSeriesDecimator::keepsEverythingWhenThereIsRoom()
{
    SeriesDecimator d(0, 10, 100);
    for (int i = 0; i <= 10; ++i)
        d.add(i, i * i);
    const QList<QPointF> points = d.take();
    QCOMPARE(points.size(), 11);
    for (int i = 0; i <= 10; ++i)
        QCOMPARE(points[i], QPointF(i, i * i));
    QCOMPARE(d.minimum(), 0.0);
    QCOMPARE(d.maximum(), 100.0);
}

void TestSeriesDecimator::keepsTheSpikeOfAThinnedSeries()
{
    // An hour at 100 ms onto 500 buckets, flat but for one sample.
    SeriesDecimator d(0, 3600, 250);
    for (int i = 0; i < 36'000; ++i)
        d.add(i * 0.1, i == 12'345 ? 999.0 : 1.0);
    const QList<QPointF> points = d.take();
    QVERIFY(points.size() <= 1000);
    QVERIFY(points.size() >= 250);
    bool spike = false;
    for (const QPointF& p : points)
        spike = spike || (p.y() == 999.0 && std::abs(p.x() - 1234.5) < 1e-6);
    QVERIFY(spike);
    QCOMPARE(d.maximum(), 999.0);
}

void TestSeriesDecimator::leavesOutPointsOutsideTheRangeAndWithoutAValue()
{
    SeriesDecimator d(10, 20, 10);
    d.add(5, 1);
    d.add(12, std::numeric_limits<double>::quiet_NaN());
    d.add(13, std::numeric_limits<double>::infinity());
    d.add(14, 3);
    d.add(25, 4);
    const QList<QPointF> points = d.take();
    QCOMPARE(points.size(), 1);
    QCOMPARE(points[0], QPointF(14, 3));
    QVERIFY(d.take().isEmpty()); // it starts over
}

void TestSeriesDecimator::staysInXOrderWithinABucket()
{
    SeriesDecimator d(0, 10, 1);
    d.add(1, 5);
    d.add(2, 9); // high first
    d.add(3, 0); // then low
    d.add(4, 5);
    const QList<QPointF> points = d.take();
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
    SeriesDecimator d(0, 60, 10);
    for (int i = 0; i < 5; ++i)
        d.add(i * 0.1, 0);
    const QList<QPointF> points = d.take();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[0], QPointF(0, 0));
    QCOMPARE(points[1], QPointF(0.4, 0));
}

QTEST_GUILESS_MAIN(TestSeriesDecimator)
#include "tst_seriesdecimator.moc"
