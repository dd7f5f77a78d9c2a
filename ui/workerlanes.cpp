#include "workerlanes.h"

#include "statetext.h"
#include "timeaxisticks.h"
#include "workertimeline.h"

#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

using shoal::WorkerState;

namespace {

constexpr int kLabelWidth = 44;   ///< room for "#123" left of the lanes
constexpr int kAxisHeight = 18;   ///< time ticks under the lanes
constexpr int kMinRowHeight = 2;  ///< below this, the oldest workers are left out
constexpr int kMaxRowHeight = 32; ///< a few workers still read as lanes, not slabs

} // namespace

WorkerLanes::WorkerLanes(const WorkerTimeline* timeline, QWidget* parent)
    : QWidget(parent)
    , m_timeline(timeline)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(120);
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

void WorkerLanes::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QFontMetrics metrics = painter.fontMetrics();
    const int lineHeight = metrics.height();

    // Title and legend.
    int x = 6;
    const int titleY = 4;
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    const QString title = tr("Worker lanes");
    painter.setPen(palette().text().color());
    painter.drawText(QRect(x, titleY, width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     title);
    x += QFontMetrics(bold).horizontalAdvance(title) + 14;
    painter.setFont(font());
    int legendY = titleY;
    for (WorkerState state : StateText::workerStates()) {
        const QString label = StateText::workerState(state);
        const int w = 14 + metrics.horizontalAdvance(label) + 12;
        if (x + w > width() - 4) {
            x = kLabelWidth;
            legendY += lineHeight + 2;
        }
        painter.fillRect(QRect(x, legendY + lineHeight / 2 - 5, 10, 10),
                         StateText::workerColor(state));
        painter.drawText(QRect(x + 14, legendY, w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         label);
        x += w;
    }

    const QRect plot(kLabelWidth, legendY + lineHeight + 6, std::max(1, width() - kLabelWidth - 8),
                     std::max(1, height() - (legendY + lineHeight + 6) - kAxisHeight));
    painter.fillRect(plot, palette().alternateBase());

    // The lanes with anything in the window, newest workers kept when they do not all fit.
    std::vector<const WorkerTimeline::Lane*> lanes;
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

    const double span = m_toSec - m_fromSec;
    const auto toX = [&](double t) { return plot.left() + (t - m_fromSec) / span * plot.width(); };

    if (lanes.empty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(plot, Qt::AlignCenter, tr("No workers yet: press Run"));
    } else {
        const int rowHeight = std::clamp(plot.height() / static_cast<int>(lanes.size()),
                                         kMinRowHeight, kMaxRowHeight);
        const int gap = rowHeight >= 6 ? 1 : 0;
        int y = plot.top();
        for (const WorkerTimeline::Lane* lane : lanes) {
            if (rowHeight >= metrics.height() - 2) {
                painter.setPen(palette().text().color());
                painter.drawText(QRect(0, y, kLabelWidth - 4, rowHeight),
                                 Qt::AlignRight | Qt::AlignVCenter,
                                 QStringLiteral("#%1").arg(lane->id));
            }
            // Segments ending before the window are skipped by binary search.
            auto it = std::lower_bound(
                lane->segments.begin(), lane->segments.end(), m_fromSec,
                [](const WorkerTimeline::Segment& s, double t) { return s.endSec < t; });
            int pendingX0 = 0;
            int pendingX1 = -1;
            WorkerState pendingState = WorkerState::Idle;
            const auto flush = [&] {
                if (pendingX1 > pendingX0)
                    painter.fillRect(QRect(pendingX0, y, pendingX1 - pendingX0, rowHeight - gap),
                                     StateText::workerColor(pendingState));
            };
            for (; it != lane->segments.end() && it->startSec <= m_toSec; ++it) {
                int x0 = static_cast<int>(std::floor(toX(std::max(it->startSec, m_fromSec))));
                const int x1 = std::max(
                    x0 + 1, static_cast<int>(std::floor(toX(std::min(it->endSec, m_toSec)))));
                if (pendingX1 > pendingX0 && x0 < pendingX1) {
                    if (x1 <= pendingX1) {
                        // Narrower than what is left of the pixel: the notable state shows.
                        if (pendingX1 - pendingX0 == 1)
                            pendingState = WorkerTimeline::moreNotable(pendingState, it->state);
                        else if (WorkerTimeline::moreNotable(pendingState, it->state) !=
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
            painter.drawText(QRect(0, plot.top(), kLabelWidth - 4, lineHeight),
                             Qt::AlignRight | Qt::AlignVCenter, tr("+%1").arg(hidden));
        }
    }

    // The time axis, with the charts' ticks.
    painter.setPen(palette().mid().color());
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.setPen(palette().text().color());
    for (double t : TimeAxisTicks::ticks(m_fromSec, m_toSec, TimeAxisTicks::DefaultTicks)) {
        const int tx = static_cast<int>(toX(t));
        painter.drawLine(tx, plot.bottom(), tx, plot.bottom() + 3);
        const QString label = TimeAxisTicks::label(t);
        const int w = metrics.horizontalAdvance(label);
        painter.drawText(QRect(tx - w / 2, plot.bottom() + 3, w + 2, kAxisHeight - 3),
                         Qt::AlignCenter, label);
    }
}
