#include "headlesssweep.h"

#include "signalwatcher.h"
#include "text/sweeptext.h"

#include "lab/machineinfo.h"
#include "lab/runexport.h"
#include "lab/sweeprunner.h"
#include "text/errortext.h"
#include "ui/runreport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace shoal;

HeadlessSweep::HeadlessSweep(const CommandLine::Options& options, const Scenario& scenario,
                             const SweepSpec& spec, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_scenario(scenario)
    , m_spec(spec)
{}

void HeadlessSweep::complain(const QString& reason)
{
    std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(reason));
    std::fflush(stderr);
}

int HeadlessSweep::exec(SignalWatcher& watcher)
{
    SweepRunner runner;
    int status = 0;
    connect(&watcher, &SignalWatcher::terminationRequested, this, [this, &runner](int signo) {
        if (m_signal != 0)
            return;
        m_signal = signo;
        complain(tr("stopped by signal %1; no files written").arg(signo));
        runner.cancel();
        m_loop.quit();
    });
    connect(&runner, &SweepRunner::progress, this, [](int done, int total, double left) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(
                tr("sweep: %1/%2 runs, about %3 s left").arg(done).arg(total).arg(qRound(left))));
        std::fflush(stderr);
    });
    connect(&runner, &SweepRunner::finished, this, [this](const SweepResult& result) {
        m_result = result;
        m_loop.quit();
    });
    connect(&runner, &SweepRunner::failed, this,
            [this, &status](const ScenarioError& scenario, const SessionError& session) {
                complain(scenario ? ErrorText::scenario(scenario) : ErrorText::session(session));
                status = 1;
                m_loop.quit();
            });
    runner.start(m_scenario, m_spec);
    if (!m_result && status == 0)
        m_loop.exec();
    if (m_signal != 0)
        return SignalWatcher::exitStatus(m_signal);
    if (!m_result)
        return 1;

    std::fputs(qPrintable(SweepText::format(*m_result)), stdout);
    std::fflush(stdout);
    if (!m_options.csvPath.isEmpty()) {
        if (const FileError e =
                RunExport::writeFile(m_options.csvPath, SweepText::csv(*m_result))) {
            complain(ErrorText::file(e));
            status = 1;
        }
    }
    if (!m_options.summaryPath.isEmpty()) {
        const QJsonObject summary{{QStringLiteral("preset"), m_scenario.name},
                                  {QStringLiteral("sweep"), m_result->toJson()}};
        if (const FileError e = RunExport::writeFile(
                m_options.summaryPath, QJsonDocument(summary).toJson(QJsonDocument::Indented))) {
            complain(ErrorText::file(e));
            status = 1;
        }
    }
    if (!m_options.reportPath.isEmpty()) {
        if (const FileError e = RunReport::write(
                m_options.reportPath,
                RunReport::sweep(*m_result, m_scenario, m_spec, MachineInfo::current()))) {
            complain(ErrorText::file(e));
            status = 1;
        }
    }
    return status;
}
