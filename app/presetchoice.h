#pragma once

#include "commandline.h"

#include "lab/scenario.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

/// The preset a command line asks for: --preset (a built-in name or a file; the default preset
/// when absent) with its --set, --duration and --jobs assignments applied in order. Used by
/// the headless run and by the window alike, so both refuse the same input the same way.
/// Blocks on the disk for a file; any thread.
class PresetChoice {
    Q_DECLARE_TR_FUNCTIONS(PresetChoice)

public:
    /// The preset, or nothing with \a error set to one line naming what was wrong.
    static std::optional<shoal::Scenario> resolve(const CommandLine::Options& options,
                                                  QString* error);
};
