#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

/// The application's language: installs the translation of the chosen language (compiled into
/// the program from translations/shoal_*.ts) and Qt's own where it is installed, so every
/// window gets a LanguageChange and retranslates itself. English is the source language and
/// needs no translation. GUI thread.
class LanguageSwitcher : public QObject {
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    /// Switches to \a code ("en", "de"), or to the system locale's language for an empty code
    /// (English when there is no translation for it). False, with nothing changed, for a
    /// language without a translation.
    bool setLanguage(const QString& code);
    /// The language in use: "en" or one of available().
    QString language() const { return m_language; }
    /// Whether the language follows the system locale.
    bool followsSystem() const { return m_followsSystem; }
    /// Every language the program speaks, "en" first.
    static QStringList available();
    /// \a code's name in that language, e.g. "Deutsch".
    static QString nativeName(const QString& code);

Q_SIGNALS:
    /// The language changed to \a code (after the windows were retranslated).
    void languageChanged(const QString& code);

private:
    void uninstall();

    QTranslator m_shoal;        ///< our strings
    QTranslator m_qt;           ///< Qt's own (standard dialogs), when installed on the system
    bool m_installed = false;   ///< m_shoal is installed
    bool m_qtInstalled = false; ///< m_qt is installed
    QString m_language = QStringLiteral("en");
    bool m_followsSystem = true;
};
