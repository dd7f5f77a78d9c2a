#include "filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {

const QString kExportFolder = QStringLiteral("export/folder");

} // namespace

FileDialogs::FileDialogs(QWidget* parent, const QString& name)
    : m_parent(parent)
    , m_name(name.isEmpty() ? QStringLiteral("run") : name)
{}

QString FileDialogs::openPreset() const
{
    return QFileDialog::getOpenFileName(m_parent, tr("Open preset"), folder(),
                                        tr("Presets (*.json);;All files (*)"));
}

QString FileDialogs::openRun() const
{
    return QFileDialog::getOpenFileName(m_parent, tr("Open run"), folder(),
                                        tr("Shoal runs (*.shoalrun);;All files (*)"));
}

QString FileDialogs::savePreset() const
{
    return save(tr("Save preset"), QStringLiteral(".json"), tr("Presets (*.json)"));
}

QString FileDialogs::exportCsv() const
{
    return save(tr("Export CSV"), QStringLiteral(".csv"), tr("CSV files (*.csv)"));
}

QString FileDialogs::saveCharts() const
{
    return save(tr("Save charts as PNG"), QStringLiteral(".png"), tr("PNG images (*.png)"));
}

QString FileDialogs::saveRun() const
{
    return save(tr("Save run"), QStringLiteral(".shoalrun"), tr("Shoal runs (*.shoalrun)"));
}

QString FileDialogs::saveReport() const
{
    return save(tr("Save report"), QStringLiteral(".html"), tr("HTML pages (*.html)"));
}

QString FileDialogs::save(const QString& title, const QString& suffix, const QString& filter) const
{
    return QFileDialog::getSaveFileName(m_parent, title, QDir(folder()).filePath(m_name + suffix),
                                        filter);
}

QString FileDialogs::folder()
{
    const QString saved = QSettings().value(kExportFolder).toString();
    if (!saved.isEmpty() && QFileInfo(saved).isDir())
        return saved;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void FileDialogs::rememberFolderOf(const QString& path)
{
    QSettings().setValue(kExportFolder, QFileInfo(path).absolutePath());
}

QString FileDialogs::eventsPathFor(const QString& samplesPath)
{
    const QFileInfo info(samplesPath);
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("csv") : info.suffix();
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-events.") + suffix);
}
