#pragma once

#include "lab/queueingmodel.h"
#include "lab/scenario.h"
#include "lab/scenarioerror.h"
#include "lab/sessionerror.h"
#include "lab/sweeppoint.h"
#include "lab/sweepresult.h"
#include "lab/sweepspec.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class SweepCharts;
class SweepForm;

namespace shoal {
class SweepRunner;
}

/// The window's Sweep view: the form asking what to sweep, Run sweep and Cancel, a progress bar
/// with the time left, the recommendation (or the knee) in a sentence, the curves, and the
/// exports (the same CSV as --csv, a PNG of the curves). Each point is a run of the window's own
/// session, so the live charts show it as it happens. It talks to its SweepRunner only through
/// queued calls and the runner's signals. GUI thread; the runner may live on another thread.
class SweepView : public QWidget {
    Q_OBJECT

public:
    /// Drives \a runner (not owned; it must outlive this view).
    explicit SweepView(shoal::SweepRunner* runner, QWidget* parent = nullptr);
    ~SweepView() override;

    /// The configuration a sweep starts from (the session's). While a sweep runs each point's
    /// configuration comes here too, and is not the base: it is ignored then.
    void setScenario(const shoal::Scenario& scenario);
    /// Starts the sweep the form describes; a refusal shows in the view, naming what was wrong,
    /// and returns false.
    bool start();
    /// Shows \a spec in the form and starts it.
    bool start(const shoal::SweepSpec& spec);
    /// Stops the sweep; what it measured so far stays on show.
    void cancel();

    bool isSweeping() const { return m_sweeping; }
    /// The last finished sweep, if any.
    const std::optional<shoal::SweepResult>& result() const { return m_result; }
    /// Writes the last sweep as the --csv file does; false with a dialog when it cannot.
    bool exportCsv(const QString& path);
    /// Writes the curves to a PNG file; false with a dialog when it cannot.
    bool saveImage(const QString& path);
    /// Writes the last sweep as the --report page does; false with a dialog when it cannot.
    bool saveReport(const QString& path);

    SweepForm* form() const { return m_form; }
    SweepCharts* charts() const { return m_charts; }
    QProgressBar* progress() const { return m_progress; }
    /// The recommendation, the knee, a refusal or the reason the sweep stopped.
    QLabel* verdict() const { return m_verdict; }

Q_SIGNALS:
    /// A sweep began or ended (finished, failed or canceled).
    void sweepingChanged(bool sweeping);
    /// A file export finished; \a error is empty on success.
    void fileWritten(const QString& path, const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void setSweeping(bool sweeping);
    void onProgress(int done, int total, double secondsLeft);
    void onPoint(const shoal::SweepPoint& point, const shoal::ModelPrediction& model);
    void onFinished(const shoal::SweepResult& result);
    void onFailed(const shoal::ScenarioError& scenario, const shoal::SessionError& session);
    void onCanceled();
    void askExportCsv();
    void askSaveImage();
    void askSaveReport();
    void fileDone(const QString& path, const QString& error);
    void retranslate();

    shoal::SweepRunner* m_runner = nullptr; ///< not owned
    shoal::Scenario m_base;                 ///< the configuration sweeps start from
    bool m_sweeping = false;
    std::optional<shoal::SweepResult> m_result;
    shoal::Scenario m_resultBase;              ///< what m_result swept from
    shoal::SweepSpec m_resultSpec;             ///< how it swept
    std::optional<shoal::SweepSpec> m_running; ///< the sweep under way
    SweepForm* m_form = nullptr;
    SweepCharts* m_charts = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_saveImage = nullptr;
    QPushButton* m_saveReport = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_verdict = nullptr;
};
