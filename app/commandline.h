#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/// The shoal-lab command line (see docs/lab.md): parses the arguments into what to do. The
/// preset itself is loaded and checked by the run, not here. One thread.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Mode {
        Desktop,     ///< no mode option: the desktop window
        Help,        ///< --help
        Version,     ///< --version
        ListPresets, ///< --list-presets
        Headless,    ///< --headless
        Compare,     ///< --compare A B
    };

    /// One change to the preset, in command-line order: a --set, or --duration / --jobs as the
    /// run.durationSec / run.jobs assignment they stand for.
    struct Assignment {
        QString given;      ///< as typed, for messages: "--set pool.size=4", "--duration 3"
        QString assignment; ///< "key=value" for PresetAssignment::apply
    };

    /// What the arguments ask for.
    struct Options {
        Mode mode = Mode::Desktop;
        QString preset;                ///< a built-in name or a file; empty = the default preset
        QString csvPath;               ///< --csv: the samples
        QString eventsPath;            ///< --events: the event log
        QString summaryPath;           ///< --summary: the summary as JSON
        QString runPath;               ///< --save-run: the whole run as a run file
        QString reportPath;            ///< --report: the run, sweep or comparison as HTML
        QList<Assignment> assignments; ///< in order
        QString language;              ///< --lang: "en", "de"; empty = the system's
        bool runAtStart = false;       ///< --run: the window starts a run at once
        QString screenshotPath;        ///< --screenshot: the window saves itself here, then quits
        double screenshotAtSec = 5;    ///< --screenshot-at: seconds into the run
        QStringList sweeps;            ///< --sweep KEY=VALUES, once or twice, as typed
        QString pointSeconds;          ///< --point-seconds, as typed (checked by the sweep)
        QString warmupSeconds;         ///< --warmup-seconds, as typed
        QString repeats;               ///< --repeats, as typed
        QString slo;                   ///< --slo METRIC<=MS, as typed
        bool sweepPreset = false;      ///< --sweep-preset: run the preset's sweep section
        QStringList compared;          ///< --compare A B: the two run files
        /// Whether any sweep option was given: the run is a sweep.
        bool sweepAsked() const
        {
            return sweepPreset || !sweeps.isEmpty() || !pointSeconds.isEmpty() ||
                   !warmupSeconds.isEmpty() || !repeats.isEmpty() || !slo.isEmpty();
        }
    };

    CommandLine();

    /// Parses \a arguments (the program name first). False, with error() set to a one-line
    /// reason, for an unknown option, a missing value, a stray argument, --duration with
    /// --jobs, or --report without --headless or --compare.
    bool parse(const QStringList& arguments);
    const Options& options() const { return m_options; }
    /// Why parse() failed: one line.
    QString error() const { return m_error; }
    /// The usage text.
    QString helpText() const { return m_parser.helpText(); }

private:
    QCommandLineParser m_parser; ///< the option definitions
    Options m_options;           ///< parse()'s result
    QString m_error;             ///< parse()'s refusal
};
