#pragma once

#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

/// Reads a report page (`shoal-lab --report`, RunReport) the way the tests check one.
namespace testsupport {

/// What a report page holds, or why it is not a self-contained, well-formed one.
struct ReportPage {
    QString error;          ///< empty when the page is fine
    int images = 0;         ///< embedded PNGs, each a real picture
    QString text;           ///< every piece of text, joined by spaces
    QStringList tableHeads; ///< every <th>'s text
};

/// Whether \a image holds one colour only.
inline bool isBlank(const QImage& image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}

/// Parses \a html whole, refusing a page that reaches outside (a URL, a link, a script, an
/// import) or holds an image that is not an embedded PNG of several colours.
inline ReportPage parseReport(const QByteArray& html)
{
    ReportPage page;
    for (const char* outside : {"http:", "https:", "<link", "<script", "@import", "url("}) {
        if (html.contains(outside)) {
            page.error = QStringLiteral("reaches outside: ") + QLatin1StringView(outside);
            return page;
        }
    }
    QXmlStreamReader xml(html);
    const QString prefix = QStringLiteral("data:image/png;base64,");
    bool inHead = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() || xml.isEndElement())
            inHead = xml.name() == QLatin1StringView("th") ? xml.isStartElement() : inHead;
        if (xml.isCharacters()) {
            page.text += xml.text() + QLatin1Char(' ');
            if (inHead)
                page.tableHeads.append(xml.text().toString());
        }
        if (!xml.isStartElement() || xml.name() != QLatin1StringView("img"))
            continue;
        const QString src = xml.attributes().value(QLatin1StringView("src")).toString();
        QImage image;
        if (!src.startsWith(prefix) ||
            !image.loadFromData(QByteArray::fromBase64(src.mid(prefix.size()).toLatin1()), "PNG")) {
            page.error = QStringLiteral("an image that is no embedded PNG");
            return page;
        }
        if (image.width() < 400 || image.height() < 200 || isBlank(image)) {
            page.error = QStringLiteral("an image of nothing");
            return page;
        }
        ++page.images;
    }
    if (xml.hasError())
        page.error = QStringLiteral("not well-formed at line %1: %2")
                         .arg(xml.lineNumber())
                         .arg(xml.errorString());
    return page;
}

/// The page in the file at \a path, as parseReport() reads it.
inline ReportPage readReport(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReportPage page;
        page.error = QStringLiteral("cannot read ") + path;
        return page;
    }
    return parseReport(file.readAll());
}

} // namespace testsupport
