#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace shoal {

/// How the load generator calls the pool. Each is the asynchronous form of the Pool call with
/// the same name, so outstanding calls cost no thread.
enum class CallApi {
    Process,      ///< Pool::submit() with a context only a dropped run cancels: no timeout
    ProcessTimed, ///< Pool::submitTimed() with the call timeout (waiting plus running)
    ProcessCtx,   ///< Pool::submit() with a child of the run's cancel context, the timeout as
                  ///< its deadline
};

/// "process", "processTimed" or "processCtx", as presets spell it. Any thread.
QString callApiName(CallApi api);
/// The API named \a name, or nothing for an unknown name. Any thread.
std::optional<CallApi> callApiFromName(const QString& name);
/// Every name callApiFromName() accepts, in enum order.
QStringList callApiNames();

} // namespace shoal

Q_DECLARE_METATYPE(shoal::CallApi)
