#include "plotcolors.h"

#include <cmath>
#include <iterator>

using shoal::WorkerState;

namespace {

/// The lines' colours, in order (Qt Charts' light theme, which people know from other tools).
const QColor kLineColors[] = {QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53),
                              QColor(0xf6, 0xa6, 0x25), QColor(0x6d, 0x5f, 0xd5),
                              QColor(0xbf, 0x59, 0x3e), QColor(0x40, 0x40, 0x40)};

/// \a from moved \a share (0 to 1) of the way to \a to.
QColor blend(const QColor& from, const QColor& to, double share)
{
    const auto mix = [share](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * share));
    };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

} // namespace

QColor PlotColors::line(int line)
{
    return kLineColors[static_cast<std::size_t>(line) % std::size(kLineColors)];
}

QColor PlotColors::workerState(WorkerState state)
{
    switch (state) {
    case WorkerState::Idle:
        return QColor(0xdd, 0xe1, 0xe6);
    case WorkerState::Blocked:
        return QColor(0xf2, 0xa9, 0x3b);
    case WorkerState::Busy:
        return QColor(0x2e, 0x8b, 0x57);
    case WorkerState::Abandoned:
        return QColor(0xd6, 0x3a, 0x3a);
    case WorkerState::Retiring:
        return QColor(0x7b, 0x5c, 0xc4);
    }
    return Qt::black;
}

QColor PlotColors::grid(const QPalette& palette)
{
    // 0xe4 on white with black text, as the plots were drawn before they followed the theme.
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.105);
}

QColor PlotColors::axis(const QPalette& palette)
{
    return palette.color(QPalette::Mid);
}

QColor PlotColors::markerText()
{
    return QColor(0x55, 0x3c, 0x9a);
}

QColor PlotColors::markerLine()
{
    return QColor(0xaa, 0x9d, 0xcc);
}

QColor PlotColors::labelBackground(const QPalette& palette)
{
    QColor background = palette.color(QPalette::Base);
    background.setAlpha(210);
    return background;
}
