#pragma once

#include "fileerror.h"
#include "runstate.h"
#include "scenarioerror.h"

#include "workloads/workload.h"

#include <QMetaType>
#include <QString>

namespace shoal {

/// Why a Session refused a command or could not carry it out (Session::errorOccurred). Codes and
/// data only; ui/app make the sentence.
struct SessionError {
    enum class Code {
        None,            ///< no error
        NotNow,          ///< \c what cannot be done in \c state (e.g. burst with no run)
        InvalidValue,    ///< a setter's value; \c scenario names the key and the range
        WorkloadRefused, ///< the workload refused its parameters; see \c param
        PoolFailed,      ///< building or resizing the pool failed; \c detail has the reason
        PresetRefused,   ///< loadPreset(): \c scenario says why; the configuration is unchanged
    };
    Code code = Code::None;
    QString what;                    ///< the command ("start", "burst", "pool.size", ...)
    RunState state = RunState::Idle; ///< NotNow: the state the session was in
    ScenarioError scenario;          ///< InvalidValue, PresetRefused
    ParamError param;                ///< WorkloadRefused
    QString detail;                  ///< PoolFailed

    explicit operator bool() const { return code != Code::None; }

    /// An error of \a code about the command \a what.
    static SessionError of(Code code, const QString& what)
    {
        SessionError e;
        e.code = code;
        e.what = what;
        return e;
    }
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SessionError)
