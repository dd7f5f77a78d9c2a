#include "runexport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <functional>
#include <vector>

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

/// One column of the samples CSV: its name and how a row's field is written.
struct SampleColumn {
    QString name;
    std::function<QString(const MetricsRow&)> field;
};

SampleColumn integer(const char* name, qint64 (*get)(const MetricsRow&))
{
    return {QLatin1StringView(name),
            [get](const MetricsRow& r) { return QString::number(get(r)); }};
}

SampleColumn real(const char* name, double MetricsRow::*field, int decimals)
{
    return {QLatin1StringView(name),
            [field, decimals](const MetricsRow& r) { return decimal(r.*field, decimals); }};
}

/// The samples CSV's columns, in file order: the one list the header and every row come from.
const std::vector<SampleColumn>& sampleTable()
{
    static const std::vector<SampleColumn> columns = [] {
        std::vector<SampleColumn> c = {
            real("t_s", &MetricsRow::tSec, 3),
            integer("pool_size", [](const MetricsRow& r) -> qint64 { return r.poolSize; }),
            integer("waiting", [](const MetricsRow& r) { return r.waiting; }),
            integer("in_flight", [](const MetricsRow& r) { return r.inFlight; }),
            integer("submitted", [](const MetricsRow& r) { return r.submitted; }),
        };
        for (const Outcome outcome : kOutcomes) {
            c.push_back({QLatin1StringView(outcomeColumn(outcome)),
                         [outcome](const MetricsRow& r) { return QString::number(r[outcome]); }});
        }
        for (SampleColumn column : {
                 real("throughput_per_s", &MetricsRow::throughputPerSec, 2),
                 real("timeouts_per_s", &MetricsRow::timeoutsPerSec, 2),
                 real("latency_p50_ms", &MetricsRow::latencyP50Ms, 4),
                 real("latency_p95_ms", &MetricsRow::latencyP95Ms, 4),
                 real("latency_p99_ms", &MetricsRow::latencyP99Ms, 4),
                 real("latency_max_ms", &MetricsRow::latencyMaxMs, 4),
                 real("queue_wait_p95_ms", &MetricsRow::queueWaitP95Ms, 4),
                 real("service_p95_ms", &MetricsRow::serviceP95Ms, 4),
                 real("limiter_tokens", &MetricsRow::limiterTokens, 3),
                 real("offered_per_s", &MetricsRow::offeredPerSec, 2),
                 integer("abandoned_workers",
                         [](const MetricsRow& r) -> qint64 { return r.abandonedWorkers; }),
                 real("latency_mean_ms", &MetricsRow::latencyMeanMs, 4),
                 real("in_system_mean", &MetricsRow::inSystemMean, 4),
                 real("utilisation", &MetricsRow::utilisation, 4),
                 real("predicted_latency_p95_ms", &MetricsRow::predictedLatencyP95Ms, 4),
                 real("predicted_queue_wait_p95_ms", &MetricsRow::predictedQueueWaitP95Ms, 4),
             })
            c.push_back(std::move(column));
        return c;
    }();
    return columns;
}

} // namespace

QStringList RunExport::sampleColumns()
{
    QStringList names;
    for (const SampleColumn& column : sampleTable())
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
    for (const SampleColumn& column : sampleTable())
        fields.append(column.field(r));
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
