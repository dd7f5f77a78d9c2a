#pragma once

#include "lab/fileerror.h"
#include "lab/machineinfo.h"
#include "lab/runrecord.h"
#include "lab/scenario.h"
#include "lab/sweepresult.h"
#include "lab/sweepspec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class ReportHtml;

/// A run, a sweep or two runs compared as one self-contained HTML page (`--report F.html`):
/// what was run and where, what it came to as tables and sentences, and the window's charts
/// drawn offscreen and embedded as PNG, with no outside asset. Text through tr(), numbers in
/// the locale. GUI thread; needs a QApplication (the offscreen platform will do).
class RunReport {
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    /// A run: \a record, a finished run's or a run file's.
    static QByteArray run(const shoal::RunRecord& record);
    /// A finished sweep \a spec of \a base, measured on \a machine.
    static QByteArray sweep(const shoal::SweepResult& result, const shoal::Scenario& base,
                            const shoal::SweepSpec& spec, const shoal::MachineInfo& machine);
    /// Run file \a a (read from \a pathA) compared with \a b: both runs, the table of every
    /// figure with its change and noise, the settings that differ, and each run's charts.
    static QByteArray compare(const shoal::RunRecord& a, const QString& pathA,
                              const shoal::RunRecord& b, const QString& pathB);

    /// Replaces the file at \a path with \a html, atomically. Blocks on the disk.
    static shoal::FileError write(const QString& path, const QByteArray& html);

private:
    /// A recorded run's summary figures and the model's verdict.
    static void addSummary(ReportHtml& html, const shoal::RunRecord& record);
    /// The events as a table of time and change.
    static void addEvents(ReportHtml& html, const QList<shoal::RunEvent>& events);
    /// The scenario's settings, as its preset spells them, beside the machine.
    static void addSetup(ReportHtml& html, const shoal::Scenario& scenario,
                         const shoal::MachineInfo& machine);
    /// The charts of a comparison: B dashed over A.
    static void addComparedCharts(ReportHtml& html, const shoal::RunRecord& a,
                                  const shoal::RunRecord& b, const QString& bName);
    /// What a sweep varied and how long it measured, labelled.
    static QList<QPair<QString, QString>> sweepFields(const shoal::SweepSpec& spec);
    /// The machine's fields, labelled.
    static QList<QPair<QString, QString>> machineFields(const shoal::MachineInfo& machine);
    /// Which program wrote the page.
    static QString footer();
};
