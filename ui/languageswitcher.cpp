#include "languageswitcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QWidget>

namespace {

/// Where qt_add_translations puts the compiled translations.
const QString kTranslations = QStringLiteral(":/i18n");

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject* parent)
    : QObject(parent)
{}

LanguageSwitcher::~LanguageSwitcher()
{
    uninstall();
}

QStringList LanguageSwitcher::available()
{
    QStringList codes{QStringLiteral("en")};
    const QStringList files =
        QDir(kTranslations).entryList({QStringLiteral("shoal_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        codes.append(file.mid(6, file.size() - 9)); // shoal_de.qm -> de
    return codes;
}

QString LanguageSwitcher::nativeName(const QString& code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return code;
    name[0] = name[0].toUpper();
    return name;
}

bool LanguageSwitcher::setLanguage(const QString& code)
{
    QString wanted = code;
    if (code.isEmpty()) {
        // The system's first language we speak, else English.
        wanted = QStringLiteral("en");
        const QStringList ours = available();
        for (const QString& name : QLocale::system().uiLanguages()) {
            const QString language = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
            if (ours.contains(language)) {
                wanted = language;
                break;
            }
        }
    } else if (!available().contains(code)) {
        return false;
    }

    uninstall();
    if (wanted != QStringLiteral("en")) {
        if (!m_shoal.load(QStringLiteral("shoal_") + wanted, kTranslations))
            return false;
        QCoreApplication::installTranslator(&m_shoal);
        m_installed = true;
        if (m_qt.load(QStringLiteral("qtbase_") + wanted,
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(&m_qt);
            m_qtInstalled = true;
        }
    } else {
        // Removing the translators alone sends no LanguageChange when none was installed.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    m_language = wanted;
    m_followsSystem = code.isEmpty();
    // Numbers follow the language too ("31,5 ms" in German); the system's own region when it
    // speaks the language chosen.
    const QLocale locale = QLocale::system().language() == QLocale(wanted).language()
                               ? QLocale::system()
                               : QLocale(wanted);
    QLocale::setDefault(locale);
    for (QWidget* widget : QApplication::topLevelWidgets())
        widget->setLocale(locale);
    Q_EMIT languageChanged(m_language);
    return true;
}

void LanguageSwitcher::uninstall()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_shoal);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_installed = m_qtInstalled = false;
}
