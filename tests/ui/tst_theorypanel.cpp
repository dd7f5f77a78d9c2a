// TheoryPanel: the model for the configuration or the reason there is none, following presets
// and live settings, and the measured side compared with it.

#include "uitestsupport.h"

#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/theorypanel.h"

#include "lab/presetlibrary.h"
#include "lab/session.h"

#include <QLabel>
#include <QSettings>
#include <QTest>

#include <cmath>
#include <memory>

using namespace shoal;

namespace {

/// How long a real run may take to deliver rows on a loaded two-core machine.
constexpr int kRunMs = 60000;

Scenario builtin(const char* name)
{
    const std::optional<Scenario> s = PresetLibrary::builtin(QLatin1String(name));
    Q_ASSERT(s);
    return *s;
}

/// A row \a n of a steady run: 100 ms intervals, p95 latency and queue wait as given.
MetricsRow rowAt(int n, double latencyP95Ms, double queueWaitP95Ms, double serviceP95Ms)
{
    MetricsRow r;
    r.tSec = n * 0.1;
    r.intervalSec = 0.1;
    r.latencyP95Ms = latencyP95Ms;
    r.queueWaitP95Ms = queueWaitP95Ms;
    r.serviceP95Ms = serviceP95Ms;
    return r;
}

} // namespace

class TestTheoryPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void steadyStateShowsTheModel();
    void closedLoopPresetSaysWhyThereIsNoModel();
    void aLiveSettingChangesThePrediction();
    void aRunFillsTheMeasuredSide();
    void measuredCloseToTheModelGivesNoHint();
    void aLargeGapGivesAHint();
    void everyReasonHasWords();

private:
    TheoryPanel* panel() const { return m_window->theory(); }

    std::unique_ptr<Session> m_session;
    std::unique_ptr<LanguageSwitcher> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void TestTheoryPanel::initTestCase()
{
    uitest::prepareTestProcess();
}

void TestTheoryPanel::init()
{
    QSettings().clear();
    m_session = std::make_unique<Session>();
    m_languages = std::make_unique<LanguageSwitcher>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en")));
    m_window = std::make_unique<MainWindow>(m_session.get(), m_languages.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTheoryPanel::cleanup()
{
    m_window.reset();
    m_session.reset(); // ends any run; waits for its pool
    m_languages.reset();
}

void TestTheoryPanel::steadyStateShowsTheModel()
{
    m_window->loadPreset(QStringLiteral("steady-state"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->scenario().name, QStringLiteral("steady-state"), kRunMs);
    // 200/s of 10 ms exponential service on four workers: M/M/4 at rho 0.5.
    QCOMPARE(panel()->modelText(), QStringLiteral("M/M/c, c = 4"));
    QCOMPARE(panel()->prediction().kind, ModelKind::MMc);
    QVERIFY(std::abs(panel()->prediction().utilisation - 0.5) < 1e-9);
    const auto* rho = m_window->findChild<QLabel*>(QStringLiteral("theoryUtilisation"));
    QVERIFY(rho);
    QCOMPARE(rho->text(), QStringLiteral("50.0%"));
    const auto* wait = m_window->findChild<QLabel*>(QStringLiteral("theoryWaitProbability"));
    QVERIFY(wait);
    QVERIFY(wait->text().endsWith(QLatin1Char('%')));
    QVERIFY(panel()->latencyText().startsWith(QStringLiteral("model ")));
    QVERIFY(panel()->latencyText().contains(QStringLiteral(" ms, measured –")));
    QVERIFY(panel()->hintText().isEmpty());
}

void TestTheoryPanel::closedLoopPresetSaysWhyThereIsNoModel()
{
    m_window->loadPreset(QStringLiteral("image-thumbnails"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->scenario().name, QStringLiteral("image-thumbnails"),
                              kRunMs);
    QCOMPARE(m_session->scenario().arrivalMode, ArrivalMode::Closed);
    QCOMPARE(panel()->modelText(), QStringLiteral("no model: closed loop"));
    QCOMPARE(panel()->prediction().kind, ModelKind::None);
    QVERIFY(panel()->hintText().contains(QStringLiteral("arrival rate depends on the pool")));
}

void TestTheoryPanel::aLiveSettingChangesThePrediction()
{
    m_window->loadPreset(QStringLiteral("steady-state"));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->prediction().servers, 4, kRunMs);
    m_session->setPoolSize(2); // 2 workers for 2 workers' worth of load: rho 1
    QTRY_COMPARE_WITH_TIMEOUT(panel()->prediction().servers, 2, kRunMs);
    QCOMPARE(panel()->prediction().reason, ModelReason::Unstable);
    QCOMPARE(panel()->modelText(),
             QStringLiteral("M/M/c: unstable: the queue grows without bound"));
    m_session->setLimiterEnabled(true);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->modelText(),
                              QStringLiteral("no model: the limiter caps throughput"), kRunMs);
}

void TestTheoryPanel::aRunFillsTheMeasuredSide()
{
    Scenario s = builtin("steady-state");
    s.durationSec = 600; // ended by the cleanup, long before
    m_window->loadScenario(s);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->prediction().kind, ModelKind::MMc, kRunMs);
    QVERIFY(std::isnan(panel()->measuredLatencyP95Ms()));
    m_window->run();
    QTRY_VERIFY_WITH_TIMEOUT(!std::isnan(panel()->measuredLatencyP95Ms()), kRunMs);
    QVERIFY(panel()->measuredLatencyP95Ms() > 0);
    QVERIFY(!std::isnan(panel()->latencyGapPercent()));
    QVERIFY(panel()->latencyText().contains(QStringLiteral("%)")));
}

void TestTheoryPanel::measuredCloseToTheModelGivesNoHint()
{
    TheoryPanel theory;
    theory.setScenario(builtin("steady-state"));
    const double predicted = *theory.prediction().latencyP95Ms;
    const double service = std::log(20.0) * theory.prediction().serviceMeanMs;
    for (int n = 1; n <= 100; ++n)
        theory.addRow(rowAt(n, predicted * 1.05, *theory.prediction().queueWaitP95Ms, service));
    QVERIFY(std::abs(theory.latencyGapPercent() - 5) < 1e-6);
    QVERIFY(theory.latencyText().endsWith(QStringLiteral("(+5%)")));
    QVERIFY(theory.hintText().isEmpty());
}

void TestTheoryPanel::aLargeGapGivesAHint()
{
    TheoryPanel theory;
    theory.setScenario(builtin("steady-state"));
    const double predicted = *theory.prediction().latencyP95Ms;
    const double service = std::log(20.0) * theory.prediction().serviceMeanMs;
    // Half as slow again, but too short to count: no hint yet.
    for (int n = 1; n <= 20; ++n)
        theory.addRow(rowAt(n, predicted * 1.5, MetricsRow::None, service));
    QVERIFY(theory.hintText().isEmpty());
    for (int n = 21; n <= 100; ++n)
        theory.addRow(rowAt(n, predicted * 1.5, MetricsRow::None, service));
    QVERIFY(std::abs(theory.latencyGapPercent() - 50) < 1e-6);
    QVERIFY(theory.hintText().startsWith(QStringLiteral("Slower than the model")));

    // Service p95 far from an exponential's: the service times are the reason.
    theory.clearMeasured();
    for (int n = 1; n <= 100; ++n)
        theory.addRow(rowAt(n, predicted * 1.5, MetricsRow::None, service * 2));
    QVERIFY(theory.hintText().contains(QStringLiteral("switch to M/G/c")));

    // A new configuration starts measuring again.
    Scenario faster = builtin("steady-state");
    faster.poolSize = 8;
    theory.setScenario(faster);
    QVERIFY(std::isnan(theory.measuredLatencyP95Ms()));
    QVERIFY(theory.hintText().isEmpty());
}

void TestTheoryPanel::everyReasonHasWords()
{
    for (int r = static_cast<int>(ModelReason::ClosedLoop);
         r <= static_cast<int>(ModelReason::Unstable); ++r) {
        const auto reason = static_cast<ModelReason>(r);
        QVERIFY2(!TheoryPanel::reasonText(reason).isEmpty(), qPrintable(QString::number(r)));
        QVERIFY2(!TheoryPanel::reasonDetail(reason).isEmpty(), qPrintable(QString::number(r)));
    }
    QVERIFY(TheoryPanel::reasonText(ModelReason::Applies).isEmpty());
}

QTEST_MAIN(TestTheoryPanel)
#include "tst_theorypanel.moc"
