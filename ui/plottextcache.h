#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QString>

/// Labels laid out once and kept: axis and lane labels repeat from frame to frame, and laying
/// text out is the costly part of drawing it. Bounded, since a sliding time axis keeps
/// bringing new labels. One font per cache; GUI thread.
class PlotTextCache {
public:
    /// \a text laid out in \a font; a different font than last time empties the cache.
    const QStaticText& get(const QString& text, const QFont& font);
    /// Forgets every label (the font, language or style changed).
    void clear();

private:
    QFont m_font; ///< what the kept labels are laid out in
    QHash<QString, QStaticText> m_texts;
};
