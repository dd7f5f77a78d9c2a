#pragma once

#include "lab/sample.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

/// Shows a headless run's progress on stderr: a bar redrawn in place when stderr is a terminal,
/// otherwise a plain line at most once per second (for logs). One thread.
class ProgressReporter {
    Q_DECLARE_TR_FUNCTIONS(ProgressReporter)

public:
    /// \a terminal: draw a bar (stderr is a tty).
    explicit ProgressReporter(bool terminal, std::FILE* out = stderr);

    /// Reports \a sample, throttled.
    void update(const shoal::Sample& sample);
    /// Ends the bar's line, so that what follows starts on a fresh line.
    void finish();

private:
    bool m_terminal = false;    ///< bar or plain lines
    std::FILE* m_out = nullptr; ///< stderr
    QElapsedTimer m_lastShown;  ///< throttles output
    bool m_barDrawn = false;    ///< a bar line is open
};
