#include "presetchoice.h"

#include "lab/presetassignment.h"
#include "lab/presetformat.h"
#include "lab/presetlibrary.h"
#include "text/errortext.h"

using namespace shoal;

std::optional<Scenario> PresetChoice::resolve(const CommandLine::Options& options, QString* error)
{
    const QString name = options.preset.isEmpty() ? Scenario::defaultPresetName() : options.preset;
    ScenarioError refusal;
    std::optional<Scenario> s = PresetLibrary::load(name, &refusal);
    if (!s) {
        if (refusal.code == ScenarioError::Code::UnknownPreset ||
            refusal.code == ScenarioError::Code::FileUnreadable)
            *error = ErrorText::scenario(refusal);
        else
            *error = tr("preset %1: %2").arg(name, ErrorText::scenario(refusal));
        return std::nullopt;
    }
    for (const CommandLine::Assignment& a : options.assignments) {
        s = PresetAssignment::apply(*s, a.assignment, &refusal);
        if (!s) {
            *error = tr("%1: %2").arg(a.given, ErrorText::scenario(refusal));
            return std::nullopt;
        }
    }
    return s;
}
