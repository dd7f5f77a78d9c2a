#include "callapi.h"

namespace shoal {

QString callApiName(CallApi api)
{
    switch (api) {
    case CallApi::Process:
        return QStringLiteral("process");
    case CallApi::ProcessTimed:
        return QStringLiteral("processTimed");
    case CallApi::ProcessCtx:
        return QStringLiteral("processCtx");
    }
    return QString();
}

std::optional<CallApi> callApiFromName(const QString& name)
{
    for (const CallApi api : {CallApi::Process, CallApi::ProcessTimed, CallApi::ProcessCtx}) {
        if (callApiName(api) == name)
            return api;
    }
    return std::nullopt;
}

QStringList callApiNames()
{
    return {callApiName(CallApi::Process), callApiName(CallApi::ProcessTimed),
            callApiName(CallApi::ProcessCtx)};
}

} // namespace shoal
