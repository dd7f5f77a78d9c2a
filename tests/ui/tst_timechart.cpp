// TimeChart: lines drawn where their points belong, plots that line up whatever their text,
// a frame redrawn when its text changes, markers only inside the time range.

#include "uitestsupport.h"

#include "ui/timechart.h"

#include <QColor>
#include <QImage>
#include <QPalette>
#include <QTest>

#include <cmath>

using namespace shoal;

namespace {

/// A chart of two lines over 0..10 s and 0..100, shown at a fixed size.
void setUp(TimeChart& chart)
{
    chart.setTitle(QStringLiteral("Queue"));
    chart.setUnit(QStringLiteral("calls"));
    chart.setLineNames({QStringLiteral("waiting"), QStringLiteral("in flight")});
    chart.resize(600, 300);
    chart.setTimeRange(0, 10);
    chart.setValueRange(0, 100);
}

/// Where (\a t, \a v) lands in \a chart's widget coordinates.
QPoint at(const TimeChart& chart, double t, double v)
{
    const QRect plot = chart.plotArea();
    const double x =
        plot.left() + (t - chart.timeMin()) / (chart.timeMax() - chart.timeMin()) * plot.width();
    const double y = plot.bottom() -
                     (v - chart.valueMin()) / (chart.valueMax() - chart.valueMin()) * plot.height();
    return {static_cast<int>(x), static_cast<int>(y)};
}

/// Whether a pixel of \a color is within a pixel of \a p (antialiasing spreads a line).
bool near(const QImage& image, QPoint p, const QColor& color)
{
    for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
            const QColor c = image.pixelColor(p + QPoint(dx, dy));
            if (std::abs(c.red() - color.red()) < 40 && std::abs(c.green() - color.green()) < 40 &&
                std::abs(c.blue() - color.blue()) < 40)
                return true;
        }
    }
    return false;
}

} // namespace

class TestTimeChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void linesAreDrawnWhereTheirPointsBelong();
    void plotsLineUpWhateverTheirText();
    void aNewTitleRedrawsTheFrame();
    void markersAreCountedOnlyInsideTheTimeRange();
    void markerLabelsStayInsideThePlotWithoutOverlapping();
    void chromeFollowsThePaletteButLinesKeepTheirColours();
};

void TestTimeChart::linesAreDrawnWhereTheirPointsBelong()
{
    TimeChart chart;
    setUp(chart);
    chart.replace(0, {{0, 50}, {10, 50}});
    chart.replace(1, {{0, 0}, {5, 80}, {10, 0}});
    QCOMPARE(chart.points(1).size(), 3);
    const QImage image = chart.grab().toImage();
    for (double t : {1.0, 4.0, 9.0})
        QVERIFY2(near(image, at(chart, t, 50), chart.lineColor(0)), qPrintable(QString::number(t)));
    QVERIFY(near(image, at(chart, 5, 80), chart.lineColor(1)));
    QVERIFY(near(image, at(chart, 2.5, 40), chart.lineColor(1)));
    // Nothing of either line where neither goes.
    QVERIFY(!near(image, at(chart, 2.5, 90), chart.lineColor(0)));
    QVERIFY(!near(image, at(chart, 2.5, 90), chart.lineColor(1)));

    // A new value range moves the line.
    chart.setValueRange(0, 200);
    const QImage rescaled = chart.grab().toImage();
    QVERIFY(near(rescaled, at(chart, 4, 50), chart.lineColor(0)));
    QVERIFY(!near(rescaled, at(chart, 4, 100), chart.lineColor(0)));
}

void TestTimeChart::plotsLineUpWhateverTheirText()
{
    TimeChart a;
    setUp(a);
    TimeChart b;
    b.setTitle(QStringLiteral("Outcomes (cumulative) with a longer title"));
    b.setUnit(QStringLiteral("workers / tokens"));
    b.setLineNames({QStringLiteral("x")});
    b.resize(600, 300);
    QCOMPARE(b.plotArea().left(), a.plotArea().left());
    QCOMPARE(b.plotArea().right(), a.plotArea().right());

    // A legend that does not fit beside the title wraps, and the plot makes room for it.
    const int top = b.plotArea().top();
    b.setLineNames({QStringLiteral("completed per second"), QStringLiteral("timeouts per second"),
                    QStringLiteral("offered per second"), QStringLiteral("rejected per second")});
    QVERIFY(b.plotArea().top() > top);
    // Without time labels the plot reaches further down.
    const int bottom = a.plotArea().bottom();
    a.setTimeLabelsVisible(false);
    QVERIFY(a.plotArea().bottom() > bottom);
}

void TestTimeChart::aNewTitleRedrawsTheFrame()
{
    TimeChart chart;
    setUp(chart);
    const QRect header(0, 0, chart.width(), chart.plotArea().top());
    const QImage before = chart.grab(header).toImage();
    QCOMPARE(chart.grab(header).toImage(), before); // the cached frame is stable
    chart.setTitle(QStringLiteral("Warteschlange"));
    QVERIFY(chart.grab(header).toImage() != before);
}

void TestTimeChart::markersAreCountedOnlyInsideTheTimeRange()
{
    TimeChart chart;
    setUp(chart);
    QList<RunEvent> events;
    for (int i = 0; i < 30; ++i) // 0, 0.5, ... 14.5 s: 21 inside 0..10
        events.append({i * 0.5, QStringLiteral("burst"), QString(), QString::number(i)});
    chart.setEvents(&events);
    chart.grab();
    QCOMPARE(chart.markersDrawn(), 21);
    chart.setTimeRange(12, 20);
    chart.grab();
    QCOMPARE(chart.markersDrawn(), 6);
    // The marker's line is drawn through the plot at its time.
    const QImage image = chart.grab().toImage();
    const QPoint mid = at(chart, 13, 50);
    QVERIFY(near(image, mid, QColor(0xaa, 0x9d, 0xcc)));
    chart.setEvents(nullptr);
    chart.grab();
    QCOMPARE(chart.markersDrawn(), 0);
}

void TestTimeChart::markerLabelsStayInsideThePlotWithoutOverlapping()
{
    TimeChart chart;
    setUp(chart); // 0..10 s
    QList<RunEvent> events;
    for (double t : {1.0, 1.2, 1.4, 5.0, 9.6, 9.9})
        events.append({t, QStringLiteral("arrival.ratePerSec"), QStringLiteral("4000"),
                       QStringLiteral("6000")});
    chart.setEvents(&events);
    chart.grab();
    const QList<QRectF>& labels = chart.markerLabels();
    QVERIFY2(labels.size() >= 4, qPrintable(QString::number(labels.size())));
    const QRectF plot(chart.plotArea());
    for (int i = 0; i < labels.size(); ++i) {
        QVERIFY2(labels[i].left() >= plot.left() && labels[i].right() <= plot.right() + 1,
                 qPrintable(QStringLiteral("label %1 at %2..%3 in %4..%5")
                                .arg(i)
                                .arg(labels[i].left())
                                .arg(labels[i].right())
                                .arg(plot.left())
                                .arg(plot.right())));
        for (int j = 0; j < i; ++j)
            QVERIFY2(!labels[i].intersects(labels[j]),
                     qPrintable(QStringLiteral("%1, %2").arg(i).arg(j)));
    }
}

void TestTimeChart::chromeFollowsThePaletteButLinesKeepTheirColours()
{
    TimeChart chart;
    setUp(chart);
    const QColor lineColor = chart.lineColor(0);
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    chart.setPalette(dark);
    const QImage image = chart.grab().toImage();
    const QRect plot = chart.plotArea();
    // The background, between grid lines (ticks every 2 s).
    const QColor background = image.pixelColor(at(chart, 1, 30));
    QCOMPARE(background, QColor(0x20, 0x20, 0x20));
    // A time grid line at 4 s: a step from the dark background, not the light theme's grey.
    const int gridX = plot.left() + static_cast<int>(std::lround(4 * plot.width() / 10.0));
    const QColor grid = image.pixelColor(gridX, at(chart, 4, 30).y());
    QVERIFY2(grid.lightness() > background.lightness() && grid.lightness() < 0x60,
             qPrintable(grid.name()));
    QCOMPARE(chart.lineColor(0), lineColor);
}

QTEST_MAIN(TestTimeChart)
#include "tst_timechart.moc"
