#include "machineinfo.h"

#include <QFile>
#include <QSysInfo>
#include <QtGlobal>

#include <thread>

namespace shoal {
namespace {

/// The first "model name" of /proc/cpuinfo (x86) or its "Hardware"/"Processor" line (Arm).
QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QSysInfo::currentCpuArchitecture();
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const char* key : {"model name", "Hardware", "Processor"}) {
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed() == key)
                return QString::fromUtf8(line.mid(colon + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString buildText()
{
#if defined(__clang__)
    const QString compiler =
        QStringLiteral("clang %1.%2").arg(__clang_major__).arg(__clang_minor__);
#elif defined(__GNUC__)
    const QString compiler = QStringLiteral("gcc %1.%2").arg(__GNUC__).arg(__GNUC_MINOR__);
#else
    const QString compiler = QStringLiteral("unknown compiler");
#endif
#if defined(NDEBUG)
    return compiler + QStringLiteral(", optimised");
#else
    return compiler + QStringLiteral(", debug");
#endif
}

} // namespace

MachineInfo MachineInfo::current()
{
    MachineInfo m;
    m.cpu = cpuModel();
    m.cores = static_cast<int>(std::thread::hardware_concurrency());
    m.os = QSysInfo::prettyProductName() + QStringLiteral(", ") + QSysInfo::kernelType() +
           QLatin1Char(' ') + QSysInfo::kernelVersion();
    m.qt = QString::fromLatin1(qVersion());
    m.shoal = QStringLiteral(SHOAL_VERSION);
    m.build = buildText();
    return m;
}

QJsonObject MachineInfo::toJson() const
{
    return {{QStringLiteral("cpu"), cpu},     {QStringLiteral("cores"), cores},
            {QStringLiteral("os"), os},       {QStringLiteral("qt"), qt},
            {QStringLiteral("shoal"), shoal}, {QStringLiteral("build"), build}};
}

} // namespace shoal
