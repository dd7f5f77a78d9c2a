#include "sweepview.h"

#include "filedialogs.h"
#include "pngfile.h"
#include "runreport.h"
#include "sweepcharts.h"
#include "sweepform.h"

#include "lab/runexport.h"
#include "lab/sweeprunner.h"
#include "text/errortext.h"
#include "text/sweeptext.h"

#include <QCheckBox>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

using shoal::SweepRunner;

namespace {

/// "about 40 s left", "about 3 min left".
QString timeLeft(double seconds)
{
    if (seconds >= 120)
        return SweepView::tr("about %1 min left").arg(std::lround(seconds / 60));
    return SweepView::tr("about %1 s left").arg(std::lround(std::max(seconds, 0.0)));
}

} // namespace

SweepView::SweepView(SweepRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_form(new SweepForm(this))
    , m_charts(new SweepCharts(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_exportCsv(new QPushButton(this))
    , m_saveImage(new QPushButton(this))
    , m_saveReport(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_verdict(new QLabel(this))
{
    m_run->setObjectName(QStringLiteral("sweepRun"));
    m_cancel->setObjectName(QStringLiteral("sweepCancel"));
    m_exportCsv->setObjectName(QStringLiteral("sweepExportCsv"));
    m_saveImage->setObjectName(QStringLiteral("sweepSaveImage"));
    m_saveReport->setObjectName(QStringLiteral("sweepSaveReport"));
    m_verdict->setObjectName(QStringLiteral("sweepVerdict"));
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    auto* files = new QHBoxLayout;
    files->addWidget(m_exportCsv);
    files->addWidget(m_saveImage);
    files->addWidget(m_saveReport);
    auto* left = new QVBoxLayout;
    left->addLayout(buttons);
    left->addWidget(m_progress);
    // The questions scroll, so that the view asks for little height and the curves get the rest.
    auto* questions = new QWidget(this);
    auto* questionsLayout = new QVBoxLayout(questions);
    questionsLayout->setContentsMargins(0, 0, 0, 0);
    questionsLayout->addWidget(m_form);
    questionsLayout->addWidget(m_charts->logToggle());
    questionsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(questions);
    scroll->setMinimumWidth(questions->sizeHint().width() + 20);
    left->addWidget(scroll, 1);
    left->addLayout(files);
    // The answer above the curves it comes from.
    auto* right = new QVBoxLayout;
    right->addWidget(m_verdict);
    right->addWidget(m_charts, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 0);
    layout->addLayout(right, 1);

    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(m_cancel, &QPushButton::clicked, this, &SweepView::cancel);
    connect(m_exportCsv, &QPushButton::clicked, this, &SweepView::askExportCsv);
    connect(m_saveImage, &QPushButton::clicked, this, &SweepView::askSaveImage);
    connect(m_saveReport, &QPushButton::clicked, this, &SweepView::askSaveReport);
    connect(runner, &SweepRunner::progress, this, &SweepView::onProgress);
    connect(runner, &SweepRunner::pointFinished, this, &SweepView::onPoint);
    connect(runner, &SweepRunner::finished, this, &SweepView::onFinished);
    connect(runner, &SweepRunner::failed, this, &SweepView::onFailed);
    connect(runner, &SweepRunner::canceled, this, &SweepView::onCanceled);
    retranslate();
    setSweeping(false);
}

SweepView::~SweepView()
{
    // A sweep outliving its view would drive the session with nobody watching.
    if (m_sweeping)
        cancel();
}

void SweepView::setScenario(const shoal::Scenario& scenario)
{
    if (m_sweeping)
        return;
    m_base = scenario;
    m_form->setScenario(scenario);
}

bool SweepView::start()
{
    if (m_sweeping)
        return false;
    QString error;
    const std::optional<shoal::SweepSpec> spec = m_form->spec(m_base, &error);
    if (!spec) {
        m_verdict->setText(tr("Not started: %1").arg(error));
        return false;
    }
    m_result.reset();
    m_running = spec;
    QStringList keys;
    for (const shoal::SweepSpec::Axis& axis : spec->axes)
        keys.append(axis.key);
    m_charts->begin(keys, spec->slo, spec->axes.constFirst().values);
    m_progress->setRange(0, spec->runs());
    m_progress->setValue(0);
    m_verdict->clear();
    setSweeping(true);
    QMetaObject::invokeMethod(
        m_runner, [runner = m_runner, base = m_base, s = *spec] { runner->start(base, s); },
        Qt::QueuedConnection);
    return true;
}

bool SweepView::start(const shoal::SweepSpec& spec)
{
    m_form->setSpec(spec);
    return start();
}

void SweepView::cancel()
{
    if (!m_sweeping)
        return;
    QMetaObject::invokeMethod(m_runner, &SweepRunner::cancel, Qt::QueuedConnection);
}

void SweepView::setSweeping(bool sweeping)
{
    const bool changed = sweeping != m_sweeping;
    m_sweeping = sweeping;
    m_form->setEnabled(!sweeping);
    m_run->setEnabled(!sweeping);
    m_cancel->setEnabled(sweeping);
    m_exportCsv->setEnabled(!sweeping && m_result.has_value());
    m_saveReport->setEnabled(!sweeping && m_result.has_value());
    m_saveImage->setEnabled(!sweeping);
    if (changed)
        Q_EMIT sweepingChanged(sweeping);
}

void SweepView::onProgress(int done, int total, double secondsLeft)
{
    if (!m_sweeping)
        return;
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setFormat(
        done < total ? tr("%1 of %2 runs, %3").arg(done).arg(total).arg(timeLeft(secondsLeft))
                     : tr("%1 of %2 runs").arg(done).arg(total));
}

void SweepView::onPoint(const shoal::SweepPoint& point, const shoal::ModelPrediction& model)
{
    if (m_sweeping)
        m_charts->addPoint(point, model);
}

void SweepView::onFinished(const shoal::SweepResult& result)
{
    m_result = result;
    m_resultBase = m_base;
    m_resultSpec = m_running.value_or(shoal::SweepSpec());
    m_charts->setResult(result);
    QStringList sentences;
    for (const shoal::SweepGroup& group : result.analysis.groups)
        sentences.append(SweepText::sentence(group, result.keys));
    m_verdict->setText(sentences.join(QLatin1Char('\n')));
    setSweeping(false);
}

void SweepView::onFailed(const shoal::ScenarioError& scenario, const shoal::SessionError& session)
{
    const QString reason = scenario.code != shoal::ScenarioError::Code::None
                               ? ErrorText::scenario(scenario)
                               : ErrorText::session(session);
    m_verdict->setText(tr("The sweep stopped: %1").arg(reason));
    setSweeping(false);
}

void SweepView::onCanceled()
{
    m_verdict->setText(
        tr("Canceled after %1 of %2 runs.").arg(m_progress->value()).arg(m_progress->maximum()));
    m_progress->setFormat(tr("canceled"));
    setSweeping(false);
}

bool SweepView::exportCsv(const QString& path)
{
    QString error;
    if (!m_result) {
        error = tr("no finished sweep to export");
    } else {
        const shoal::FileError written =
            shoal::RunExport::writeFile(path, SweepText::csv(*m_result));
        if (written)
            error = ErrorText::file(written);
    }
    fileDone(path, error);
    return error.isEmpty();
}

bool SweepView::saveImage(const QString& path)
{
    QString error;
    PngFile::write(m_charts->image(), path, &error);
    fileDone(path, error);
    return error.isEmpty();
}

bool SweepView::saveReport(const QString& path)
{
    QString error;
    if (!m_result) {
        error = tr("no finished sweep to report");
    } else {
        const shoal::FileError written =
            RunReport::write(path, RunReport::sweep(*m_result, m_resultBase, m_resultSpec,
                                                    shoal::MachineInfo::current()));
        if (written)
            error = ErrorText::file(written);
    }
    fileDone(path, error);
    return error.isEmpty();
}

void SweepView::fileDone(const QString& path, const QString& error)
{
    if (error.isEmpty())
        FileDialogs::rememberFolderOf(path);
    if (!error.isEmpty()) {
        // Not exec(): a sweep's curves stay live behind it.
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Not saved"), error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT fileWritten(path, error);
}

void SweepView::askExportCsv()
{
    const QString path = FileDialogs(this, QStringLiteral("sweep"))
                             .save(tr("Export sweep as CSV"), QStringLiteral(".csv"),
                                   tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void SweepView::askSaveImage()
{
    const QString path = FileDialogs(this, QStringLiteral("sweep"))
                             .save(tr("Save sweep curves"), QStringLiteral(".png"),
                                   tr("PNG images (*.png);;All files (*)"));
    if (!path.isEmpty())
        saveImage(path);
}

void SweepView::askSaveReport()
{
    const QString path = FileDialogs(this, QStringLiteral("sweep")).saveReport();
    if (!path.isEmpty())
        saveReport(path);
}

void SweepView::retranslate()
{
    m_run->setText(tr("&Run sweep"));
    m_run->setToolTip(tr("Run the preset once per point, each a fresh pool; the live charts show "
                         "each run"));
    m_cancel->setText(tr("&Cancel"));
    m_exportCsv->setText(tr("Export C&SV…"));
    m_saveImage->setText(tr("Save &image…"));
    m_saveReport->setText(tr("Save re&port…"));
    m_saveReport->setToolTip(tr("Write the sweep as one HTML page: its table, recommendation, "
                                "curves, settings and machine"));
}

void SweepView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
