#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/// The building blocks of a report page: escaped text, headings, paragraphs, tables and PNG
/// images embedded as data URLs, collected into one self-contained HTML document with its own
/// style sheet (no outside asset of any kind). The markup is well-formed XML (every element
/// closed, attributes quoted, text escaped), so a reader can check it with an XML parser. Holds
/// text only; any thread (the images come from the caller).
class ReportHtml {
public:
    /// A table of text cells; the columns listed in numeric are right-aligned.
    struct Table {
        QStringList header;
        QList<QStringList> rows;
        QList<int> numeric;
    };
    /// How a paragraph reads.
    enum class Tone {
        Plain,   ///< body text
        Lead,    ///< the line under the title
        Verdict, ///< one conclusion, set apart
        Note,    ///< a quiet aside
    };
    /// One "label: value" row of a fields() table.
    using Field = QPair<QString, QString>;

    /// A page titled \a title (the h1 and the window's title), in \a language (BCP 47).
    ReportHtml(const QString& title, const QString& language);

    /// \a text with &, <, >, " escaped and characters XML cannot hold dropped.
    static QString escape(const QString& text);
    /// \a image as a "data:image/png;base64,..." URL.
    static QString pngSource(const QImage& image);

    /// A section heading (h2; h3 for level 3).
    void heading(const QString& text, int level = 2);
    void paragraph(const QString& text, Tone tone = Tone::Plain);
    void table(const Table& table);
    /// A two-column table of labels and values, values right-aligned when \a numeric.
    void fields(const QList<Field>& rows, bool numeric = true);
    /// \a image at the page's width, with \a caption under it (its alt text too).
    void image(const QImage& image, const QString& caption);
    /// Starts and ends a block of two columns side by side (narrow pages stack them).
    void beginColumns();
    /// See beginColumns(): the next column.
    void nextColumn();
    /// See beginColumns().
    void endColumns();
    /// The footer line, e.g. which program wrote the page and when.
    void footer(const QString& text);

    /// The whole document, UTF-8.
    QByteArray page() const;

private:
    static QString styleSheet();

    QString m_title;    ///< the h1 and <title>
    QString m_language; ///< the html element's lang
    QString m_body;     ///< the markup after the h1
    QString m_footer;   ///< the footer line, if any
};
