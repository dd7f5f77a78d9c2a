#include "runreplay.h"

#include "chartpanel.h"
#include "controlpanel.h"
#include "eventlogview.h"
#include "runstatusbar.h"
#include "spectrumview.h"
#include "theorypanel.h"
#include "workerlanes.h"

#include "lab/sample.h"

void RunReplay::show(const shoal::RunRecord& record, const QString& path, const Views& views)
{
    const shoal::Scenario& scenario = record.scenario;
    views.charts->clear();
    views.charts->setPlannedSec(scenario.jobs > 0 ? 0 : scenario.durationSec);
    views.charts->lanes()->setDispatchOrder(scenario.dispatchOrder);
    views.charts->lanes()->setRecorded(true);
    views.theory->setScenario(scenario);
    views.theory->clearMeasured();
    for (const shoal::MetricsRow& row : record.samples) {
        views.charts->appendSample(row, {}); // the lanes come whole, below
        views.theory->addRow(row);
    }
    views.charts->setLanes(record.lanes);
    views.log->addNote(0, tr("Opened the run %1").arg(path));
    for (const shoal::RunEvent& event : record.events) {
        views.charts->addEvent(event);
        views.log->addEvent(event);
    }
    views.charts->refresh();
    views.controls->setScenario(scenario);
    views.controls->setEnabled(false);
    views.spectrum->setSpectrum(record.spectrum());
    if (!record.samples.isEmpty()) {
        const shoal::MetricsRow& last = record.samples.constLast();
        views.status->showSample(
            shoal::Sample{last, {}, shoal::RunState::Finished, last.tSec, 1.0});
    }
}

QString RunReplay::header(const shoal::RunRecord& record)
{
    const shoal::MachineInfo& machine = record.machine;
    return tr("<b>Recorded run of %1</b> — %2<br><i>Recorded on</i> %3 (%4 cores), %5, Shoal %6. "
              "Read-only: Run starts the current configuration again.")
        .arg(record.scenario.name.toHtmlEscaped(), record.scenario.description.toHtmlEscaped(),
             machine.cpu.toHtmlEscaped())
        .arg(machine.cores)
        .arg(machine.os.toHtmlEscaped(), machine.shoal.toHtmlEscaped());
}
