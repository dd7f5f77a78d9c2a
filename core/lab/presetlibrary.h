#pragma once

#include "fileerror.h"
#include "scenario.h"
#include "scenarioerror.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace shoal {

/// The built-in presets (resources/presets/*.json, compiled into the lab library) and preset
/// files. Built-ins are parsed once, on first use. Any thread.
class PresetLibrary {
public:
    /// Every built-in preset, ordered by name.
    static const QList<Scenario>& builtins();
    /// Their names, in the same order.
    static QStringList builtinNames();
    /// The built-in preset called \a name, or nothing.
    static std::optional<Scenario> builtin(const QString& name);
    /// The built-in preset Scenario::defaultPresetName().
    static Scenario defaultScenario();

    /// A built-in name first, else a file path: the preset, or nothing with \a error set
    /// (UnknownPreset when it is neither, FileUnreadable, or what the file's validation found).
    /// Blocks on the disk.
    static std::optional<Scenario> load(const QString& nameOrFile, ScenarioError* error);
    /// The preset in the file at \a path, or nothing with \a error set. Blocks on the disk.
    static std::optional<Scenario> loadFile(const QString& path, ScenarioError* error);
    /// Writes \a scenario as a preset file (atomically, through QSaveFile); loading it gives
    /// back an equal Scenario. A failed write leaves any previous file intact.
    static FileError save(const Scenario& scenario, const QString& path);
};

} // namespace shoal
