#pragma once

#include "plottextcache.h"

#include "lab/runevent.h"

#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>

#include <vector>

class LegendLayout;

/// One live chart over run time: a title with its legend, a value axis with its unit, the time
/// grid the worker lanes share, a few lines and the run's events as labelled markers. Painted
/// directly: the frame (title, legend, unit) is cached as a pixmap and only the plot is drawn
/// per frame, with one-pixel polylines, the grid in one call and labels laid out once, so ten
/// frames a second over five charts stay a small part of a core. Each line's points are set
/// with one replace() per update. GUI thread.
class TimeChart : public QWidget {
    Q_OBJECT

public:
    explicit TimeChart(QWidget* parent = nullptr);

    /// The title drawn above the plot.
    void setTitle(const QString& title);
    QString title() const { return m_title; }
    /// The value axis' unit, drawn along it.
    void setUnit(const QString& unit);
    QString unit() const { return m_unit; }
    /// The lines' names, in legend order; their number is the number of lines (points kept).
    void setLineNames(const QStringList& names);
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    /// A line's name, its colour and its points as last set.
    QString lineName(int line) const { return m_lines.at(line).name; }
    /// See lineName().
    QColor lineColor(int line) const;
    /// How a line is stroked.
    enum class Stroke {
        Solid,    ///< a measured line
        Dashed,   ///< a model's line beside what it predicts
        Compared, ///< another run's line, in longer dashes; left out of the legend
    };
    /// Draws \a line in the colour of line \a colorOf and in \a stroke; in the legend too.
    void setLineStyle(int line, int colorOf, Stroke stroke);
    /// See setLineStyle().
    Stroke stroke(int line) const { return m_lines.at(static_cast<std::size_t>(line)).stroke; }
    /// Whether \a line is drawn dashed (a model's or another run's).
    bool isDashed(int line) const { return stroke(line) != Stroke::Solid; }
    /// The run the Compared lines show, named by one legend entry; empty: none.
    void setComparedName(const QString& name);
    QString comparedName() const { return m_comparedName; }
    /// See lineName().
    const QList<QPointF>& points(int line) const { return m_lines.at(line).points; }

    /// Sets every point of \a line (x in run seconds, in order); drawn at the next paint. A
    /// point with a NaN value breaks the line there.
    void replace(int line, QList<QPointF> points);
    /// The time range the plot spans, in run seconds.
    void setTimeRange(double fromSec, double toSec);
    double timeMin() const { return m_fromSec; }
    /// See timeMin().
    double timeMax() const { return m_toSec; }
    /// The value range the plot spans; the grid takes round steps in it.
    void setValueRange(double bottom, double top);
    double valueMin() const { return m_bottom; }
    /// See valueMin().
    double valueMax() const { return m_top; }
    /// Whether the value ticks stay on whole numbers (a plot of counts).
    void setWholeNumbers(bool whole);
    bool wholeNumbers() const { return m_wholeNumbers; }
    /// The value ticks the grid draws for the current value range.
    QList<double> valueTicks() const;
    /// Whether the time ticks are labelled under the plot (the bottom row's charts only).
    void setTimeLabelsVisible(bool visible);

    /// Events to draw as markers (not owned; read at every paint), or none.
    void setEvents(const QList<shoal::RunEvent>* events);
    /// How many markers the last paint drew.
    int markersDrawn() const { return m_markersDrawn; }
    /// Where the last paint put the markers' labels (those that found room).
    const QList<QRectF>& markerLabels() const { return m_markerLabels; }

    /// Where the lines are drawn, in this widget's coordinates.
    QRect plotArea() const;
    /// The width left of the plot (unit, value labels, ticks) for \a font: the same in every
    /// chart, so plots stacked in a grid line up, and other time plots can line up with them.
    static int leftColumnWidth(const QFont& font);
    /// The width right of the plot (half a time label) for \a font; see leftColumnWidth().
    static int rightColumnWidth(const QFont& font);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Line {
        QString name;
        QList<QPointF> points;
        int colorOf = -1;              ///< the colour of this line of the table; -1: its own
        Stroke stroke = Stroke::Solid; ///< see setLineStyle()
    };

    /// Places the plot: under the title and legend, right of the value axis. Text metrics are
    /// costly, so this runs when the size or a text changes, not per frame.
    void layOut() const;
    /// The layout and the frame are stale: a text or the font changed.
    void invalidate();
    /// The lines' legend, laid out for the current size and font.
    LegendLayout legend() const;
    void paintFrame();
    void drawGrid(QPainter& painter, const QRect& plot);
    void drawLines(QPainter& painter, const QRect& plot);
    void drawMarkers(QPainter& painter, const QRect& plot);
    /// \a text laid out once and kept: axis labels repeat from frame to frame.
    const QStaticText& staticText(const QString& text);

    QString m_title;
    QString m_unit;
    QString m_comparedName; ///< see setComparedName()
    std::vector<Line> m_lines;
    double m_fromSec = 0;
    double m_toSec = 30;
    double m_bottom = 0;
    double m_top = 1;
    bool m_timeLabels = true;
    bool m_wholeNumbers = false;                      ///< see wholeNumbers()
    const QList<shoal::RunEvent>* m_events = nullptr; ///< not owned
    int m_markersDrawn = 0;                           ///< see markersDrawn()
    QList<QRectF> m_markerLabels;                     ///< see markerLabels()
    mutable QRect m_plot;                             ///< see plotArea()
    mutable QSize m_laidOutFor; ///< the size m_plot is for; invalid when stale
    mutable QPixmap m_frame;    ///< background, title, legend, unit; null when stale
    PlotTextCache m_texts;      ///< see staticText()
    QPolygonF m_polygon;        ///< reused for every line of every frame
};
