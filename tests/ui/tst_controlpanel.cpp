#include "ui/controlpanel.h"

#include "lab/catalog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace shoal;

class TestControlPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spacingStaysDisabledAfterAClosedLoopRunEnds();
    void runLengthKnobsWaitForTheNextRun();
    void combosListTheTablesChoices();
    void knobsTakeTheTablesRangesAndEmitTheirKeys();
    void theDispatchOrderComboListsBothOrdersAndEmitsItsKey();
};

namespace {

template <class T>
T* knob(const ControlPanel& panel, const char* name)
{
    T* widget = panel.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no knob %s", name);
    return widget;
}

} // namespace

void TestControlPanel::spacingStaysDisabledAfterAClosedLoopRunEnds()
{
    ControlPanel panel;
    Scenario closed;
    closed.arrivalMode = ArrivalMode::Closed;
    panel.setScenario(closed);
    auto* spacing = knob<QComboBox>(panel, "arrivalProcess");
    QVERIFY(!spacing->isEnabled()); // a closed loop has no arrival spacing
    panel.setRunActive(true);
    QVERIFY(!spacing->isEnabled());
    panel.setRunActive(false);
    QVERIFY(!spacing->isEnabled()); // still a closed loop after the run
    QVERIFY(knob<QSpinBox>(panel, "callers")->isEnabled());

    Scenario open;
    panel.setScenario(open);
    QVERIFY(spacing->isEnabled());
    panel.setRunActive(true);
    QVERIFY(!spacing->isEnabled()); // shapes the next run only
    panel.setRunActive(false);
    QVERIFY(spacing->isEnabled());
}

void TestControlPanel::runLengthKnobsWaitForTheNextRun()
{
    ControlPanel panel;
    panel.setScenario(Scenario());
    panel.setRunActive(true);
    QVERIFY(!knob<QDoubleSpinBox>(panel, "durationSec")->isEnabled());
    QVERIFY(!knob<QDoubleSpinBox>(panel, "jobs")->isEnabled());
    // Showing another configuration mid-run (a live change) keeps them disabled.
    Scenario changed;
    changed.poolSize = 9;
    panel.setScenario(changed);
    QVERIFY(!knob<QDoubleSpinBox>(panel, "durationSec")->isEnabled());
    panel.setRunActive(false);
    QVERIFY(knob<QDoubleSpinBox>(panel, "durationSec")->isEnabled());
    QVERIFY(knob<QDoubleSpinBox>(panel, "jobs")->isEnabled());
}

void TestControlPanel::combosListTheTablesChoices()
{
    ControlPanel panel;
    auto* kind = knob<QComboBox>(panel, "workloadKind");
    QCOMPARE(kind->count(), static_cast<int>(workloadRegistry().size()));
    for (int i = 0; i < kind->count(); ++i) {
        const WorkloadKind& entry = workloadRegistry().at(static_cast<size_t>(i));
        QCOMPARE(kind->itemData(i).toString(), QLatin1StringView(entry.kind));
        QCOMPARE(kind->itemText(i), ControlPanel::tr(entry.label));
    }
    auto* mode = knob<QComboBox>(panel, "arrivalMode");
    const Setting* modeSetting = SettingsTable::find(QStringLiteral("arrival.mode"));
    QCOMPARE(mode->count(), static_cast<int>(modeSetting->choiceTexts.size()));
    QCOMPARE(mode->itemData(1).toString(), QStringLiteral("closed"));
    QCOMPARE(mode->itemText(1), QStringLiteral("closed loop (callers)"));
    auto* api = knob<QComboBox>(panel, "callApi");
    QStringList apis;
    for (int i = 0; i < api->count(); ++i)
        apis.append(api->itemData(i).toString());
    QCOMPARE(apis, SettingsTable::find(QStringLiteral("call.api"))->choices);

    // Each combo shows the configuration's choice by value, not by position.
    Scenario s;
    s.workloadKind = QStringLiteral("image");
    s.arrivalMode = ArrivalMode::Closed;
    panel.setScenario(s);
    QCOMPARE(kind->currentData().toString(), QStringLiteral("image"));
    QCOMPARE(mode->currentData().toString(), QStringLiteral("closed"));
}

void TestControlPanel::knobsTakeTheTablesRangesAndEmitTheirKeys()
{
    ControlPanel panel;
    panel.setScenario(Scenario());
    QSignalSpy chosen(&panel, &ControlPanel::settingChosen);
    auto* rate = knob<QDoubleSpinBox>(panel, "ratePerSec");
    const Setting* rateSetting = SettingsTable::find(QStringLiteral("arrival.ratePerSec"));
    QCOMPARE(rate->maximum(), rateSetting->maximum);
    QCOMPARE(rate->toolTip(), ControlPanel::tr(rateSetting->toolTip));
    rate->setValue(250);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("arrival.ratePerSec"));
    QCOMPARE(chosen.at(0).at(1).toDouble(), 250.0);

    auto* burst = knob<QSpinBox>(panel, "limiterBurst");
    QCOMPARE(burst->maximum(),
             static_cast<int>(SettingsTable::find(QStringLiteral("limiter.burst"))->maximum));
    burst->setValue(7);
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(chosen.at(1).at(0).toString(), QStringLiteral("limiter.burst"));
    QCOMPARE(chosen.at(1).at(1).toLongLong(), 7);

    // setScenario() shows without emitting.
    Scenario s;
    s.ratePerSec = 42;
    panel.setScenario(s);
    QCOMPARE(rate->value(), 42.0);
    QCOMPARE(chosen.size(), 2);
}

void TestControlPanel::theDispatchOrderComboListsBothOrdersAndEmitsItsKey()
{
    ControlPanel panel;
    panel.setScenario(Scenario());
    auto* order = knob<QComboBox>(panel, "dispatchOrder");
    QVERIFY(order);
    const Setting* setting = SettingsTable::find(QStringLiteral("pool.dispatchOrder"));
    QVERIFY(setting);
    QCOMPARE(order->count(), 2);
    QCOMPARE(order->itemData(0).toString(), QStringLiteral("newest-idle"));
    QCOMPARE(order->itemData(1).toString(), QStringLiteral("longest-idle"));
    QCOMPARE(order->itemText(0), QStringLiteral("newest idle first"));
    QCOMPARE(order->itemText(1), QStringLiteral("longest idle first (rotate)"));
    QCOMPARE(order->toolTip(), ControlPanel::tr(setting->toolTip));
    QVERIFY(order->toolTip().contains(QStringLiteral("µs")));
    QCOMPARE(order->currentData().toString(), QStringLiteral("newest-idle"));

    // It is in the pool section.
    auto* group = qobject_cast<QGroupBox*>(order->parentWidget());
    QVERIFY(group);
    QCOMPARE(group->title(), ControlPanel::tr("Pool"));

    QSignalSpy chosen(&panel, &ControlPanel::settingChosen);
    order->setCurrentIndex(1);
    Q_EMIT order->activated(1); // as a person's choice does
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("pool.dispatchOrder"));
    QCOMPARE(chosen.at(0).at(1).toString(), QStringLiteral("longest-idle"));

    // setScenario() shows the order without emitting.
    Scenario rotating;
    rotating.dispatchOrder = DispatchOrder::LongestIdleFirst;
    order->setCurrentIndex(0);
    panel.setScenario(rotating);
    QCOMPARE(order->currentData().toString(), QStringLiteral("longest-idle"));
    QCOMPARE(chosen.size(), 1);
}

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
