#pragma once

#include "lab/fileerror.h"
#include "lab/runfileerror.h"
#include "lab/scenarioerror.h"
#include "lab/sessionerror.h"

#include <QCoreApplication>
#include <QString>

/// The sentences for the lab's error codes, translated: one line each, naming what was wrong.
/// Any thread.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /// e.g. "arrival.ratePerSec: out of range (0 to 1000000)".
    static QString scenario(const shoal::ScenarioError& error);
    /// e.g. "cannot write /nope/run.csv: No such file or directory".
    static QString file(const shoal::FileError& error);
    /// e.g. "workload.params.folder: cannot be used (/nope)".
    static QString param(const shoal::ParamError& error, const QString& path);
    /// Why a run file was refused, naming the file and the field: e.g. "run.shoalrun:
    /// samples[3][7]: wrong type, expected number".
    static QString runFile(const shoal::RunFileError& error);
    /// Any refusal of a Session command, e.g. "burst is not possible now".
    static QString session(const shoal::SessionError& error);

private:
    static QString typeName(const QString& jsonType);
    static QString value(const QVariant& value);
};
