#include "runactions.h"

#include "chartpanel.h"
#include "languageswitcher.h"

#include "lab/presetlibrary.h"
#include "lab/session.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QSpinBox>
#include <QToolBar>

#include <functional>

using shoal::RunState;

RunActions::RunActions(shoal::Session* session, QMainWindow* window)
    : QObject(window)
    , m_session(session)
{
    setObjectName(QStringLiteral("runActions"));
    createActions(window);
    createChoices(window);
    createToolBar(window);
    retranslate();
    setRunState(m_state);
}

template <typename Command>
void RunActions::command(Command&& command)
{
    // The session's thread runs it (at once when that is this thread).
    QMetaObject::invokeMethod(m_session, std::forward<Command>(command));
}

void RunActions::createActions(QMainWindow* window)
{
    const auto make = [window](const char* name, QKeySequence shortcut,
                               const std::function<void()>& handler = {}) {
        auto* action = new QAction(window);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        if (handler)
            connect(action, &QAction::triggered, window, handler);
        return action;
    };
    m_run =
        make("run", QKeySequence(Qt::Key_F5), [this] { command([s = m_session] { s->start(); }); });
    m_pause = make("pause", QKeySequence(Qt::Key_F6), [this] {
        if (m_state == RunState::Paused)
            command([s = m_session] { s->resume(); });
        else
            command([s = m_session] { s->pause(); });
    });
    m_stop = make("stop", QKeySequence(Qt::SHIFT | Qt::Key_F5),
                  [this] { command([s = m_session] { s->stop(); }); });
    m_reset = make("reset", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                   [this] { command([s = m_session] { s->reset(); }); });
    m_burst = make("burst", QKeySequence(Qt::CTRL | Qt::Key_B), [this] {
        const int calls = m_burstSize->value();
        command([s = m_session, calls] { s->burst(calls); });
    });
    m_cancelAll = make("cancelAll", QKeySequence(Qt::CTRL | Qt::Key_K),
                       [this] { command([s = m_session] { s->cancelAll(); }); });
    m_closePool = make("closePool", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                       [this] { command([s = m_session] { s->closePool(); }); });
    m_sweep = make("sweep", QKeySequence(Qt::Key_F8));
    // The file commands need the window's dialogs; it connects them.
    m_openPreset = make("openPreset", QKeySequence::Open);
    m_savePreset = make("savePreset", QKeySequence::Save);
    m_openRun = make("openRun", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_compareRun = make("compareRun", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    m_exportCsv = make("exportCsv", QKeySequence(Qt::CTRL | Qt::Key_E));
    m_saveRun = make("saveRun", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_saveCharts = make("saveCharts", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveReport = make("saveReport", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_quit = make("quit", QKeySequence::Quit, [window] { window->close(); });

    m_burstSize = new QSpinBox(window);
    m_burstSize->setObjectName(QStringLiteral("burstSize"));
    m_burstSize->setRange(1, 1'000'000);
    m_burstSize->setValue(500);
    m_burstSize->setAccelerated(true);
}

void RunActions::createChoices(QMainWindow* window)
{
    m_windowGroup = new QActionGroup(window);
    const std::pair<ChartPanel::Window, const char*> windows[] = {
        {ChartPanel::Window::Last30Sec, "window30s"},
        {ChartPanel::Window::Last2Min, "window2min"},
        {ChartPanel::Window::Last10Min, "window10min"},
        {ChartPanel::Window::All, "windowAll"},
    };
    for (const auto& [chartWindow, name] : windows) {
        auto* action = new QAction(m_windowGroup);
        action->setObjectName(QString::fromLatin1(name));
        action->setCheckable(true);
        action->setData(static_cast<int>(chartWindow));
    }
    m_windowBox = new QComboBox(window);
    m_windowBox->setObjectName(QStringLiteral("chartWindow"));
    for (QAction* action : m_windowGroup->actions())
        m_windowBox->addItem(QString(), action->data());
    const auto choose = [this](int index) {
        showChartWindow(index);
        Q_EMIT chartWindowChosen(index);
    };
    connect(m_windowBox, &QComboBox::activated, this, choose);
    connect(m_windowGroup, &QActionGroup::triggered, this,
            [choose](QAction* action) { choose(action->data().toInt()); });

    m_languageGroup = new QActionGroup(window);
    auto* system = new QAction(m_languageGroup);
    system->setObjectName(QStringLiteral("languageSystem"));
    system->setCheckable(true);
    system->setData(QString());
    for (const QString& code : LanguageSwitcher::available()) {
        auto* action = new QAction(LanguageSwitcher::nativeName(code), m_languageGroup);
        action->setObjectName(QStringLiteral("language_") + code);
        action->setCheckable(true);
        action->setData(code);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction* action) { Q_EMIT languageChosen(action->data().toString()); });

    for (const shoal::Scenario& preset : shoal::PresetLibrary::builtins()) {
        auto* action = new QAction(preset.name, window);
        action->setObjectName(QStringLiteral("preset_") + preset.name);
        action->setToolTip(preset.description);
        action->setStatusTip(preset.description);
        action->setData(preset.name);
        connect(action, &QAction::triggered, this,
                [this, name = preset.name] { Q_EMIT presetChosen(name); });
        m_presetActions.append(action);
    }
}

void RunActions::createToolBar(QMainWindow* window)
{
    m_toolBar = window->addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setMovable(false);
    m_toolBar->addActions({m_run, m_pause, m_stop, m_reset});
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_burstSize);
    m_toolBar->addActions({m_burst, m_cancelAll, m_closePool});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_openPreset, m_exportCsv});
    m_toolBar->addSeparator();
    m_windowLabel = new QLabel(window);
    m_windowLabel->setContentsMargins(6, 0, 4, 0);
    m_toolBar->addWidget(m_windowLabel);
    m_toolBar->addWidget(m_windowBox);
}

void RunActions::showChartWindow(int index)
{
    const QList<QAction*> actions = m_windowGroup->actions();
    if (index < 0 || index >= actions.size())
        return;
    actions.at(index)->setChecked(true);
    const QSignalBlocker blocker(m_windowBox);
    m_windowBox->setCurrentIndex(index);
}

void RunActions::showLanguage(const QString& code, bool followsSystem)
{
    for (QAction* action : m_languageGroup->actions()) {
        const QString entry = action->data().toString();
        if (followsSystem ? entry.isEmpty() : entry == code)
            action->setChecked(true);
    }
}

void RunActions::setRunState(RunState state)
{
    m_state = state;
    const bool idle = !m_sweeping && (state == RunState::Idle || state == RunState::Finished);
    const bool live = !m_sweeping && (state == RunState::Running || state == RunState::Paused);
    m_run->setEnabled(idle);
    m_pause->setEnabled(live);
    m_stop->setEnabled(live);
    m_reset->setEnabled(!m_sweeping && (!idle || state == RunState::Finished));
    m_burst->setEnabled(live);
    m_burstSize->setEnabled(live);
    m_cancelAll->setEnabled(live);
    m_closePool->setEnabled(live);
    m_openPreset->setEnabled(idle);
    m_openRun->setEnabled(idle);
    // A live run can be held against a saved one while it runs; a sweep's runs cannot.
    m_compareRun->setEnabled(!m_sweeping);
    // A run file holds a finished run: its summary exists only then.
    m_saveRun->setEnabled(!m_sweeping && state == RunState::Finished);
    m_saveReport->setEnabled(!m_sweeping && state == RunState::Finished);
    for (QAction* action : m_presetActions)
        action->setEnabled(idle);
    m_pause->setText(state == RunState::Paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(state == RunState::Paused ? tr("Offer calls again (F6)")
                                                  : tr("Stop offering calls for now; "
                                                       "outstanding ones go on (F6)"));
}

void RunActions::setSweeping(bool sweeping)
{
    m_sweeping = sweeping;
    setRunState(m_state);
}

void RunActions::retranslate()
{
    m_toolBar->setWindowTitle(tr("Run"));
    const auto set = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
        action->setStatusTip(tip);
    };
    set(m_run, tr("Run"), tr("Build the pool and start offering calls"));
    set(m_stop, tr("Stop"), tr("End the run early: stop offering and drain"));
    set(m_reset, tr("Reset"), tr("Drop the run at once and clear the charts"));
    set(m_burst, tr("Burst"), tr("Make the chosen number of calls at once"));
    set(m_cancelAll, tr("Cancel all"), tr("Cancel every outstanding processCtx call"));
    set(m_closePool, tr("Close pool"),
        tr("Close the pool mid-run: waiting calls and later ones fail with PoolNotRunning"));
    set(m_sweep, tr("Sweep…"),
        tr("Run the preset over a range of a setting, find the knee and recommend a value"));
    set(m_openPreset, tr("Open preset…"), tr("Load a preset file"));
    set(m_savePreset, tr("Save preset…"), tr("Save the configuration as a preset file"));
    set(m_openRun, tr("Open run…"),
        tr("Show a saved run as it was recorded, read-only: its charts, events and settings"));
    set(m_compareRun, tr("Compare with…"),
        tr("Draw a saved run dashed beside this one, aligned at the start, and list both runs' "
           "figures with the change and whether it is beyond run-to-run noise"));
    set(m_exportCsv, tr("Export CSV…"), tr("Write the run's samples and events as CSV"));
    set(m_saveRun, tr("Save run…"),
        tr("Write the finished run as a run file: its scenario, machine, summary, samples and "
           "events"));
    set(m_saveCharts, tr("Save charts as PNG…"), tr("Write the charts and lanes as an image"));
    set(m_saveReport, tr("Save report…"),
        tr("Write the run as one self-contained HTML page: its settings, machine, figures, "
           "charts, latency distribution and events; beside the compared run, if any"));
    set(m_quit, tr("Quit"), tr("Close the window; a run is stopped"));
    m_burstSize->setToolTip(tr("Calls per burst"));
    m_burstSize->setSuffix(tr(" calls"));

    const char* windowNames[] = {QT_TR_NOOP("Last 30 s"), QT_TR_NOOP("Last 2 min"),
                                 QT_TR_NOOP("Last 10 min"), QT_TR_NOOP("Whole run")};
    const QList<QAction*> windowActions = m_windowGroup->actions();
    for (int i = 0; i < windowActions.size(); ++i) {
        windowActions[i]->setText(tr(windowNames[i]));
        m_windowBox->setItemText(i, tr(windowNames[i]));
    }
    m_windowLabel->setText(tr("Show:"));
    m_languageGroup->actions().constFirst()->setText(tr("System language"));
    for (QAction* action : m_presetActions) {
        // A built-in's description is part of its file; it shows as it is written.
        action->setText(action->data().toString());
    }
    setRunState(m_state);
}
