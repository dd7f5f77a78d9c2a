// Fuzzes the --set parser (PresetAssignment::apply). The input is a list of "key=value"
// lines, applied in order to three built-in presets (one per workload kind). Each line is
// refused with an error or gives a preset that must save and read back equal, and applying the
// same line again must change nothing.

#include "lab/presetassignment.h"
#include "lab/presetformat.h"
#include "lab/presetlibrary.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace shoal;

namespace {

constexpr int MaxLines = 16; ///< longer inputs only repeat what shorter ones reach

[[noreturn]] void fail(const char* what, const QString& line, const Scenario& scenario)
{
    std::fprintf(stderr, "%s: %s\n%s\n", what, qPrintable(line),
                 PresetFormat::serialize(scenario).constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const QList<Scenario> bases = {
        PresetLibrary::defaultScenario(),
        *PresetLibrary::builtin(QStringLiteral("hash-saturation")),
        *PresetLibrary::builtin(QStringLiteral("image-thumbnails")),
    };
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > MaxLines)
        return 0;

    for (Scenario scenario : bases) {
        for (const QString& line : lines) {
            ScenarioError error;
            const std::optional<Scenario> changed = PresetAssignment::apply(scenario, line, &error);
            if (!changed) {
                if (!error)
                    fail("refused without an error code", line, scenario);
                continue;
            }
            ScenarioError again;
            const std::optional<Scenario> reread =
                PresetFormat::parse(PresetFormat::serialize(*changed), &again);
            if (!reread)
                fail("the changed preset is refused when saved and read", line, *changed);
            if (!(*reread == *changed))
                fail("saving and reading changed the preset", line, *changed);
            const std::optional<Scenario> twice = PresetAssignment::apply(*changed, line, &again);
            if (!twice)
                fail("the same assignment is refused the second time", line, *changed);
            if (!(*twice == *changed))
                fail("the same assignment changed the preset again", line, *changed);
            scenario = *changed;
        }
    }
    return 0;
}
