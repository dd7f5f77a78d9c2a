#pragma once

#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtGlobal>

/// Runs the shoal-lab executable as a user would, for the tests of its command line. The test
/// target defines SHOAL_LAB_BINARY and SHOAL_TEST_CACHE.
namespace testsupport {

constexpr int kLong = 300'000; ///< a run, with the image corpus generated the first time

/// What a shoal-lab run printed and returned.
struct LabProcess {
    int status = -1;
    QString out;
    QString err;
};

/// shoal-lab's environment: the test's cache, and \a config for its settings if given.
inline QProcessEnvironment labEnvironment(const QString& config = QString())
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), QStringLiteral(SHOAL_TEST_CACHE));
    if (!config.isEmpty())
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    return environment;
}

/// Runs shoal-lab with \a arguments to its end; status -1 if it crashed or outlived \a timeoutMs.
inline LabProcess runLab(const QStringList& arguments, int timeoutMs = kLong,
                         const QString& config = QString())
{
    QProcess process;
    process.setProcessEnvironment(labEnvironment(config));
    process.start(QStringLiteral(SHOAL_LAB_BINARY), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning("shoal-lab %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

/// The records of a CSV the lab wrote whose fields need no quoting (numbers, keys), header
/// first; empty if the file cannot be read.
inline QList<QStringList> csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    const QStringList lines =
        QString::fromUtf8(file.readAll())
            .split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        rows.append(line.split(QLatin1Char(',')));
    return rows;
}

} // namespace testsupport
