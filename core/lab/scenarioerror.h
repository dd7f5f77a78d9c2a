#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace shoal {

/// Why a preset (a file, a built-in name or a --set assignment) was refused: the field as a JSON
/// path ("arrival.ratePerSec", "timeline[3].action", "workload.params.meanMs") and the reason as a
/// code with its data. Core speaks in codes; ui/app make the sentence through tr().
struct ScenarioError {
    enum class Code {
        None,                ///< no error
        BadJson,             ///< not JSON: offset and jsonError (a QJsonParseError::ParseError)
        NotAnObject,         ///< path (empty for the document) is not a JSON object
        MissingField,        ///< path is required and absent
        UnknownKey,          ///< path is not a key of this format (or of this action/workload)
        WrongType,           ///< path has the wrong JSON type; expected: "integer", "number",
                             ///< "bool", "string", "object", "array"
        OutOfRange,          ///< path is outside [minimum, maximum]
        NotOneOf,            ///< path (given as detail) is not one of allowed
        UnknownWorkloadKind, ///< workload.kind (given as detail) is none of allowed
        Empty,               ///< path is a string that must not be empty
        Conflict,            ///< path holds keys that exclude each other; detail names them
        Unusable,            ///< path names something that cannot be used; detail says why
        UnknownPreset,       ///< detail is neither a built-in preset nor a file
        FileUnreadable,      ///< detail is the file; path is empty; maximum is the size
                             ///< limit in bytes when the file is larger than it
        BadAssignment,       ///< detail is a --set argument without "key=value"
    };
    Code code = Code::None;
    QString path;        ///< the field at fault, as a JSON path
    QString expected;    ///< WrongType: the JSON type wanted
    QVariant minimum;    ///< OutOfRange
    QVariant maximum;    ///< OutOfRange
    QStringList allowed; ///< NotOneOf, UnknownWorkloadKind
    qint64 offset = -1;  ///< BadJson: where the parser stopped
    int jsonError = 0;   ///< BadJson: QJsonParseError::ParseError
    QString detail;      ///< the refused choice, Conflict, Unusable, UnknownPreset,
                         ///< FileUnreadable, BadAssignment

    explicit operator bool() const { return code != Code::None; }
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::ScenarioError)
