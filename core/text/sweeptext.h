#pragma once

#include "lab/sweepresult.h"
#include "lab/sweepslo.h"
#include "lab/sweepvalues.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

/// Sweeps as text, for the command line and the window alike: the readable table printed on
/// stdout (one row per point and repeat, then the recommendation in one sentence per group), the
/// CSV of --csv and the Sweep view's export, and the refusals of a VALUES or an SLO text. Pure.
class SweepText {
    Q_DECLARE_TR_FUNCTIONS(SweepText)

public:
    /// The table and the closing sentences.
    static QString format(const shoal::SweepResult& result);
    /// The table's column names: the keys, then each figure.
    static QStringList header(const QStringList& keys);
    /// The table's rows, one per point and repeat in run order, numbers written by \a locale
    /// (stdout uses the C locale; a report the reader's).
    static QList<QStringList> rows(const shoal::SweepResult& result, const QLocale& locale);
    /// The scaling law's fit of \a group in one line; empty when it was not fitted.
    static QString uslLine(const shoal::SweepGroup& group, const QLocale& locale);
    /// One sentence: the recommendation (or, without an SLO, the knee) of \a group.
    static QString sentence(const shoal::SweepGroup& group, const QStringList& keys);
    /// The --csv file: one row per point and repeat, in run order.
    static QByteArray csv(const shoal::SweepResult& result);
    /// "VALUES: ..." sentences for the parser's codes (also for a preset's sweep section).
    static QString valuesError(const shoal::SweepValuesError& error);
    /// The same for an SLO text.
    static QString sloError(const shoal::SweepSloError& error);
};
