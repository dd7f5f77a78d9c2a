#pragma once

#include <QColor>
#include <QList>
#include <QRect>
#include <QString>

class QFont;
class QPainter;

/// A plot's legend: colour swatches with their names, on the title's line and wrapping under
/// it while they do not fit. Laid out once per size or text change, painted into a cached
/// frame; the charts and the worker lanes use the same one. GUI thread.
class LegendLayout {
public:
    struct Entry {
        QString name;
        QColor color;
        bool dashed = false; ///< drawn as a dashed stroke, not a square
    };

    /// Lays \a entries out in \a font from \a firstX on the line at \a top, wrapping to
    /// \a wrapX while an entry would pass \a right.
    LegendLayout(const QList<Entry>& entries, const QFont& font, int firstX, int wrapX, int right,
                 int top);

    /// How many lines the legend takes (at least one).
    int rows() const { return m_rows; }
    /// The y just under the last line.
    int bottom() const { return m_bottom; }
    /// Draws the swatches and names, in the painter's pen for the text.
    void paint(QPainter& painter, const QFont& font) const;

private:
    struct Placed {
        QRect swatch;
        QRect text;
        Entry entry;
    };
    QList<Placed> m_placed;
    int m_rows = 1;
    int m_bottom = 0;
};
