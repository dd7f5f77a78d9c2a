// Fuzzes the preset reader and validator (PresetFormat::parse): any bytes are refused with an
// error or give a Scenario; a Scenario that was read is saved and read again, and must come
// back equal (the format's promise: parse(serialize(x)) == x).

#include "lab/presetformat.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace shoal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    ScenarioError error;
    const std::optional<Scenario> scenario = PresetFormat::parse(input, &error);
    if (!scenario) {
        if (!error) {
            std::fprintf(stderr, "refused without an error code\n");
            std::abort();
        }
        return 0;
    }

    const QByteArray saved = PresetFormat::serialize(*scenario);
    ScenarioError again;
    const std::optional<Scenario> reread = PresetFormat::parse(saved, &again);
    if (!reread) {
        std::fprintf(stderr, "a saved preset is refused (code %d at %s):\n%s\n",
                     static_cast<int>(again.code), qPrintable(again.path), saved.constData());
        std::abort();
    }
    if (!(*reread == *scenario)) {
        std::fprintf(stderr, "saving and reading changed the preset:\n%s\n", saved.constData());
        std::abort();
    }
    if (PresetFormat::serialize(*reread) != saved) {
        std::fprintf(stderr, "saving is not stable:\n%s\n", saved.constData());
        std::abort();
    }
    return 0;
}
