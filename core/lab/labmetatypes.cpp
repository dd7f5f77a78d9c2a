#include "labmetatypes.h"

#include "callapi.h"
#include "callcounters.h"
#include "exportresult.h"
#include "fileerror.h"
#include "metricsrow.h"
#include "queueingmodel.h"
#include "runevent.h"
#include "runrecord.h"
#include "runstate.h"
#include "runsummary.h"
#include "sample.h"
#include "scenario.h"
#include "scenarioerror.h"
#include "sessionerror.h"
#include "sweeppoint.h"
#include "sweepresult.h"
#include "sweepspec.h"

namespace shoal {

void registerLabMetaTypes()
{
    qRegisterMetaType<shoal::ArrivalMode>();
    qRegisterMetaType<shoal::CallApi>();
    qRegisterMetaType<shoal::CallCounters>();
    qRegisterMetaType<shoal::ExportResult>();
    qRegisterMetaType<shoal::FileError>();
    qRegisterMetaType<shoal::MetricsRow>();
    qRegisterMetaType<shoal::ModelPrediction>();
    qRegisterMetaType<shoal::RunEvent>();
    qRegisterMetaType<shoal::RunRecord>();
    qRegisterMetaType<shoal::RunState>();
    qRegisterMetaType<shoal::RunSummary>();
    qRegisterMetaType<shoal::Sample>();
    qRegisterMetaType<shoal::Scenario>();
    qRegisterMetaType<shoal::ScenarioError>();
    qRegisterMetaType<shoal::SessionError>();
    qRegisterMetaType<shoal::SweepPoint>();
    qRegisterMetaType<shoal::SweepResult>();
    qRegisterMetaType<shoal::SweepSpec>();
}

} // namespace shoal
