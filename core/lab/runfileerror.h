#pragma once

#include "fileerror.h"
#include "scenarioerror.h"

#include <QString>

namespace shoal {

/// Why a run file was refused. Core speaks in codes; ui/app make the sentence. Whatever was
/// loaded before stays as it was: reading never replaces anything until it has succeeded.
struct RunFileError {
    enum class Code {
        None,         ///< no error
        Unreadable,   ///< the file cannot be opened or read (file.detail says why)
        Unwritable,   ///< writing failed (file says how; the old file is intact)
        TooLarge,     ///< larger than RunFile::MaxBytes
        Truncated,    ///< the JSON ends before it is complete (a copy cut short)
        BadJson,      ///< not JSON: offset says where the parser stopped
        NotARunFile,  ///< "format" is missing or not "shoal-run" (detail: what it is)
        NewerVersion, ///< "version" is newer than this program reads (version)
        MissingField, ///< field is required and absent
        UnknownKey,   ///< field is not a key of the run file
        WrongType,    ///< field has the wrong JSON type; expected names the type wanted
        BadValue,     ///< field holds a value that cannot be (detail says which)
        BadScenario,  ///< the "scenario" block is refused: scenario says why
    };
    Code code = Code::None;
    QString path;           ///< the file
    QString field;          ///< the JSON path at fault: "samples[3][7]", "machine.cores"
    QString expected;       ///< WrongType: "number", "string", "array", "object", "integer"
    QString detail;         ///< NotARunFile, BadValue
    qint64 offset = -1;     ///< BadJson, Truncated: where the parser stopped
    int version = 0;        ///< NewerVersion: the file's version
    FileError file;         ///< Unreadable, Unwritable
    ScenarioError scenario; ///< BadScenario

    explicit operator bool() const { return code != Code::None; }
};

} // namespace shoal
