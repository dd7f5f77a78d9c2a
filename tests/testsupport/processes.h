#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/types.h>

/// What the tests share about processes, so a test can check that a workload's children are
/// gone. Reads /proc (Linux).
namespace testsupport {

/// One line of the process table.
struct ProcessEntry {
    qint64 pid = 0;
    qint64 parent = 0;
    qint64 group = 0;    ///< process group id
    bool zombie = false; ///< exited, waiting for its parent to reap it
};

/// Every process now (those that vanish while being read are left out).
inline QList<ProcessEntry> processTable()
{
    QList<ProcessEntry> table;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid pgrp ...; comm may hold spaces, so split after its last ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 3)
            continue;
        table.append(
            {pid, fields.at(1).toLongLong(), fields.at(2).toLongLong(), fields.at(0) == "Z"});
    }
    return table;
}

/// Processes in process group \a group that are still running (zombies waiting for their
/// parent to reap them do not count: they hold no resources and run nothing).
inline int livingInGroup(qint64 group)
{
    int living = 0;
    for (const ProcessEntry& p : processTable())
        if (p.group == group && !p.zombie)
            ++living;
    return living;
}

/// This process's children, zombies included (a child nobody reaped is a leak too).
inline QList<ProcessEntry> childrenOfThisProcess()
{
    QList<ProcessEntry> children;
    const qint64 self = QCoreApplication::applicationPid();
    for (const ProcessEntry& p : processTable())
        if (p.parent == self)
            children.append(p);
    return children;
}

} // namespace testsupport
