#include "workerlanes.h"

#include "lab/workertimeline.h"
#include "legendlayout.h"
#include "plotcolors.h"
#include "timeaxis.h"
#include "timechart.h"
#include "timemapping.h"

#include "text/statetext.h"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

using shoal::WorkerState;

namespace {

constexpr int kAxisHeight = 18;   ///< time ticks under the lanes
constexpr int kMinRowHeight = 2;  ///< below this, the oldest workers are left out
constexpr int kMaxRowHeight = 32; ///< a few workers still read as lanes, not slabs
constexpr int kTickLength = 3;    ///< the time ticks under the lanes

} // namespace

WorkerLanes::WorkerLanes(const shoal::WorkerTimeline* timeline, QWidget* parent)
    : QWidget(parent)
    , m_timeline(timeline)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(120);
    updateToolTip();
}

void WorkerLanes::setRecorded(bool recorded)
{
    m_recorded = recorded;
    update();
}

void WorkerLanes::setDispatchOrder(shoal::DispatchOrder order)
{
    m_order = order;
    updateToolTip();
}

void WorkerLanes::updateToolTip()
{
    const QString order =
        m_order == shoal::DispatchOrder::LongestIdleFirst
            ? tr("Dispatch order: longest idle first. Calls rotate over every idle worker, as "
                 "in tunny, so at low load every lane takes a share.")
            : tr("Dispatch order: newest idle first. The worker that went idle last gets the "
                 "next call, the cheapest handoff, so at low load one lane does nearly every "
                 "job while the others stay idle.");
    setToolTip(tr("One row per worker, coloured by its state.") + QLatin1Char('\n') + order);
}

void WorkerLanes::setRange(double fromSec, double toSec)
{
    m_fromSec = fromSec;
    m_toSec = std::max(toSec, fromSec + 1e-3);
    update();
}

QSize WorkerLanes::sizeHint() const
{
    return {480, 240};
}

QSize WorkerLanes::minimumSizeHint() const
{
    return {200, 120};
}

void WorkerLanes::resizeEvent(QResizeEvent* event)
{
    m_header = QPixmap();
    QWidget::resizeEvent(event);
}

void WorkerLanes::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_header = QPixmap();
        m_texts.clear();
        update();
    }
    if (event->type() == QEvent::LanguageChange)
        updateToolTip();
    QWidget::changeEvent(event);
}

void WorkerLanes::layOut()
{
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    QFont bold = font();
    bold.setBold(true);
    const QString title = tr("Worker lanes");
    const int left = TimeChart::leftColumnWidth(font());

    // Title and legend, wrapping under the title while the legend does not fit.
    QList<LegendLayout::Entry> entries;
    for (WorkerState state : StateText::workerStates())
        entries.append({StateText::workerState(state), PlotColors::workerState(state)});
    const LegendLayout legend(entries, font(), 6 + QFontMetrics(bold).horizontalAdvance(title) + 14,
                              left, width() - 4, 4);
    const int top = legend.bottom() + 6;
    const int right = TimeChart::rightColumnWidth(font());
    m_plot = QRect(left, top, std::max(1, width() - left - right),
                   std::max(1, height() - top - kAxisHeight));

    const qreal ratio = devicePixelRatioF();
    m_header = QPixmap(QSize(std::max(1, width()), top) * ratio);
    m_header.setDevicePixelRatio(ratio);
    m_header.fill(palette().base().color());
    QPainter painter(&m_header);
    painter.setPen(palette().text().color());
    painter.setFont(bold);
    painter.drawText(QRect(6, 4, width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    legend.paint(painter, font());
}

void WorkerLanes::paintEvent(QPaintEvent*)
{
    if (m_header.isNull())
        layOut();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_header);
    const QRect plot = m_plot;
    painter.fillRect(QRect(0, plot.top(), width(), height() - plot.top()), palette().base());
    painter.fillRect(plot, palette().alternateBase());
    const QFontMetrics metrics = painter.fontMetrics();
    const int lineHeight = metrics.height();
    const int labelWidth = plot.left();

    // The lanes with anything in the window, newest workers kept when they do not all fit.
    std::vector<const shoal::WorkerTimeline::Lane*> lanes;
    if (m_timeline) {
        for (const auto& [id, lane] : m_timeline->lanes()) {
            if (!lane.segments.empty() && lane.segments.back().endSec >= m_fromSec &&
                lane.segments.front().startSec <= m_toSec)
                lanes.push_back(&lane);
        }
    }
    const int fitting = std::max(1, plot.height() / kMinRowHeight);
    const int hidden = std::max(0, static_cast<int>(lanes.size()) - fitting);
    if (hidden > 0)
        lanes.erase(lanes.begin(), lanes.begin() + hidden);
    m_lanesDrawn = static_cast<int>(lanes.size());
    m_lanesLabelled = 0;

    const TimeMapping time(m_fromSec, m_toSec, plot);

    if (lanes.empty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(plot, Qt::AlignCenter,
                         m_recorded ? tr("This run file keeps no worker lanes")
                                    : tr("No workers yet: press Run"));
    } else {
        const int rowHeight = std::clamp(plot.height() / static_cast<int>(lanes.size()),
                                         kMinRowHeight, kMaxRowHeight);
        const int gap = rowHeight >= 6 ? 1 : 0;
        // Rows thinner than the text share a label: one per as many rows as the text is high.
        // A shared label starts at its first row's top, so that labels never overlap.
        const int rowsPerLabel =
            rowHeight >= lineHeight - 2 ? 1 : (lineHeight + rowHeight - 1) / rowHeight;
        // Below the "+N" of the hidden workers, when there are any.
        const int labelsFrom = hidden > 0 ? plot.top() + lineHeight : plot.top();
        int y = plot.top();
        int row = 0;
        for (const shoal::WorkerTimeline::Lane* lane : lanes) {
            if (row++ % rowsPerLabel == 0) {
                const QStaticText& label = m_texts.get(QStringLiteral("#%1").arg(lane->id), font());
                const double top =
                    rowsPerLabel > 1 ? y : y + (rowHeight - label.size().height()) / 2;
                // A pixel or two past the plot is still the label column.
                if (top + 2 >= labelsFrom && top + label.size().height() <= plot.bottom() + 3) {
                    painter.setPen(palette().text().color());
                    painter.drawStaticText(QPointF(labelWidth - 4 - label.size().width(), top),
                                           label);
                    ++m_lanesLabelled;
                }
            }
            // Segments ending before the window are skipped by binary search.
            auto it = std::lower_bound(
                lane->segments.begin(), lane->segments.end(), m_fromSec,
                [](const shoal::WorkerTimeline::Segment& s, double t) { return s.endSec < t; });
            int pendingX0 = 0;
            int pendingX1 = -1;
            WorkerState pendingState = WorkerState::Idle;
            const auto flush = [&] {
                if (pendingX1 > pendingX0)
                    painter.fillRect(QRect(pendingX0, y, pendingX1 - pendingX0, rowHeight - gap),
                                     PlotColors::workerState(pendingState));
            };
            for (; it != lane->segments.end() && it->startSec <= m_toSec; ++it) {
                int x0 = time.floorColumn(std::max(it->startSec, m_fromSec));
                const int x1 = std::max(x0 + 1, time.floorColumn(std::min(it->endSec, m_toSec)));
                if (pendingX1 > pendingX0 && x0 < pendingX1) {
                    if (x1 <= pendingX1) {
                        // Narrower than what is left of the pixel: the notable state shows.
                        if (pendingX1 - pendingX0 == 1)
                            pendingState =
                                shoal::WorkerTimeline::moreNotable(pendingState, it->state);
                        else if (shoal::WorkerTimeline::moreNotable(pendingState, it->state) !=
                                 pendingState) {
                            --pendingX1;
                            flush();
                            pendingX0 = pendingX1;
                            pendingX1 = pendingX0 + 1;
                            pendingState = it->state;
                        }
                        continue;
                    }
                    x0 = pendingX1;
                }
                if (pendingX1 == x0 && it->state == pendingState) {
                    pendingX1 = x1;
                    continue;
                }
                flush();
                pendingX0 = x0;
                pendingX1 = x1;
                pendingState = it->state;
            }
            flush();
            y += rowHeight;
        }
        if (hidden > 0) {
            painter.setPen(palette().text().color());
            painter.drawText(QRect(0, plot.top(), labelWidth - 4, lineHeight),
                             Qt::AlignRight | Qt::AlignVCenter, tr("+%1").arg(hidden));
        }
    }

    // The time axis, with the charts' ticks.
    const QColor axisInk = PlotColors::axis(palette());
    painter.fillRect(QRect(plot.left(), plot.bottom(), plot.width(), 1), axisInk);
    painter.setPen(palette().text().color());
    TimeAxis::paint(painter, plot, time, m_fromSec, m_toSec, m_texts, font(),
                    palette().text().color(), kTickLength);
}
