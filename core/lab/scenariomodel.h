#pragma once

#include "queueingmodel.h"
#include "scenario.h"

namespace shoal {

/// The queueing model of a scenario: reads the settings that decide whether a model applies and
/// the rates it needs, and asks QueueingModel. Pure functions; any thread.
class ScenarioModel {
public:
    /// What \a scenario looks like to the model. \a liveChanges: a setting changed inside the
    /// window the prediction is compared with (a timeline entry or a person's change).
    static ModelConditions conditionsOf(const Scenario& scenario, bool liveChanges = false);
    /// QueueingModel::predict() of conditionsOf().
    static ModelPrediction predict(const Scenario& scenario, bool liveChanges = false);
};

} // namespace shoal
