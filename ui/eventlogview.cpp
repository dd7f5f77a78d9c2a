#include "eventlogview.h"

#include "text/eventtext.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QStyle>

EventLogView::EventLogView(QWidget* parent)
    : QTableWidget(0, 3, parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    setColumnWidth(1, 160);
    retranslate();
}

void EventLogView::addEvent(const shoal::RunEvent& event)
{
    QString change;
    if (!event.oldValue.isEmpty())
        change = tr("%1 → %2").arg(event.oldValue, event.newValue);
    else
        change = event.newValue;
    addRow(event.tSec, event.what, change, false);
}

void EventLogView::addNote(double tSec, const QString& text)
{
    addRow(tSec, text, QString(), false);
}

void EventLogView::addError(double tSec, const QString& text)
{
    addRow(tSec, text, QString(), true);
}

void EventLogView::addRow(double tSec, const QString& what, const QString& change, bool error)
{
    if (rowCount() >= MaxRows)
        removeRow(0);
    const int row = rowCount();
    insertRow(row);
    auto* time = new QTableWidgetItem(tSec >= 0 ? QLocale().toString(tSec, 'f', 1) : QString());
    time->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* whatItem = new QTableWidgetItem(what);
    auto* changeItem = new QTableWidgetItem(change);
    whatItem->setToolTip(what);
    if (error) {
        for (QTableWidgetItem* item : {time, whatItem, changeItem})
            item->setForeground(QColor(0xb0, 0x20, 0x20));
    }
    setItem(row, 0, time);
    setItem(row, 1, whatItem);
    setItem(row, 2, changeItem);
    if (change.isEmpty()) {
        setSpan(row, 1, 1, 2); // a note or an error reads across both columns
    } else {
        // Wide enough for the longest key so far ("workload.params.slowFraction"): measured per
        // row, as resizing to contents would measure every row kept on each insert.
        const int margin =
            2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 8;
        const int wanted = fontMetrics().horizontalAdvance(what) + margin;
        if (wanted > columnWidth(1))
            setColumnWidth(1, wanted);
    }
    scrollToBottom();
}

void EventLogView::retranslate()
{
    setHorizontalHeaderLabels({tr("Time (s)"), tr("What"), tr("Change")});
}

void EventLogView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void EventLogView::addSummary(const shoal::RunSummary& summary)
{
    addNote(summary.elapsedSec, tr("Run finished: %1 completed, %2/s, p99 %3 ms, identity %4")
                                    .arg(summary.counters.completed)
                                    .arg(summary.throughputPerSec, 0, 'f', 0)
                                    .arg(summary.latencyP99Ms, 0, 'f', 1)
                                    .arg(summary.identityHolds ? tr("holds") : tr("BROKEN")));
}
