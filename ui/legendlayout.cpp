#include "legendlayout.h"

#include <QFontMetrics>
#include <QPainter>

namespace {

constexpr int kSwatch = 10;    ///< an entry's colour square
constexpr int kSwatchGap = 4;  ///< between the square and its name
constexpr int kEntryGap = 12;  ///< after an entry's name
constexpr int kRowSpacing = 2; ///< between wrapped lines

} // namespace

LegendLayout::LegendLayout(const QList<Entry>& entries, const QFont& font, int firstX, int wrapX,
                           int right, int top)
{
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height();
    int x = firstX;
    int y = top;
    for (const Entry& entry : entries) {
        const int w = kSwatch + kSwatchGap + metrics.horizontalAdvance(entry.name) + kEntryGap;
        // The second condition keeps an entry too wide for any line from wrapping forever.
        if (x + w > right && x > wrapX) {
            x = wrapX;
            y += lineHeight + kRowSpacing;
            ++m_rows;
        }
        m_placed.append({QRect(x, y + lineHeight / 2 - kSwatch / 2, kSwatch, kSwatch),
                         QRect(x + kSwatch + kSwatchGap, y, w, lineHeight), entry});
        x += w;
    }
    m_bottom = y + lineHeight;
}

void LegendLayout::paint(QPainter& painter, const QFont& font) const
{
    painter.setFont(font);
    for (const Placed& placed : m_placed) {
        if (placed.entry.dashed) {
            // Two dashes across the square's middle, as the line is drawn.
            const QRect& s = placed.swatch;
            const int y = s.center().y() - 1;
            painter.fillRect(QRect(s.left(), y, 4, 2), placed.entry.color);
            painter.fillRect(QRect(s.left() + 6, y, 4, 2), placed.entry.color);
        } else {
            painter.fillRect(placed.swatch, placed.entry.color);
        }
        painter.drawText(placed.text, Qt::AlignLeft | Qt::AlignVCenter, placed.entry.name);
    }
}
