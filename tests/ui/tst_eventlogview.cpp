// The event log: a change's key is shown whole, however long, and the column never narrows.
#include "ui/eventlogview.h"

#include "lab/runevent.h"

#include <QFontMetrics>
#include <QtTest>

class TestEventLogView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theWhatColumnFitsTheLongestKey();
};

void TestEventLogView::theWhatColumnFitsTheLongestKey()
{
    EventLogView log;
    log.resize(600, 300);
    const QString longKey = QStringLiteral("workload.params.slowFraction");
    const int longWidth = log.fontMetrics().horizontalAdvance(longKey);
    QVERIFY(log.columnWidth(1) < longWidth); // the default would cut it off

    log.addEvent({1.0, QStringLiteral("pool.size"), QStringLiteral("4"), QStringLiteral("2")});
    const int shortFit = log.columnWidth(1);
    log.addEvent({2.0, longKey, QStringLiteral("0.1"), QStringLiteral("0.2")});
    QCOMPARE(log.item(1, 1)->text(), longKey);
    QVERIFY2(log.columnWidth(1) > longWidth, qPrintable(QString::number(log.columnWidth(1))));
    QVERIFY(log.columnWidth(1) > shortFit);

    const int fitted = log.columnWidth(1);
    log.addEvent({3.0, QStringLiteral("burst"), QString(), QStringLiteral("500")});
    QCOMPARE(log.columnWidth(1), fitted);
}

QTEST_MAIN(TestEventLogView)
#include "tst_eventlogview.moc"
