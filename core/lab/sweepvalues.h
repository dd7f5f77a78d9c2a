#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

namespace shoal {

/// The most values one sweep key may take: a point is a whole run, so more is a typo, not a plan.
inline constexpr int kMaxSweepValues = 200;

/// Why a VALUES text of --sweep KEY=VALUES (or a preset's sweep section) was refused: a code, where
/// (a character offset into the text) and the offending piece. Core speaks in codes; ui/app make
/// the sentence through tr().
struct SweepValuesError {
    enum class Code {
        None,           ///< no error
        Empty,          ///< the text, or one comma-separated item of it, holds nothing
        NotANumber,     ///< text is not a finite decimal number (a bound, a step or a factor)
        EmptyRange,     ///< text is a range whose end is below its start (ranges run upward)
        BadStep,        ///< text is a step (after ':') that is not above zero
        BadFactor,      ///< text is a factor (after '*') that is not above one
        BadFactorStart, ///< text is a factor range's start, which must be above zero
        TooManyPoints,  ///< the values number more than limit; text is the item that went over
        Duplicate,      ///< text is the item (a number or a range) that repeats an earlier value
    };
    Code code = Code::None;
    int position = -1; ///< offset of text in the whole VALUES text, -1 when none
    QString text;      ///< the offending piece, trimmed
    int limit = 0;     ///< TooManyPoints: the cap that was exceeded

    explicit operator bool() const { return code != Code::None; }
};

/// Parses a sweep's VALUES: comma-separated items, each a number ("4", "0.5", "1e3") or a range:
/// "A..B" (every integer step of 1), "A..B:S" (step S > 0) or "A..B*F" (start A > 0, times F > 1).
/// A range includes B when it lands on it (within a rounding error) and stops below it otherwise,
/// so "50..700*2" is 50,100,200,400. Descending ranges are refused (EmptyRange): the runner
/// interleaves the points anyway, and a list gives any order. Values keep the order written and are
/// rounded to 12 significant digits, so "0.1..0.5:0.1" is exactly 0.1,0.2,0.3,0.4,0.5. Whitespace
/// around items and operators is ignored. On error returns an empty list and fills *error (when
/// given). Pure; any thread.
QList<double> parseSweepValues(QStringView text, SweepValuesError* error = nullptr,
                               int maxValues = kMaxSweepValues);

/// The index of the first value that is not a whole number (or does not fit in 53 bits), or -1
/// when every one is: for keys whose type is an integer (pool.size, arrival.callers). Pure.
qsizetype firstNonIntegralValue(const QList<double>& values);

/// True when every value is a whole number; see firstNonIntegralValue(). Pure.
inline bool allValuesIntegral(const QList<double>& values)
{
    return firstNonIntegralValue(values) < 0;
}

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepValuesError)
