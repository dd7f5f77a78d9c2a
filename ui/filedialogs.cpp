#include "filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {

const QString kExportFolder = QStringLiteral("export/folder");

} // namespace

FileDialogs::FileDialogs(QWidget* parent)
    : m_parent(parent)
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

QString FileDialogs::savePreset(const QString& name) const
{
    return save(tr("Save preset"), name, QStringLiteral(".json"), tr("Presets (*.json)"));
}

QString FileDialogs::exportCsv(const QString& name) const
{
    return save(tr("Export CSV"), name, QStringLiteral(".csv"), tr("CSV files (*.csv)"));
}

QString FileDialogs::saveCharts(const QString& name) const
{
    return save(tr("Save charts as PNG"), name, QStringLiteral(".png"), tr("PNG images (*.png)"));
}

QString FileDialogs::saveRun(const QString& name) const
{
    return save(tr("Save run"), name, QStringLiteral(".shoalrun"), tr("Shoal runs (*.shoalrun)"));
}

QString FileDialogs::save(const QString& title, const QString& name, const QString& suffix,
                          const QString& filter) const
{
    const QString base = name.isEmpty() ? QStringLiteral("run") : name;
    return QFileDialog::getSaveFileName(m_parent, title, QDir(folder()).filePath(base + suffix),
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
