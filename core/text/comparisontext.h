#pragma once

#include "lab/runcomparison.h"
#include "lab/runrecord.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

/// Two runs compared, as text: the table `shoal-lab --compare A B` prints (metric, A, B, delta,
/// and for the figures the interval rows carry whether the change is within their noise), after
/// a line naming each run. Pure; any thread.
class ComparisonText {
    Q_DECLARE_TR_FUNCTIONS(ComparisonText)

public:
    /// A run as the table's heading names it: file, preset, machine.
    struct Named {
        QString path;
        const shoal::RunRecord* record = nullptr;
    };

    static QString format(const shoal::RunComparison& comparison, const Named& a, const Named& b);
    /// "throughput (calls/s)", "latency p95 (ms)", "timed out", ...
    static QString figureName(shoal::ComparedMetric::Figure figure);
    /// "within noise [-4.1, +5.0]", "beyond noise [+12.0, +19.3]"; empty without an interval.
    static QString noiseNote(const shoal::ComparedMetric& metric);
    /// The table's column names: metric, A, B, delta, noise.
    static QStringList header();
    /// One figure's value as the table writes it (counts whole, "-" for none), by \a locale.
    static QString value(double v, shoal::ComparedMetric::Figure figure, const QLocale& locale);
    /// The change as the table writes it, "+12.5%", or "-" without one, by \a locale.
    static QString delta(const shoal::ComparedMetric& metric, const QLocale& locale);
    /// "A: run.shoalrun (steady-state; recorded on CPU, 4 cores, Shoal 0.1)".
    static QString heading(const QString& label, const Named& run);
};
