#pragma once

#include <QDir>
#include <QFile>
#include <QString>

/// What the tests share about the process's threads, so a test can check that a run, a pool or
/// a session leaves none behind. Reads /proc (Linux).
namespace testsupport {

/// Whether threadCount() counts the idle threads of Qt's global thread pool, which linger for
/// half a minute by design (Qt Gui's painting and image conversion start them).
enum class PooledThreads { Counted, LeftOut };

/// The process's threads now.
inline int threadCount(PooledThreads pooled = PooledThreads::Counted)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList ids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (pooled == PooledThreads::Counted)
        return static_cast<int>(ids.size());
    int count = 0;
    for (const QString& id : ids) {
        QFile comm(tasks.filePath(id + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) ||
            comm.readLine().trimmed() != QByteArrayLiteral("Thread (pooled)"))
            ++count;
    }
    return count;
}

/// The process's threads whose name starts with \a prefix now (a QThread is named after its
/// objectName). Unlike a difference of two threadCount()s it does not depend on a thread of an
/// earlier test that has finished but not yet left /proc.
inline int namedThreadCount(const QByteArray& prefix)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    int count = 0;
    for (const QString& id : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(id + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readLine().startsWith(prefix))
            ++count;
    }
    return count;
}

} // namespace testsupport
