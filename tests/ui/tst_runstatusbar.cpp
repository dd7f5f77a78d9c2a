// The status bar's progress: the share of the run is shown whole, in English and German, in a
// status bar narrower than everything it holds.
#include "ui/languageswitcher.h"
#include "ui/runstatusbar.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QProgressBar>
#include <QtTest>

using shoal::RunState;

class TestRunStatusBar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void progressTextIsWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<double>("progress");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QStringLiteral("en") << 0.43 << QStringLiteral("43% of the run");
        QTest::newRow("de") << QStringLiteral("de") << 0.53 << QStringLiteral("53 % des Laufs");
        QTest::newRow("de, finished")
            << QStringLiteral("de") << 1.0 << QStringLiteral("100 % des Laufs");
    }

    void progressTextIsWhole()
    {
        QFETCH(QString, language);
        QFETCH(double, progress);
        QFETCH(QString, expected);
        LanguageSwitcher languages;
        QVERIFY(languages.setLanguage(language));

        RunStatusBar bar;
        bar.resize(400, 30); // far narrower than its labels: the layout must shrink them
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        bar.setRunState(RunState::Running);
        shoal::Sample sample;
        sample.state = RunState::Running;
        sample.progress = progress;
        sample.row.poolSize = 2;
        bar.showSample(sample);
        QCoreApplication::processEvents();

        QLabel* text = bar.progressText();
        QCOMPARE(text->text(), expected);
        QVERIFY(text->isVisible());
        QVERIFY(!bar.progressBar()->isTextVisible()); // a style cannot cut it off inside the bar
        QTRY_VERIFY(text->width() >= text->fontMetrics().horizontalAdvance(text->text()));
        QCOMPARE(bar.progressBar()->value(), static_cast<int>(progress * 1000));
    }

    void hiddenWithoutARun()
    {
        RunStatusBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QVERIFY(!bar.progressText()->isVisible());
        QVERIFY(!bar.progressBar()->isVisible());
    }
};

QTEST_MAIN(TestRunStatusBar)
#include "tst_runstatusbar.moc"
