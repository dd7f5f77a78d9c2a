#include "errortext.h"

#include "lab/runfile.h"

#include <QJsonParseError>

using shoal::FileError;
using shoal::ParamError;
using shoal::ScenarioError;
using shoal::SessionError;

QString ErrorText::typeName(const QString& jsonType)
{
    if (jsonType == QStringLiteral("integer"))
        return tr("an integer");
    if (jsonType == QStringLiteral("number"))
        return tr("a number");
    if (jsonType == QStringLiteral("bool"))
        return tr("true or false");
    if (jsonType == QStringLiteral("string"))
        return tr("a string");
    if (jsonType == QStringLiteral("object"))
        return tr("an object");
    if (jsonType == QStringLiteral("array"))
        return tr("an array");
    return jsonType;
}

QString ErrorText::value(const QVariant& v)
{
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', 12);
    return v.toString();
}

QString ErrorText::scenario(const ScenarioError& e)
{
    using Code = ScenarioError::Code;
    switch (e.code) {
    case Code::None:
        return QString();
    case Code::BadJson: {
        QJsonParseError parseError;
        parseError.error = static_cast<QJsonParseError::ParseError>(e.jsonError);
        return tr("bad JSON at offset %1: %2").arg(e.offset).arg(parseError.errorString());
    }
    case Code::NotAnObject:
        return tr("the preset is not a JSON object");
    case Code::MissingField:
        return tr("%1: missing").arg(e.path);
    case Code::UnknownKey:
        return tr("%1: unknown key").arg(e.path);
    case Code::WrongType:
        return tr("%1: wrong type, expected %2").arg(e.path, typeName(e.expected));
    case Code::OutOfRange:
        return tr("%1: out of range (%2 to %3)").arg(e.path, value(e.minimum), value(e.maximum));
    case Code::NotOneOf:
        return tr("%1: \"%2\" is not one of %3")
            .arg(e.path, e.detail, e.allowed.join(QStringLiteral(", ")));
    case Code::UnknownWorkloadKind:
        return tr("%1: unknown workload kind \"%2\" (known: %3)")
            .arg(e.path, e.detail, e.allowed.join(QStringLiteral(", ")));
    case Code::Empty:
        return tr("%1: must not be empty").arg(e.path);
    case Code::Conflict:
        return tr("%1: %2 exclude each other").arg(e.path, e.detail);
    case Code::Unusable:
        return tr("%1: cannot be used (%2)").arg(e.path, e.detail);
    case Code::UnknownPreset:
        return tr("unknown preset \"%1\": neither a built-in preset (see --list-presets) nor a "
                  "file")
            .arg(e.detail);
    case Code::FileUnreadable:
        if (e.maximum.isValid())
            return tr("cannot read the preset file %1: larger than %2 bytes")
                .arg(e.detail, value(e.maximum));
        return tr("cannot read the preset file %1").arg(e.detail);
    case Code::BadAssignment:
        return tr("\"%1\" is not key=value").arg(e.detail);
    }
    return QString();
}

QString ErrorText::file(const FileError& e)
{
    switch (e.code) {
    case FileError::Code::None:
        return QString();
    case FileError::Code::IsDirectory:
        return tr("cannot write %1: it is a folder").arg(e.path);
    case FileError::Code::CannotOpen:
        return tr("cannot write %1: %2").arg(e.path, e.detail);
    case FileError::Code::WriteFailed:
        return tr("writing %1 failed: %2").arg(e.path, e.detail);
    case FileError::Code::CommitFailed:
        return tr("could not replace %1: %2").arg(e.path, e.detail);
    }
    return QString();
}

QString ErrorText::runFile(const shoal::RunFileError& e)
{
    using Code = shoal::RunFileError::Code;
    QString reason;
    switch (e.code) {
    case Code::None:
        return QString();
    case Code::Unreadable:
        return tr("cannot read %1: %2").arg(e.path, e.file.detail);
    case Code::Unwritable:
        return file(e.file);
    case Code::TooLarge:
        reason = tr("larger than a run file can be (%1 MiB)").arg(shoal::RunFile::MaxBytes >> 20);
        break;
    case Code::Truncated:
        reason = tr("the file ends early, at byte %1: it was cut short").arg(e.offset);
        break;
    case Code::BadJson:
        reason = tr("not JSON (the parser stopped at byte %1)").arg(e.offset);
        break;
    case Code::NotARunFile:
        reason = e.detail.isEmpty() ? tr("not a Shoal run file (no \"format\": \"shoal-run\")")
                                    : tr("not a Shoal run file (format \"%1\")").arg(e.detail);
        break;
    case Code::NewerVersion:
        reason = tr("version %1 is newer than this Shoal reads (%2)")
                     .arg(e.version)
                     .arg(shoal::RunFile::Version);
        break;
    case Code::MissingField:
        reason = e.detail.isEmpty() ? tr("%1 is missing").arg(e.field)
                                    : tr("%1: \"%2\" is missing").arg(e.field, e.detail);
        break;
    case Code::UnknownKey:
        reason = tr("%1: unknown key").arg(e.field);
        break;
    case Code::WrongType:
        reason = tr("%1: wrong type, expected %2").arg(e.field, typeName(e.expected));
        break;
    case Code::BadValue:
        reason = e.detail.isEmpty()
                     ? tr("%1: not a possible value").arg(e.field)
                     : tr("%1: \"%2\" is not a possible value").arg(e.field, e.detail);
        break;
    case Code::BadScenario:
        reason = tr("scenario: %1").arg(scenario(e.scenario));
        break;
    }
    return tr("%1: %2").arg(e.path, reason);
}

QString ErrorText::param(const ParamError& e, const QString& path)
{
    switch (e.code) {
    case ParamError::Code::None:
        return QString();
    case ParamError::Code::UnknownKind:
        return tr("workload.kind: unknown workload kind \"%1\" (known: %2)")
            .arg(e.param, e.allowed.join(QStringLiteral(", ")));
    case ParamError::Code::UnknownKey:
        return tr("%1: unknown key").arg(path);
    case ParamError::Code::WrongType:
        return tr("%1: wrong type, expected %2").arg(path, typeName(e.expected));
    case ParamError::Code::OutOfRange:
        if (!e.allowed.isEmpty())
            return tr("%1: must be one of %2").arg(path, e.allowed.join(QStringLiteral(", ")));
        return tr("%1: out of range (%2 to %3)").arg(path, value(e.minimum), value(e.maximum));
    case ParamError::Code::Unusable:
        return tr("%1: cannot be used (%2)").arg(path, e.detail);
    }
    return QString();
}

QString ErrorText::session(const SessionError& e)
{
    switch (e.code) {
    case SessionError::Code::None:
        return QString();
    case SessionError::Code::NotNow:
        return tr("%1 is not possible now").arg(e.what);
    case SessionError::Code::InvalidValue:
    case SessionError::Code::PresetRefused:
        return scenario(e.scenario);
    case SessionError::Code::WorkloadRefused:
        return param(e.param, e.param.param.isEmpty()
                                  ? e.what
                                  : QStringLiteral("workload.params.") + e.param.param);
    case SessionError::Code::PoolFailed:
        return tr("the pool failed (%1): %2").arg(e.what, e.detail);
    }
    return QString();
}
