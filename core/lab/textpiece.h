#pragma once

#include <QStringView>

namespace shoal {

/// A piece of a text being parsed, with its offset in the whole so that an error can point at
/// it. Used by the sweep values and SLO parsers; any thread.
struct TextPiece {
    QStringView text; ///< the piece, whitespace trimmed off both ends
    int position = 0; ///< where text starts in the whole
};

/// \a text, found at \a position in the whole, with whitespace trimmed off both ends.
inline TextPiece trimmedPiece(QStringView text, int position)
{
    int begin = 0;
    int end = static_cast<int>(text.size());
    while (begin < end && text[begin].isSpace())
        ++begin;
    while (end > begin && text[end - 1].isSpace())
        --end;
    return {text.sliced(begin, end - begin), position + begin};
}

} // namespace shoal
