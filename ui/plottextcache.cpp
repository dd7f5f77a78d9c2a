#include "plottextcache.h"

#include <QTransform>

namespace {

constexpr qsizetype kMaxTexts = 256; ///< beyond this the set is rebuilt from what is on show

} // namespace

const QStaticText& PlotTextCache::get(const QString& text, const QFont& font)
{
    if (font != m_font) {
        m_texts.clear();
        m_font = font;
    }
    auto it = m_texts.find(text);
    if (it == m_texts.end()) {
        if (m_texts.size() > kMaxTexts)
            m_texts.clear();
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.prepare(QTransform(), font);
        it = m_texts.insert(text, laidOut);
    }
    return *it;
}

void PlotTextCache::clear()
{
    m_texts.clear();
}
