#pragma once

#include "lab/sweepresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/// A finished sweep as text: the readable table printed on stdout (one row per point and
/// repeat, then the recommendation in one sentence per group) and the CSV of --csv. Pure.
class SweepTable {
    Q_DECLARE_TR_FUNCTIONS(SweepTable)

public:
    /// The table and the closing sentences.
    static QString format(const shoal::SweepResult& result);
    /// One sentence: the recommendation (or, without an SLO, the knee) of \a group.
    static QString sentence(const shoal::SweepGroup& group, const QStringList& keys);
    /// The --csv file: one row per point and repeat, in run order.
    static QByteArray csv(const shoal::SweepResult& result);
};
