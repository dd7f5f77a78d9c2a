#pragma once

namespace shoal {

/// Registers every value type the lab's signals and slots carry (Scenario, Sample, RunEvent,
/// RunSummary, SessionError, ExportResult, RunState, CallApi, ...) for queued connections.
/// Idempotent; any thread. Session's constructor calls it.
void registerLabMetaTypes();

} // namespace shoal
