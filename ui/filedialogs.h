#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

/// The window's file dialogs: each opens in the folder last written to (remembered in the
/// settings, else the documents folder) and a save suggests the preset's name with the file's
/// suffix. Each returns the path chosen, or an empty string when the person cancels. GUI thread.
class FileDialogs {
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    /// Dialogs over \a parent (not owned), whose saves suggest \a name (the preset's; "run"
    /// when empty) with the file's suffix.
    explicit FileDialogs(QWidget* parent, const QString& name = QString());

    QString openPreset() const;
    QString openRun() const;
    QString savePreset() const;
    QString exportCsv() const;
    QString saveCharts() const;
    QString saveRun() const;
    QString saveReport() const;
    /// Any save dialog: \a title, suggesting the name + \a suffix, showing \a filter.
    QString save(const QString& title, const QString& suffix, const QString& filter) const;

    /// Where the dialogs open.
    static QString folder();
    /// The file "<name>-events.csv" next to \a samplesPath, where Export CSV puts the events.
    static QString eventsPathFor(const QString& samplesPath);
    /// Remembers the folder of \a path, a file just written, for the next dialog.
    static void rememberFolderOf(const QString& path);

private:
    QWidget* m_parent = nullptr;
    QString m_name; ///< suggested for saves
};
