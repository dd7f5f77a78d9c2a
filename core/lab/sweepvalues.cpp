#include "sweepvalues.h"

#include "textpiece.h"

#include <QLocale>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace shoal {
namespace {

TextPiece sub(const TextPiece& piece, qsizetype from, qsizetype length = -1)
{
    const qsizetype n = length < 0 ? piece.text.size() - from : length;
    return trimmedPiece(piece.text.sliced(from, n), piece.position + static_cast<int>(from));
}

/// Rounds away the binary noise that start + i * step collects (0.30000000000000004 -> 0.3).
double snapped(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.12g", value);
    return std::strtod(buffer, nullptr);
}

class Parser {
public:
    Parser(int maxValues, SweepValuesError* error)
        : m_maxValues(maxValues)
        , m_error(error)
    {}

    bool fail(SweepValuesError::Code code, const TextPiece& piece)
    {
        if (m_error) {
            m_error->code = code;
            m_error->position = piece.position;
            m_error->text = piece.text.toString();
            m_error->limit = code == SweepValuesError::Code::TooManyPoints ? m_maxValues : 0;
        }
        return false;
    }

    /// A number must start with a digit (after an optional sign): ".8" is refused, so "1...8"
    /// names ".8" instead of reading it as 1..0.8.
    std::optional<double> number(const TextPiece& piece)
    {
        const QStringView t = piece.text;
        const qsizetype first = (!t.isEmpty() && (t[0] == u'-' || t[0] == u'+')) ? 1 : 0;
        if (t.size() <= first || !t[first].isDigit()) {
            if (t.isEmpty())
                fail(SweepValuesError::Code::Empty, piece);
            else
                fail(SweepValuesError::Code::NotANumber, piece);
            return std::nullopt;
        }
        bool ok = false;
        const double value = QLocale::c().toDouble(t, &ok);
        if (!ok || !std::isfinite(value)) {
            fail(SweepValuesError::Code::NotANumber, piece);
            return std::nullopt;
        }
        return value;
    }

    bool add(double value, const TextPiece& piece)
    {
        if (m_values.size() >= m_maxValues)
            return fail(SweepValuesError::Code::TooManyPoints, piece);
        m_values.append(snapped(value));
        m_items.append(piece);
        return true;
    }

    bool item(const TextPiece& piece)
    {
        if (piece.text.isEmpty())
            return fail(SweepValuesError::Code::Empty, piece);
        const qsizetype dots = piece.text.indexOf(u"..");
        if (dots < 0) {
            const std::optional<double> value = number(piece);
            return value && add(*value, piece);
        }
        return range(piece, dots);
    }

    bool range(const TextPiece& piece, qsizetype dots)
    {
        const TextPiece startText = sub(piece, 0, dots);
        const TextPiece rest = sub(piece, dots + 2);
        const qsizetype colon = rest.text.indexOf(u':');
        const qsizetype star = colon < 0 ? rest.text.indexOf(u'*') : -1;
        const qsizetype cut = colon >= 0 ? colon : star;
        const TextPiece endText = cut < 0 ? rest : sub(rest, 0, cut);
        const std::optional<double> start = number(startText);
        if (!start)
            return false;
        const std::optional<double> end = number(endText);
        if (!end)
            return false;
        if (*end < *start)
            return fail(SweepValuesError::Code::EmptyRange, piece);
        if (star >= 0) {
            const TextPiece factorText = sub(rest, star + 1);
            const std::optional<double> factor = number(factorText);
            if (!factor)
                return false;
            if (*factor <= 1)
                return fail(SweepValuesError::Code::BadFactor, factorText);
            if (*start <= 0)
                return fail(SweepValuesError::Code::BadFactorStart, startText);
            return factorRange(*start, *end, *factor, piece);
        }
        double step = 1;
        if (colon >= 0) {
            const TextPiece stepText = sub(rest, colon + 1);
            const std::optional<double> parsed = number(stepText);
            if (!parsed)
                return false;
            if (*parsed <= 0)
                return fail(SweepValuesError::Code::BadStep, stepText);
            step = *parsed;
        }
        return stepRange(*start, *end, step, piece);
    }

    bool stepRange(double start, double end, double step, const TextPiece& piece)
    {
        // Counted up front from the span, not by adding step after step: no drift, and a huge
        // range is refused without walking it.
        const double intervals = std::floor((end - start) / step + 1e-9);
        if (intervals + 1 + static_cast<double>(m_values.size()) > m_maxValues)
            return fail(SweepValuesError::Code::TooManyPoints, piece);
        for (int i = 0; i <= static_cast<int>(intervals); ++i) {
            if (!add(start + i * step, piece))
                return false;
        }
        return true;
    }

    bool factorRange(double start, double end, double factor, const TextPiece& piece)
    {
        const double lastWanted = end * (1 + 1e-9);
        for (int i = 0;; ++i) {
            const double value = start * std::pow(factor, i);
            if (value > lastWanted)
                return true;
            if (!add(value, piece))
                return false;
        }
    }

    /// Names the item that repeats an earlier value (the second one written).
    bool noDuplicates()
    {
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            for (qsizetype j = 0; j < i; ++j) {
                if (m_values[i] == m_values[j])
                    return fail(SweepValuesError::Code::Duplicate, m_items[i]);
            }
        }
        return true;
    }

    QList<double> take() { return std::move(m_values); }

private:
    int m_maxValues;           ///< the cap on values
    SweepValuesError* m_error; ///< where a failure is reported; may be null
    QList<double> m_values;    ///< the values so far, in the order written
    QList<TextPiece> m_items;  ///< the item each value came from
};

} // namespace

QList<double> parseSweepValues(QStringView text, SweepValuesError* error, int maxValues)
{
    if (error)
        *error = {};
    Parser parser(maxValues, error);
    const TextPiece whole = trimmedPiece(text, 0);
    if (whole.text.isEmpty()) {
        parser.fail(SweepValuesError::Code::Empty, whole);
        return {};
    }
    qsizetype from = 0;
    while (true) {
        const qsizetype comma = text.indexOf(u',', from);
        const qsizetype length = (comma < 0 ? text.size() : comma) - from;
        if (!parser.item(trimmedPiece(text.sliced(from, length), static_cast<int>(from))))
            return {};
        if (comma < 0)
            break;
        from = comma + 1;
    }
    if (!parser.noDuplicates())
        return {};
    return parser.take();
}

qsizetype firstNonIntegralValue(const QList<double>& values)
{
    constexpr double kExact = 9007199254740992.0; // 2^53: beyond it doubles skip integers
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!std::isfinite(v) || std::floor(v) != v || std::abs(v) > kExact)
            return i;
    }
    return -1;
}

} // namespace shoal
