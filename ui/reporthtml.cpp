#include "reporthtml.h"

#include <QBuffer>

namespace {

QString cell(const char* tag, const QString& text, bool numeric)
{
    const QString name = QLatin1StringView(tag);
    return QLatin1Char('<') + name +
           (numeric ? QStringLiteral(" class=\"num\">") : QStringLiteral(">")) +
           ReportHtml::escape(text) + QStringLiteral("</") + name + QLatin1Char('>');
}

} // namespace

ReportHtml::ReportHtml(const QString& title, const QString& language)
    : m_title(title)
    , m_language(language)
{}

QString ReportHtml::escape(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        default:
            // XML 1.0 holds no other control character, nor U+FFFE and U+FFFF: a name read
            // from a file with one in it must not make the page unreadable.
            if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') ||
                c.unicode() >= 0xFFFE)
                break;
            out += c;
        }
    }
    return out;
}

QString ReportHtml::pngSource(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

void ReportHtml::heading(const QString& text, int level)
{
    const QString tag = level >= 3 ? QStringLiteral("h3") : QStringLiteral("h2");
    m_body += QStringLiteral("<%1>%2</%1>\n").arg(tag, escape(text));
}

void ReportHtml::paragraph(const QString& text, Tone tone)
{
    QString open = QStringLiteral("<p>");
    switch (tone) {
    case Tone::Plain:
        break;
    case Tone::Lead:
        open = QStringLiteral("<p class=\"lead\">");
        break;
    case Tone::Verdict:
        open = QStringLiteral("<p class=\"verdict\">");
        break;
    case Tone::Note:
        open = QStringLiteral("<p class=\"note\">");
        break;
    }
    m_body += open + escape(text) + QStringLiteral("</p>\n");
}

void ReportHtml::table(const Table& table)
{
    // Many columns (a sweep's) get tighter cells, and scroll on a narrow page rather than
    // spill past it.
    m_body += table.header.size() > 6
                  ? QStringLiteral("<div class=\"scroll\"><table class=\"dense\">\n")
                  : QStringLiteral("<div class=\"scroll\"><table>\n");
    if (!table.header.isEmpty()) {
        m_body += QStringLiteral("<thead><tr>");
        for (qsizetype c = 0; c < table.header.size(); ++c)
            m_body += cell("th", table.header.at(c), table.numeric.contains(int(c)));
        m_body += QStringLiteral("</tr></thead>\n");
    }
    m_body += QStringLiteral("<tbody>\n");
    for (const QStringList& row : table.rows) {
        m_body += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < row.size(); ++c)
            m_body += cell("td", row.at(c), table.numeric.contains(int(c)));
        m_body += QStringLiteral("</tr>\n");
    }
    m_body += QStringLiteral("</tbody></table></div>\n");
}

void ReportHtml::fields(const QList<Field>& rows, bool numeric)
{
    m_body += QStringLiteral("<table class=\"fields\"><tbody>\n");
    for (const Field& row : rows)
        m_body += QStringLiteral("<tr>") + cell("th", row.first, false) +
                  cell("td", row.second, numeric) + QStringLiteral("</tr>\n");
    m_body += QStringLiteral("</tbody></table>\n");
}

void ReportHtml::image(const QImage& image, const QString& caption)
{
    m_body += QStringLiteral("<figure><img src=\"%1\" alt=\"%2\" width=\"%3\" height=\"%4\"/>"
                             "<figcaption>%2</figcaption></figure>\n")
                  .arg(pngSource(image), escape(caption), QString::number(image.width()),
                       QString::number(image.height()));
}

void ReportHtml::beginColumns()
{
    m_body += QStringLiteral("<div class=\"columns\"><div>\n");
}

void ReportHtml::nextColumn()
{
    m_body += QStringLiteral("</div><div>\n");
}

void ReportHtml::endColumns()
{
    m_body += QStringLiteral("</div></div>\n");
}

void ReportHtml::footer(const QString& text)
{
    m_footer = text;
}

QString ReportHtml::styleSheet()
{
    // Light rules, tabular figures right-aligned, images at the column's width; the system's
    // sans-serif face, so the page needs no font file.
    return QStringLiteral(R"(
:root { color-scheme: light; }
body { margin: 0; background: #eef0f3; color: #1f2430;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    "Liberation Sans", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 36px 48px 28px; background: #ffffff;
  box-shadow: 0 0 0 1px #dde1e7; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; font-weight: 650; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid #dde1e7;
  font-weight: 600; }
h3 { font-size: 17px; margin: 24px 0 8px; font-weight: 600; color: #3a4150; }
p { margin: 8px 0 12px; }
p.lead { font-size: 18px; color: #434b5a; margin: 0 0 18px; }
p.verdict { font-size: 17px; background: #f0f5fd; border-left: 4px solid #3267d6;
  padding: 10px 16px; margin: 14px 0 18px; }
p.note { color: #5d6574; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 18px;
  font-variant-numeric: tabular-nums; font-size: 15px; }
th, td { padding: 6px 12px; border-bottom: 1px solid #e5e8ed; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
thead th { font-weight: 600; color: #434b5a; background: #f6f7f9;
  border-bottom: 2px solid #d3d8e0; white-space: nowrap; }
tbody tr:hover { background: #fafbfc; }
table.fields th { font-weight: 500; color: #434b5a; width: 1%; white-space: nowrap;
  padding-right: 28px; overflow-wrap: normal; }
.num { text-align: right; white-space: nowrap; }
.scroll { overflow-x: auto; }
table.dense { font-size: 14px; }
table.dense th, table.dense td { padding: 5px 7px; }
figure { margin: 10px 0 26px; }
figure img { display: block; width: 100%; height: auto; border: 1px solid #e5e8ed;
  border-radius: 4px; }
figcaption { color: #5d6574; font-size: 14px; margin-top: 6px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 40px; }
.columns > div { min-width: 0; }
footer { color: #7b8392; font-size: 13px; margin-top: 40px; padding-top: 10px;
  border-top: 1px solid #e5e8ed; }
@media (max-width: 900px) { main { padding: 20px; } .columns { grid-template-columns: 1fr; } }
@media print { body { background: #ffffff; } main { box-shadow: none; max-width: none; } }
)");
}

QByteArray ReportHtml::page() const
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n"
                                  "<meta charset=\"utf-8\"/>\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, "
                                  "initial-scale=1\"/>\n"
                                  "<title>%2</title>\n<style>%3</style>\n</head>\n<body>\n<main>\n"
                                  "<h1>%2</h1>\n")
                       .arg(escape(m_language), escape(m_title), styleSheet());
    html += m_body;
    if (!m_footer.isEmpty())
        html += QStringLiteral("<footer>%1</footer>\n").arg(escape(m_footer));
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html.toUtf8();
}
