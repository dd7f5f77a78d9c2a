#include "testsupport/labprocess.h"
#include "testsupport/reportcheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace testsupport;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// The last non-empty line of \a text.
QString lastLine(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.constLast();
}

} // namespace

/// Headless sweeps through the shoal-lab executable: the table, the CSV, the summary and the
/// recommendation agree with one another.
class TestShoalLabSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSmallSweepWritesEveryPointAndRecommendsFromThem();
    void aPresetsSweepSectionRunsWithShorterPoints();

private:
    QTemporaryDir m_dir;
};

void TestShoalLabSweep::aSmallSweepWritesEveryPointAndRecommendsFromThem()
{
    const QString csv = m_dir.filePath(QStringLiteral("sweep.csv"));
    const QString summary = m_dir.filePath(QStringLiteral("sweep.json"));
    constexpr double kSloMs = 300;
    const LabProcess o = runLab(
        {QStringLiteral("--headless"), QStringLiteral("--preset"), QStringLiteral("steady-state"),
         QStringLiteral("--sweep"), QStringLiteral("pool.size=1,3"),
         QStringLiteral("--point-seconds"), QStringLiteral("1"), QStringLiteral("--warmup-seconds"),
         QStringLiteral("0.5"), QStringLiteral("--repeats"), QStringLiteral("2"),
         QStringLiteral("--slo"), QStringLiteral("p95<=%1").arg(kSloMs), QStringLiteral("--csv"),
         csv, QStringLiteral("--summary"), summary});
    QVERIFY2(o.status == 0, qPrintable(o.err));
    QVERIFY(o.err.contains(QStringLiteral("4/4 runs")));

    // One CSV row per point and repeat, each once.
    const QList<QStringList> rows = csvRows(csv);
    QCOMPARE(rows.size(), 1 + 4);
    const QStringList& header = rows.first();
    QCOMPARE(header.value(0), QStringLiteral("pool.size"));
    const qsizetype repeatColumn = header.indexOf(QStringLiteral("repeat"));
    const qsizetype p95Column = header.indexOf(QStringLiteral("latency_p95_ms"));
    QVERIFY(repeatColumn > 0 && p95Column > 0);
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), header.size());
        seen.insert(rows[i][0] + QLatin1Char('/') + rows[i][repeatColumn]);
    }
    QCOMPARE(seen, (QSet<QString>{QStringLiteral("1/0"), QStringLiteral("1/1"),
                                  QStringLiteral("3/0"), QStringLiteral("3/1")}));

    // The summary's points, grouped by value: the worst p95 of the repeats decides.
    const QJsonObject sweep = readJson(summary).value(QStringLiteral("sweep")).toObject();
    QCOMPARE(sweep.value(QStringLiteral("keys")).toArray(),
             QJsonArray{QStringLiteral("pool.size")});
    const QJsonArray points = sweep.value(QStringLiteral("points")).toArray();
    QCOMPARE(points.size(), 4);
    QMap<double, double> worstP95;
    QMap<double, int> repeats;
    for (const QJsonValue& v : points) {
        const QJsonObject point = v.toObject();
        const double size = point.value(QStringLiteral("values"))
                                .toObject()
                                .value(QStringLiteral("pool.size"))
                                .toDouble();
        const double p95 = point.value(QStringLiteral("latencyMs"))
                               .toObject()
                               .value(QStringLiteral("p95"))
                               .toDouble(std::numeric_limits<double>::infinity());
        QVERIFY(point.value(QStringLiteral("throughputPerSec")).toDouble() > 0);
        worstP95[size] = std::max(worstP95.value(size, 0), p95);
        ++repeats[size];
    }
    QCOMPARE(worstP95.keys(), (QList<double>{1, 3}));
    QCOMPARE(repeats.values(), (QList<int>{2, 2}));
    std::optional<double> expected;
    for (auto it = worstP95.cbegin(); it != worstP95.cend(); ++it) {
        if (it.value() <= kSloMs) {
            expected = it.key();
            break;
        }
    }

    const QJsonObject rec = sweep.value(QStringLiteral("recommendation")).toObject();
    QCOMPARE(rec.value(QStringLiteral("key")).toString(), QStringLiteral("pool.size"));
    QCOMPARE(rec.value(QStringLiteral("slo")).toString(), QStringLiteral("p95<=300"));
    const QString last = lastLine(o.out);
    if (expected) {
        QCOMPARE(rec.value(QStringLiteral("value")).toDouble(), *expected);
        QCOMPARE(rec.value(QStringLiteral("figureMs")).toDouble(), worstP95.value(*expected));
        QVERIFY2(last.startsWith(QStringLiteral("pool.size %1").arg(*expected)) &&
                     last.contains(QStringLiteral("p95 <= 300 ms")),
                 qPrintable(last));
    } else {
        QVERIFY(rec.value(QStringLiteral("value")).isNull());
        QCOMPARE(rec.value(QStringLiteral("reason")).toString(), QStringLiteral("noneMeets"));
        QVERIFY2(last.startsWith(QStringLiteral("No pool.size tried meets p95 <= 300 ms")),
                 qPrintable(last));
    }
    QVERIFY2(last.endsWith(QLatin1Char('.')), qPrintable(last));
}

void TestShoalLabSweep::aPresetsSweepSectionRunsWithShorterPoints()
{
    // size-mmc-pool sweeps pool.size over 2..8 with 5 s points; the options shorten them.
    const QString summary = m_dir.filePath(QStringLiteral("preset.json"));
    const QString report = m_dir.filePath(QStringLiteral("preset.html"));
    const LabProcess o = runLab(
        {QStringLiteral("--headless"), QStringLiteral("--sweep-preset"), QStringLiteral("--preset"),
         QStringLiteral("size-mmc-pool"), QStringLiteral("--point-seconds"), QStringLiteral("0.3"),
         QStringLiteral("--warmup-seconds"), QStringLiteral("0"), QStringLiteral("--summary"),
         summary, QStringLiteral("--report"), report});
    QVERIFY2(o.status == 0, qPrintable(o.err));
    // The report: the curves, the table's every point and the recommendation.
    const ReportPage page = readReport(report);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.images, 1);
    QVERIFY(page.text.contains(QStringLiteral("size-mmc-pool")));
    QVERIFY(page.text.contains(lastLine(o.out)));
    const QJsonObject sweep = readJson(summary).value(QStringLiteral("sweep")).toObject();
    const QJsonArray points = sweep.value(QStringLiteral("points")).toArray();
    QList<double> sizes;
    for (const QJsonValue& v : points)
        sizes.append(v.toObject()
                         .value(QStringLiteral("values"))
                         .toObject()
                         .value(QStringLiteral("pool.size"))
                         .toDouble());
    QCOMPARE(sizes, (QList<double>{2, 3, 4, 5, 6, 7, 8}));
    // The preset's SLO, since none was given.
    QCOMPARE(sweep.value(QStringLiteral("recommendation"))
                 .toObject()
                 .value(QStringLiteral("slo"))
                 .toString(),
             QStringLiteral("p95<=75"));
    QVERIFY(lastLine(o.out).contains(QStringLiteral("p95 <= 75 ms")));
}

QTEST_GUILESS_MAIN(TestShoalLabSweep)
#include "tst_shoallabsweep.moc"
