// Renders the whole window after a short run to a PNG (kept next to the test as
// screenshot-after-run.png) and checks that every plot area and the worker lanes show data:
// an empty chart is white and grey, a drawn series is coloured.

#include "uitestsupport.h"

#include "ui/chartpanel.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/timechart.h"
#include "ui/workerlanes.h"

#include "lab/session.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QTest>

using namespace shoal;

namespace {

/// Pixels of \a image inside \a area that are clearly coloured (series, lanes), not the white,
/// grey and black of axes, grid and text.
int colouredPixels(const QImage& image, const QRect& area)
{
    int count = 0;
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.hsvSaturation() > 90 && c.value() > 60)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void plotsAreNotBlankAfterAShortRun();
};

void TestScreenshot::plotsAreNotBlankAfterAShortRun()
{
    Session session;
    LanguageSwitcher languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    MainWindow window(&session, &languages);
    window.resize(1500, 940);
    // One call in ten fails, so the outcomes chart has a rising line too.
    Scenario s = uitest::quickScenario(3);
    s.workloadParams.insert(QStringLiteral("failureRate"), 0.1);
    window.loadScenario(s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Before a run every plot is blank: the check below can tell.
    window.charts()->refresh();
    QImage before = window.grab().toImage();
    const QList<TimeChart*> charts = window.charts()->charts();
    const auto plotRect = [&](TimeChart* chart) {
        const QRect plot = chart->plotArea();
        return QRect(chart->mapTo(&window, plot.topLeft()), plot.size()).adjusted(3, 3, -3, -3);
    };
    for (TimeChart* chart : charts)
        QCOMPARE(colouredPixels(before, plotRect(chart)), 0);

    window.run();
    QTRY_VERIFY_WITH_TIMEOUT(window.charts()->rowsReceived() >= 40, 30000); // two seconds
    window.charts()->refresh();
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    const QString file = QDir::current().filePath(QStringLiteral("screenshot-after-run.png"));
    QVERIFY(image.save(file));
    qInfo("window rendered to %s", qPrintable(file));

    // Each chart shows at least one coloured line somewhere in its plot.
    for (TimeChart* chart : charts) {
        const int coloured = colouredPixels(image, plotRect(chart).adjusted(-3, -3, 3, 3));
        QVERIFY2(coloured > 40,
                 qPrintable(chart->title() + QStringLiteral(": ") + QString::number(coloured)));
    }
    WorkerLanes* lanes = window.charts()->lanes();
    const QRect lanesRect(lanes->mapTo(&window, QPoint(0, 0)), lanes->size());
    QVERIFY(colouredPixels(image, lanesRect.adjusted(0, lanes->height() / 4, 0, 0)) > 200);
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
