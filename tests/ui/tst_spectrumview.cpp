// The latency distribution view draws a run's spectra in Qt Charts: one curve per distribution
// that has calls, on a nines axis and a logarithmic latency axis.

#include "uitestsupport.h"

#include "ui/spectrumview.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTest>

using namespace shoal;

class TestSpectrumView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void drawsACurvePerDistribution();
    void anEmptySpectrumClearsTheChart();
    void aComparedRunIsDashedInTheSameColours();
};

namespace {

LatencyHistogram histogramMs(int from, int to)
{
    LatencyHistogram h;
    for (int ms = from; ms <= to; ++ms)
        h.record(std::chrono::milliseconds(ms));
    return h;
}

} // namespace

void TestSpectrumView::drawsACurvePerDistribution()
{
    SpectrumView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSpectrum(
        LatencySpectrum::of(histogramMs(10, 200), histogramMs(1, 50), histogramMs(5, 150)));
    const QList<QAbstractSeries*> series = view.chart()->series();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.at(0)->name(), QStringLiteral("end to end"));
    QCOMPARE(series.at(1)->name(), QStringLiteral("queue wait"));
    const auto* endToEnd = static_cast<QLineSeries*>(series.at(0));
    QCOMPARE(endToEnd->count(), int(view.spectrum().endToEnd.size()));
    // The tail rises to the right: the maximum is the last and highest point.
    QVERIFY(endToEnd->at(endToEnd->count() - 1).y() >= endToEnd->at(0).y());
    QVERIFY(std::abs(endToEnd->at(endToEnd->count() - 1).y() - 200) < 200 * 0.01);
    auto* nines = qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(nines);
    QVERIFY(nines->categoriesLabels().contains(QStringLiteral("99.9%")));
    QVERIFY(qobject_cast<QLogValueAxis*>(view.chart()->axes(Qt::Vertical).value(0)));
}

void TestSpectrumView::anEmptySpectrumClearsTheChart()
{
    SpectrumView view;
    view.setSpectrum(
        LatencySpectrum::of(histogramMs(1, 9), LatencyHistogram(), LatencyHistogram()));
    QCOMPARE(view.chart()->series().size(), 1);
    view.setSpectrum(LatencySpectrum());
    QCOMPARE(view.chart()->series().size(), 0);
}

void TestSpectrumView::aComparedRunIsDashedInTheSameColours()
{
    SpectrumView view;
    view.setSpectrum(
        LatencySpectrum::of(histogramMs(10, 200), histogramMs(1, 50), histogramMs(5, 150)));
    view.setCompared(
        LatencySpectrum::of(histogramMs(20, 900), histogramMs(2, 400), histogramMs(5, 150)),
        QStringLiteral("b.shoalrun"));
    const QList<QAbstractSeries*> series = view.chart()->series();
    QCOMPARE(series.size(), 6);
    for (int c = 0; c < 3; ++c) {
        const auto* own = static_cast<QLineSeries*>(series.at(c));
        const auto* other = static_cast<QLineSeries*>(series.at(c + 3));
        QCOMPARE(own->pen().style(), Qt::SolidLine);
        QCOMPARE(other->pen().style(), Qt::DashLine);
        QCOMPARE(other->pen().color(), own->pen().color());
        QCOMPARE(other->name(), QStringLiteral("%1 (b.shoalrun)").arg(own->name()));
    }
    // The compared tail is the other run's, and the axis reaches it.
    const auto* otherEndToEnd = static_cast<QLineSeries*>(series.at(3));
    QVERIFY(std::abs(otherEndToEnd->at(otherEndToEnd->count() - 1).y() - 900) < 900 * 0.01);
    auto* y = qobject_cast<QLogValueAxis*>(view.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(y->max() >= 900);

    view.clearCompared();
    QCOMPARE(view.chart()->series().size(), 3);
}

QTEST_MAIN(TestSpectrumView)
#include "tst_spectrumview.moc"
