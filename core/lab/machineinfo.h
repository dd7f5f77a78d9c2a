#pragma once

#include <QJsonObject>
#include <QString>

namespace shoal {

/// The machine and build a run was measured on: the numbers of two runs compare only as far as
/// these agree. A value type; any thread.
struct MachineInfo {
    QString cpu;   ///< the processor's model name ("" where the system does not say)
    int cores = 0; ///< logical processors
    QString os;    ///< the system's pretty name and kernel
    QString qt;    ///< the Qt version the program runs with
    QString shoal; ///< the program's version
    QString build; ///< compiler and build type

    bool operator==(const MachineInfo&) const = default;

    /// This machine and this program, now.
    static MachineInfo current();
    /// {cpu, cores, os, qt, shoal, build}.
    QJsonObject toJson() const;
};

} // namespace shoal
