#include "progressreporter.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr int kBarWidth = 30;

} // namespace

ProgressReporter::ProgressReporter(bool terminal, std::FILE* out)
    : m_terminal(terminal)
    , m_out(out)
{}

void ProgressReporter::update(const shoal::Sample& sample)
{
    const qint64 minimumMs = m_terminal ? 100 : 1000;
    if (m_lastShown.isValid() && m_lastShown.elapsed() < minimumMs)
        return;
    m_lastShown.start();
    const shoal::MetricsRow& r = sample.row;
    const double fraction = std::clamp(sample.progress, 0.0, 1.0);
    const int percent = static_cast<int>(std::floor(fraction * 100));
    const QString counts = tr("%1 s, %2 calls, %3 completed, %4 waiting")
                               .arg(sample.runSec, 0, 'f', 1)
                               .arg(r.submitted)
                               .arg(r.completed)
                               .arg(r.waiting);
    if (m_terminal) {
        const int filled = static_cast<int>(std::lround(fraction * kBarWidth));
        const QString bar =
            QString(filled, QLatin1Char('#')) + QString(kBarWidth - filled, QLatin1Char('.'));
        // \r returns to the start of the line; the trailing \x1b[K clears what is left of a
        // longer previous line.
        std::fprintf(m_out, "\r[%s] %3d%%  %s\x1b[K", qPrintable(bar), percent, qPrintable(counts));
        m_barDrawn = true;
    } else {
        std::fprintf(m_out, "%s\n", qPrintable(tr("progress: %1% (%2)").arg(percent).arg(counts)));
    }
    std::fflush(m_out);
}

void ProgressReporter::finish()
{
    if (m_barDrawn) {
        std::fputc('\n', m_out);
        std::fflush(m_out);
        m_barDrawn = false;
    }
}
