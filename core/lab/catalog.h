#pragma once

// What the lab offers, for the window and the command line: the settings table (every preset
// key with its range, texts and live effect), the workload kinds with their parameter schemas,
// and the built-in presets. Clients outside core/ include this header and session.h, nothing
// deeper, so that the lab can rearrange its insides without touching them.

#include "presetlibrary.h"
#include "settingstable.h"

#include "workloads/paramschema.h"
#include "workloads/workload.h"
