#pragma once

#include "scenario.h"
#include "scenarioerror.h"

#include "workloads/paramschema.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <vector>

namespace shoal {

class LoadGenerator;
class Pool;
class RateLimiter;
struct ParamError;

/// What a live change reaches during a run (see Setting::applyLive). Session thread; nothing
/// here blocks: a resize is handed to the errand thread by resizePool.
struct LiveRun {
    Pool& pool;                               ///< the run's pool
    LoadGenerator& generator;                 ///< the run's load generator
    RateLimiter& limiter;                     ///< the workers' shared token bucket
    std::function<void(int)> resizePool;      ///< resizes the pool on the errand thread
    std::function<void(int)> setSamplePeriod; ///< the time between rows, in ms
};

/// One scalar preset key outside the timeline and the workload parameters: everything the
/// reader, the writer, --set, Session::set(), timeline actions and the control panel know of it.
struct Setting {
    /// A choice as a menu shows it.
    struct ChoiceText {
        QString value;     ///< as presets spell it
        const char* label; ///< untranslated menu text (context "ControlPanel")
    };

    QString path;                       ///< e.g. "arrival.ratePerSec"
    ValueType type = ValueType::Number; ///< what values are accepted
    double minimum = 0;                 ///< Integer and Number
    double maximum = 0;                 ///< Integer and Number
    QStringList choices;                ///< Choice, in the order errors list them
    bool nonEmpty = false;              ///< String: refuse ""
    bool required = false;              ///< a preset without it is refused
    /// The normalized value (qint64, double, bool or QString) in \a scenario.
    std::function<QVariant(const Scenario&)> get;
    /// Stores a value check() accepted.
    std::function<void(Scenario&, const QVariant&)> set;
    /// Whether the writer saves it for \a scenario; null: always.
    bool (*saved)(const Scenario& scenario) = nullptr;
    /// Makes a running pool follow the configuration just changed; null for a key that only
    /// shapes the next run (Session::set() refuses those during a run).
    void (*applyLive)(LiveRun& run, const Scenario& scenario) = nullptr;
    const char* label = nullptr;         ///< untranslated form label (context "ControlPanel")
    const char* toolTip = nullptr;       ///< untranslated (context "ControlPanel"); null: none
    std::vector<ChoiceText> choiceTexts; ///< Choice: menu order and texts; empty: the values
};

/// The preset format's scalar keys in checking order, with their types, ranges, defaults and
/// live effects: the one table every reader and writer of a setting uses, so a value is refused
/// the same way (and named by the same key) wherever it comes from. Immutable; any thread.
class SettingsTable {
public:
    /// Every setting, in the order of docs/lab.md's key table.
    static const std::vector<Setting>& all();
    /// The setting at \a path, or null.
    static const Setting* find(const QString& path);
    /// The setting an action's "value" sets (setRate: arrival.ratePerSec); null for actions
    /// that set nothing (burst, cancelAll, closePool) and for setParam, whose key says it.
    static const Setting* ofAction(Scenario::Action action);
    /// What a burst action's value is checked as ("burst": 1 .. 1e6 calls).
    static const Setting& burstCount();

    /// Checks \a value for \a setting, naming it \a path in the error. On success stores the
    /// normalized value (qint64, double, bool or QString) in \a normalized.
    static ScenarioError check(const Setting& setting, const QJsonValue& value, const QString& path,
                               QVariant* normalized);
    /// A workload's refusal as a preset error; \a path is the parameter's JSON path.
    static ScenarioError fromParamError(const ParamError& error, const QString& path);
    /// \a value as an event shows it: numbers with up to 12 digits, true/false, text.
    static QString text(const QVariant& value);
};

} // namespace shoal
