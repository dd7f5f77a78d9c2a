#include "lab/metricshistory.h"

#include <QtTest>

#include <cmath>

using namespace shoal;

namespace {

/// Row n of a steady run: 10 calls per 100 ms, one always waiting, latency n ms.
MetricsRow row(int n)
{
    MetricsRow r;
    r.tSec = n * 0.1;
    r.intervalSec = 0.1;
    r.submitted = 10 * n + 1;
    r.completed = 10 * n;
    r.waiting = 1;
    r.throughputPerSec = 100;
    r.latencyP50Ms = n;
    r.latencyP99Ms = 2 * n;
    return r;
}

} // namespace

class TestMetricsHistory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsRecentRowsAsTaken();
    void staysBoundedOverALongRun();
    void mergedRowsKeepTheIdentityAndTheWorstPercentiles();
    void clearForgetsEverything();
    void forEachRowVisitsWhatRowsReturns();
    void forEachRowSinceVisitsTheRowsFromATimeOn();
};

void TestMetricsHistory::keepsRecentRowsAsTaken()
{
    MetricsHistory history(100, 3);
    for (int n = 1; n <= 50; ++n)
        history.append(row(n));
    const QList<MetricsRow> rows = history.rows();
    QCOMPARE(rows.size(), 50);
    for (int n = 1; n <= 50; ++n)
        QCOMPARE(rows[n - 1].tSec, row(n).tSec);
    QCOMPARE(history.last().tSec, row(50).tSec);
}

void TestMetricsHistory::staysBoundedOverALongRun()
{
    // An hour at 100 ms, and then some.
    MetricsHistory history(300, 4);
    for (int n = 1; n <= 40'000; ++n) {
        history.append(row(n));
        QVERIFY(history.size() <= 1200);
    }
    QCOMPARE(history.appended(), 40'000);
    const QList<MetricsRow> rows = history.rows();
    // Oldest first, the newest 300 as taken, everything covering the whole run once.
    double covered = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QVERIFY(rows[i].identityHolds());
        covered += rows[i].intervalSec;
        if (i > 0) {
            QVERIFY(rows[i].tSec > rows[i - 1].tSec);
            QVERIFY(rows[i].submitted > rows[i - 1].submitted);
        }
    }
    QVERIFY2(std::abs(covered - 4000.0) < 1e-6, qPrintable(QString::number(covered)));
    for (int k = 0; k < 300; ++k)
        QCOMPARE(rows[rows.size() - 300 + k].tSec, row(40'000 - 299 + k).tSec);
    QCOMPARE(rows.last().submitted, row(40'000).submitted);
}

void TestMetricsHistory::mergedRowsKeepTheIdentityAndTheWorstPercentiles()
{
    MetricsRow older = row(1);
    older.throughputPerSec = 50;
    older.latencyP99Ms = 90;
    MetricsRow newer = row(2);
    newer.intervalSec = 0.3;
    newer.throughputPerSec = 150;
    newer.latencyP99Ms = MetricsRow::None;
    const MetricsRow merged = MetricsRow::merged(older, newer);
    QCOMPARE(merged.tSec, newer.tSec);
    QCOMPARE(merged.submitted, newer.submitted);
    QCOMPARE(merged.waiting, newer.waiting);
    QVERIFY(merged.identityHolds());
    QCOMPARE(merged.intervalSec, 0.4);
    QCOMPARE(merged.throughputPerSec, (50 * 0.1 + 150 * 0.3) / 0.4);
    QCOMPARE(merged.latencyP50Ms, 2.0);
    QCOMPARE(merged.latencyP99Ms, 90.0);
}

void TestMetricsHistory::clearForgetsEverything()
{
    MetricsHistory history(10, 2);
    for (int n = 1; n <= 100; ++n)
        history.append(row(n));
    history.clear();
    QCOMPARE(history.size(), 0);
    QCOMPARE(history.appended(), 0);
    QVERIFY(history.rows().isEmpty());
}

void TestMetricsHistory::forEachRowVisitsWhatRowsReturns()
{
    MetricsHistory history(10, 3);
    for (int n = 1; n <= 200; ++n)
        history.append(row(n));
    const QList<MetricsRow> rows = history.rows();
    QList<double> visited;
    history.forEachRow([&](const MetricsRow& r) { visited.append(r.tSec); });
    QCOMPARE(visited.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(visited[i], rows[i].tSec);
}

void TestMetricsHistory::forEachRowSinceVisitsTheRowsFromATimeOn()
{
    MetricsHistory history(10, 3);
    for (int n = 1; n <= 200; ++n)
        history.append(row(n));
    const QList<MetricsRow> rows = history.rows();
    // From before the first row, inside the coarsest tier, on a tier's edge, within the
    // newest tier, exactly on a row, and past the last row.
    for (double from : {-1.0, rows[3].tSec - 0.01, rows[10].tSec, rows[rows.size() - 4].tSec,
                        rows.constLast().tSec + 0.05, 100.0}) {
        QList<double> expected;
        for (const MetricsRow& r : rows) {
            if (r.tSec >= from)
                expected.append(r.tSec);
        }
        QList<double> visited;
        history.forEachRowSince(from, [&](const MetricsRow& r) { visited.append(r.tSec); });
        QCOMPARE(visited, expected);
    }
}

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"
