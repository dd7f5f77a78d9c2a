#include "presetlibrary.h"

#include "presetformat.h"
#include "runexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace shoal {
namespace {

/// Preset files larger than this are refused unread: a preset is a few kilobytes.
constexpr qint64 kMaxPresetBytes = qint64(4) << 20;

QList<Scenario> loadBuiltins()
{
    QList<Scenario> presets;
    const QDir dir(QStringLiteral(":/presets"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        ScenarioError error;
        if (auto scenario = PresetLibrary::loadFile(dir.filePath(file), &error)) {
            presets.append(*scenario);
        } else {
            // The test suite validates every built-in; this only guards a broken build.
            qWarning("shoal: built-in preset %s is invalid at %s", qPrintable(file),
                     qPrintable(error.path));
        }
    }
    std::stable_sort(presets.begin(), presets.end(),
                     [](const Scenario& a, const Scenario& b) { return a.name < b.name; });
    return presets;
}

} // namespace

const QList<Scenario>& PresetLibrary::builtins()
{
    static const QList<Scenario> presets = loadBuiltins();
    return presets;
}

QStringList PresetLibrary::builtinNames()
{
    QStringList names;
    for (const Scenario& preset : builtins())
        names.append(preset.name);
    return names;
}

std::optional<Scenario> PresetLibrary::builtin(const QString& name)
{
    for (const Scenario& preset : builtins()) {
        if (preset.name == name)
            return preset;
    }
    return std::nullopt;
}

Scenario PresetLibrary::defaultScenario()
{
    if (auto preset = builtin(Scenario::defaultPresetName()))
        return *preset;
    return Scenario();
}

std::optional<Scenario> PresetLibrary::load(const QString& nameOrFile, ScenarioError* error)
{
    if (auto preset = builtin(nameOrFile))
        return preset;
    if (QFileInfo(nameOrFile).isFile())
        return loadFile(nameOrFile, error);
    if (error) {
        *error = {};
        error->code = ScenarioError::Code::UnknownPreset;
        error->detail = nameOrFile;
    }
    return std::nullopt;
}

std::optional<Scenario> PresetLibrary::loadFile(const QString& path, ScenarioError* error)
{
    QFile file(path);
    const bool tooLarge = file.size() > kMaxPresetBytes;
    if (!QFileInfo(path).isFile() || tooLarge || !file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = {};
            error->code = ScenarioError::Code::FileUnreadable;
            error->detail = path;
            if (tooLarge)
                error->maximum = kMaxPresetBytes;
        }
        return std::nullopt;
    }
    // At most the limit and one byte more: a file that grew since its size was read is still
    // refused, without reading all of it.
    const QByteArray bytes = file.read(kMaxPresetBytes + 1);
    if (bytes.size() > kMaxPresetBytes) {
        if (error) {
            *error = {};
            error->code = ScenarioError::Code::FileUnreadable;
            error->detail = path;
            error->maximum = kMaxPresetBytes;
        }
        return std::nullopt;
    }
    return PresetFormat::parse(bytes, error);
}

FileError PresetLibrary::save(const Scenario& scenario, const QString& path)
{
    return RunExport::writeFile(path, PresetFormat::serialize(scenario));
}

} // namespace shoal
