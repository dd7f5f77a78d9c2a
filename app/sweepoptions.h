#pragma once

#include "commandline.h"

#include "lab/scenario.h"
#include "lab/sweepslo.h"
#include "lab/sweepspec.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

/// The sweep a headless command line asks for: the preset's own sweep section, if any, with
/// --sweep, --point-seconds, --warmup-seconds, --repeats and --slo over it, checked against the
/// preset (every point's settings are tried). Refusals are one line naming what was wrong. Pure.
class SweepOptions {
    Q_DECLARE_TR_FUNCTIONS(SweepOptions)

public:
    /// The spec, or nothing with \a error set.
    static std::optional<shoal::SweepSpec> resolve(const CommandLine::Options& options,
                                                   const shoal::Scenario& scenario, QString* error);
};
