#include "runexport.h"

#include "samplecolumns.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace shoal {
namespace {

const QString kLineEnd = QStringLiteral("\r\n");

/// '.' as the decimal separator in every locale (QString::number never uses QLocale).
QString decimal(double value, int decimals)
{
    if (!std::isfinite(value))
        return QString();
    return QString::number(value, 'f', decimals);
}

FileError fileError(FileError::Code code, const QString& path, const QString& detail)
{
    FileError e;
    e.code = code;
    e.path = path;
    e.detail = detail;
    return e;
}

} // namespace

QStringList RunExport::sampleColumns()
{
    QStringList names;
    for (const SampleColumn& column : sampleColumnTable())
        names.append(column.name);
    return names;
}

QStringList RunExport::eventColumns()
{
    return {QStringLiteral("t_s"), QStringLiteral("what"), QStringLiteral("old"),
            QStringLiteral("new")};
}

QString RunExport::csvField(const QString& field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                             field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString RunExport::csvRecord(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += csvField(fields.at(i));
    }
    return line;
}

QStringList RunExport::sampleFields(const MetricsRow& r)
{
    QStringList fields;
    for (const SampleColumn& column : sampleColumnTable())
        fields.append(column.csvText(r));
    return fields;
}

QByteArray RunExport::samplesCsv(const QList<MetricsRow>& rows)
{
    QString text = csvRecord(sampleColumns()) + kLineEnd;
    for (const MetricsRow& row : rows)
        text += csvRecord(sampleFields(row)) + kLineEnd;
    return text.toUtf8();
}

QByteArray RunExport::eventsCsv(const QList<RunEvent>& events)
{
    QString text = csvRecord(eventColumns()) + kLineEnd;
    for (const RunEvent& event : events)
        text += csvRecord({decimal(event.tSec, 3), event.what, event.oldValue, event.newValue}) +
                kLineEnd;
    return text.toUtf8();
}

QByteArray RunExport::summaryJson(const RunSummary& summary)
{
    return QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented);
}

FileError RunExport::writeFile(const QString& path, const QByteArray& data)
{
    if (QFileInfo(path).isDir())
        return fileError(FileError::Code::IsDirectory, path, QString());
    QSaveFile file(path);
    // Unbuffered: a buffered QFileDevice that the system lets write only part of its buffer
    // (a full disk, a file size limit) drops the rest and still commits, replacing the old file
    // with a truncated one. Written directly, a short write shows in write()'s count.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fileError(FileError::Code::CannotOpen, path, file.errorString());
    if (file.write(data) != data.size() || file.size() != data.size()) {
        const QString detail = file.errorString();
        file.cancelWriting();
        return fileError(FileError::Code::WriteFailed, path, detail);
    }
    if (!file.commit())
        return fileError(FileError::Code::CommitFailed, path, file.errorString());
    return {};
}

FileError RunExport::checkWritable(const QString& path)
{
    if (QFileInfo(path).isDir())
        return fileError(FileError::Code::IsDirectory, path, QString());
    // Opening a QSaveFile creates its temporary file next to the target: the real test of the
    // folder. Cancelling removes it and leaves an existing target alone.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(FileError::Code::CannotOpen, path, file.errorString());
    file.cancelWriting();
    return {};
}

} // namespace shoal
