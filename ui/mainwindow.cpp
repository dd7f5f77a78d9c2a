#include "mainwindow.h"

#include "chartpanel.h"
#include "comparedrun.h"
#include "comparisonview.h"
#include "controlpanel.h"
#include "eventlogview.h"
#include "filedialogs.h"
#include "languageswitcher.h"
#include "runactions.h"
#include "runreplay.h"
#include "runreport.h"
#include "runstatusbar.h"
#include "spectrumview.h"
#include "sweepdock.h"
#include "sweepview.h"
#include "theorypanel.h"
#include "windowdocks.h"
#include "windowmenus.h"
#include "workerlanes.h"

#include "lab/presetlibrary.h"
#include "lab/runfile.h"
#include "lab/session.h"
#include "text/errortext.h"
#include "text/statetext.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

using shoal::RunState;
using shoal::Session;

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kChartWindow = QStringLiteral("window/chartWindow");
const QString kLastPreset = QStringLiteral("presets/last");
const QString kLanguage = QStringLiteral("language");

constexpr int kRefreshMs = 100; ///< the charts' display rate: 10 Hz

bool isActive(RunState state)
{
    return state == RunState::Running || state == RunState::Paused || state == RunState::Draining;
}

} // namespace

MainWindow::MainWindow(Session* session, LanguageSwitcher* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_languages(languages)
{
    setObjectName(QStringLiteral("MainWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 0);
    m_header = new QLabel(central);
    m_header->setObjectName(QStringLiteral("presetHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);
    m_charts = new ChartPanel(central);
    layout->addWidget(m_charts, 1);
    setCentralWidget(central);

    m_status = new RunStatusBar(this);
    setStatusBar(m_status);

    createDocks();
    m_actions = new RunActions(session, this);
    m_menus = std::make_unique<WindowMenus>(this, m_actions, m_docks->all());
    connectActions();
    connectSession();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, m_charts, &ChartPanel::refresh);
    m_refreshTimer->start();

    resize(1500, 940);
    restoreSettings();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::showSweep()
{
    m_sweepDock->showInFront();
}

void MainWindow::onSweepingChanged(bool sweeping)
{
    m_actions->setSweeping(sweeping);
    m_controls->setEnabled(!sweeping);
    if (sweeping)
        showSweep();
}

template <typename Command>
void MainWindow::command(Command&& command)
{
    // The session's thread runs it (at once when that is this thread).
    QMetaObject::invokeMethod(m_session, std::forward<Command>(command));
}

void MainWindow::createDocks()
{
    m_docks = std::make_unique<WindowDocks>(this, m_session);
    m_controls = m_docks->controls();
    m_theory = m_docks->theory();
    m_log = m_docks->log();
    m_spectrum = m_docks->spectrum();
    m_comparison = m_docks->comparison();
    m_sweepDock = m_docks->sweep();
    m_sweep = m_sweepDock->view();
    m_compared = std::make_unique<ComparedRun>(m_charts, m_spectrum, m_comparison);
    connect(m_comparison, &ComparisonView::stopRequested, this, &MainWindow::stopComparing);
    connect(m_sweep, &SweepView::sweepingChanged, this, &MainWindow::onSweepingChanged);
}

void MainWindow::connectActions()
{
    // Each file command: its dialog, then what it does with the path (nothing on cancel).
    const auto onPath = [this](QAction* action, auto ask, auto act) {
        connect(action, &QAction::triggered, this, [this, ask, act] {
            const QString path = std::invoke(ask, FileDialogs(this, m_scenario.name));
            if (!path.isEmpty())
                std::invoke(act, this, path);
        });
    };
    onPath(m_actions->openPreset(), &FileDialogs::openPreset, &MainWindow::loadPreset);
    onPath(m_actions->openRun(), &FileDialogs::openRun, &MainWindow::openRun);
    onPath(m_actions->compareRun(), &FileDialogs::openRun, &MainWindow::compareWith);
    onPath(m_actions->savePreset(), &FileDialogs::savePreset, &MainWindow::savePreset);
    onPath(m_actions->exportCsv(), &FileDialogs::exportCsv, &MainWindow::exportCsv);
    onPath(m_actions->saveRun(), &FileDialogs::saveRun, &MainWindow::saveRun);
    onPath(m_actions->saveCharts(), &FileDialogs::saveCharts, &MainWindow::saveChartsImage);
    onPath(m_actions->saveReport(), &FileDialogs::saveReport, &MainWindow::saveReport);
    connect(m_actions, &RunActions::presetChosen, this, &MainWindow::loadPreset);
    connect(m_actions->sweep(), &QAction::triggered, this, &MainWindow::showSweep);
    connect(m_actions, &RunActions::chartWindowChosen, this, [this](int index) {
        m_charts->setWindow(static_cast<ChartPanel::Window>(index));
        QSettings().setValue(kChartWindow, index);
    });
    connect(m_actions, &RunActions::languageChosen, this, [this](const QString& code) {
        if (m_languages && m_languages->setLanguage(code))
            QSettings().setValue(kLanguage, code);
    });
}

void MainWindow::connectSession()
{
    connect(m_session, &Session::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &Session::scenarioChanged, this, &MainWindow::onScenarioChanged);
    connect(m_session, &Session::sampleAvailable, this, &MainWindow::onSample);
    connect(m_session, &Session::eventRecorded, this, &MainWindow::onEvent);
    connect(m_session, &Session::runFinished, this, &MainWindow::onRunFinished);
    connect(m_session, &Session::errorOccurred, this, &MainWindow::onError);
    connect(m_session, &Session::exportFinished, this, &MainWindow::onExportFinished);
    connect(m_session, &Session::runRecorded, this, &MainWindow::onRunRecorded);

    // Every live knob to the session's setter, queued onto its thread.
    connect(m_controls, &ControlPanel::settingChosen, m_session, &Session::set);
    connect(m_controls, &ControlPanel::workloadParamChosen, m_session, &Session::setWorkloadParam);
    connect(m_controls, &ControlPanel::configurationChosen, m_session, &Session::loadScenario);
}

void MainWindow::run()
{
    command([s = m_session] { s->start(); });
}

void MainWindow::loadPreset(const QString& nameOrFile)
{
    m_pendingPreset = nameOrFile;
    command([s = m_session, nameOrFile] { s->loadPreset(nameOrFile); });
}

void MainWindow::loadScenario(const shoal::Scenario& scenario)
{
    command([s = m_session, scenario] { s->loadScenario(scenario); });
}

void MainWindow::exportCsv(const QString& path)
{
    const QString events = FileDialogs::eventsPathFor(path);
    FileDialogs::rememberFolderOf(path);
    command([s = m_session, path, events] {
        s->exportSamplesCsv(path);
        s->exportEventsCsv(events);
    });
}

void MainWindow::savePreset(const QString& path)
{
    FileDialogs::rememberFolderOf(path);
    command([s = m_session, path] { s->savePreset(path); });
}

void MainWindow::saveRun(const QString& path)
{
    FileDialogs::rememberFolderOf(path);
    command([s = m_session, path] { s->saveRun(path); });
}

bool MainWindow::openRun(const QString& path)
{
    shoal::RunFileError error;
    const std::optional<shoal::RunRecord> record = shoal::RunFile::read(path, &error);
    if (!record) {
        showError(tr("Run not opened"), ErrorText::runFile(error));
        return false;
    }
    FileDialogs::rememberFolderOf(path);
    m_opened = record;
    m_openedPath = path;
    RunReplay::show(*record, path, {m_charts, m_theory, m_log, m_status, m_controls, m_spectrum});
    // The session's exports are of its own run, not of the one on show.
    m_actions->exportCsv()->setEnabled(false);
    m_actions->saveRun()->setEnabled(false);
    m_actions->saveReport()->setEnabled(true); // of the run on show
    m_header->setText(RunReplay::header(*record));
    setWindowTitle(tr("%1 (recorded) — Shoal").arg(QFileInfo(path).fileName()));
    compareCurrent();
    return true;
}

bool MainWindow::compareWith(const QString& path)
{
    shoal::RunFileError error;
    const std::optional<shoal::RunRecord> record = shoal::RunFile::read(path, &error);
    if (!record) {
        showError(tr("Run not compared"), ErrorText::runFile(error));
        return false;
    }
    FileDialogs::rememberFolderOf(path);
    m_compared->show(*record, path);
    m_log->addNote(-1, tr("Comparing with the run %1").arg(path));
    compareCurrent();
    m_docks->showComparison();
    return true;
}

void MainWindow::stopComparing()
{
    m_compared->clear();
}

void MainWindow::compareCurrent()
{
    if (!m_compared->active())
        return;
    if (m_opened)
        m_compared->setCurrent(*m_opened, m_openedPath);
    else if (m_state == RunState::Finished)
        command([s = m_session] { s->publishRunRecord(); }); // back as runRecorded()
    else
        m_compared->setPending(m_state);
}

void MainWindow::onRunRecorded(const shoal::RunRecord& record)
{
    if (m_compared->active() && !m_opened)
        m_compared->setCurrent(record, tr("this run"));
    if (!m_pendingReport.isEmpty()) {
        const QString path = std::exchange(m_pendingReport, QString());
        onExportFinished({shoal::ExportResult::Kind::Report, path,
                          RunReport::write(path, m_compared->report(record, tr("this run")))});
    }
}

void MainWindow::saveReport(const QString& path)
{
    FileDialogs::rememberFolderOf(path);
    if (!m_opened) {
        m_pendingReport = path;
        command([s = m_session] { s->publishRunRecord(); }); // back as runRecorded()
        return;
    }
    onExportFinished({shoal::ExportResult::Kind::Report, path,
                      RunReport::write(path, m_compared->report(*m_opened, m_openedPath))});
}

void MainWindow::leaveRecordedRun()
{
    if (!m_opened)
        return;
    m_opened.reset();
    m_charts->clear();
    m_charts->lanes()->setRecorded(false);
    m_status->clearRun();
    m_theory->clearMeasured();
    m_controls->setEnabled(true);
    m_actions->exportCsv()->setEnabled(true);
    m_actions->setRunState(m_state);
    onScenarioChanged(m_scenario);
}

bool MainWindow::saveChartsImage(const QString& path)
{
    FileDialogs::rememberFolderOf(path);
    QString error;
    const bool saved = m_charts->saveImage(path, &error);
    if (saved)
        m_status->showMessage(tr("Charts saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        showError(tr("Charts not saved"), error);
    Q_EMIT fileWritten(path, error);
    return saved;
}

void MainWindow::onStateChanged(RunState state)
{
    const RunState previous = m_state;
    m_state = state;
    if (state == RunState::Preparing) {
        leaveRecordedRun();
        m_charts->clear();
        m_theory->clearMeasured();
        m_lastRunSec = -1;
        m_log->addNote(0, tr("Run of %1 started").arg(m_scenario.name));
    } else if (state == RunState::Idle && previous != RunState::Idle) {
        m_charts->clear();
        m_theory->clearMeasured();
        m_lastRunSec = -1;
        m_log->addNote(-1, tr("Run reset"));
    }
    m_controls->setRunActive(state == RunState::Preparing || isActive(state));
    m_status->setRunState(state);
    m_actions->setRunState(state);
    if (state != previous && !m_opened)
        compareCurrent();
}

void MainWindow::onScenarioChanged(const shoal::Scenario& scenario)
{
    if (scenario != m_scenario)
        leaveRecordedRun(); // a preset loaded: the session's configuration is on show again
    const bool presetLoaded = scenario.name != m_scenario.name || !m_pendingPreset.isEmpty();
    m_scenario = scenario;
    m_controls->setScenario(scenario);
    m_theory->setScenario(scenario);
    m_sweep->setScenario(scenario);
    m_charts->setPlannedSec(scenario.jobs > 0 ? 0 : scenario.durationSec);
    m_charts->lanes()->setDispatchOrder(scenario.dispatchOrder);
    m_header->setText(tr("<b>%1</b> — %2<br><i>Watch:</i> %3")
                          .arg(scenario.name.toHtmlEscaped(), scenario.description.toHtmlEscaped(),
                               scenario.watch.toHtmlEscaped()));
    if (!m_pendingPreset.isEmpty()) {
        QSettings().setValue(kLastPreset, m_pendingPreset);
        m_pendingPreset.clear();
    }
    if (presetLoaded && !isActive(m_state)) {
        m_log->addNote(-1, tr("Preset %1 loaded: %2").arg(scenario.name, scenario.description));
        m_status->showMessage(tr("Preset %1 loaded").arg(scenario.name), 5000);
    }
    setWindowTitle(tr("%1 — Shoal").arg(scenario.name));
}

void MainWindow::onSample(const shoal::Sample& sample)
{
    m_lastRunSec = sample.row.tSec;
    m_charts->appendSample(sample.row, sample.workers);
    m_theory->addRow(sample.row);
    m_status->showSample(sample);
}

void MainWindow::onEvent(const shoal::RunEvent& event)
{
    m_charts->addEvent(event);
    m_log->addEvent(event);
}

void MainWindow::onRunFinished(const shoal::RunSummary& summary)
{
    m_spectrum->setSpectrum(summary.spectrum);
    m_charts->refresh();
    m_log->addSummary(summary);
}

void MainWindow::onError(const shoal::SessionError& error)
{
    const QString text = ErrorText::session(error);
    m_log->addError(m_lastRunSec, text);
    if (error.code == shoal::SessionError::Code::PresetRefused) {
        m_pendingPreset.clear();
        showError(tr("Preset not loaded"),
                  tr("%1\n\nThe current configuration is unchanged.").arg(text));
    } else if (error.code == shoal::SessionError::Code::InvalidValue ||
               error.code == shoal::SessionError::Code::WorkloadRefused) {
        // Put the knob back where the session still has it.
        m_controls->setScenario(m_scenario);
        m_status->showMessage(text, 8000);
    } else {
        m_status->showMessage(text, 8000);
    }
}

void MainWindow::onExportFinished(const shoal::ExportResult& result)
{
    QString error;
    if (result.error) {
        error = ErrorText::file(result.error);
        showError(tr("Not written"), error);
    } else {
        m_status->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(result.path)), 5000);
        m_log->addNote(-1, tr("Wrote %1").arg(result.path));
    }
    Q_EMIT fileWritten(result.path, error);
}

QMessageBox* MainWindow::errorDialog() const
{
    return m_errorDialog;
}

void MainWindow::showError(const QString& title, const QString& text)
{
    // Not exec(): the charts go on while the dialog is up.
    if (m_errorDialog)
        m_errorDialog->close();
    m_errorDialog = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    m_errorDialog->setObjectName(QStringLiteral("errorDialog"));
    m_errorDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_errorDialog->open();
}

void MainWindow::retranslate()
{
    m_docks->retranslate();
    m_menus->retranslate();
    m_actions->retranslate();
    if (!m_scenario.name.isEmpty())
        onScenarioChanged(m_scenario);
    else
        setWindowTitle(tr("Shoal"));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometry).toByteArray());
    restoreState(settings.value(kWindowState).toByteArray());
    const int window = settings.value(kChartWindow, static_cast<int>(m_charts->window())).toInt();
    if (window >= 0 && window <= static_cast<int>(ChartPanel::Window::All))
        m_charts->setWindow(static_cast<ChartPanel::Window>(window));
    m_actions->showChartWindow(static_cast<int>(m_charts->window()));
    if (m_languages)
        m_actions->showLanguage(m_languages->language(), m_languages->followsSystem());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kWindowState, saveState());
    // The run stops with the session, which the owner destroys once the window is gone.
    m_sweep->cancel();
    command([s = m_session] { s->reset(); });
    event->accept();
}
