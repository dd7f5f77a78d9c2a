#include "commandworkload.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace shoal {
namespace {

const QString kArgs = QStringLiteral("args");

} // namespace

const ParamSchema& CommandWorkload::schema()
{
    static const ParamSchema schema =
        ParamSchema()
            .addString(QStringLiteral("program"), QStringLiteral("cat"))
            .addStringList(kArgs, {})
            .addChoice(QStringLiteral("mode"), QStringLiteral("coprocess"),
                       {QStringLiteral("coprocess"), QStringLiteral("exec")})
            .addString(QStringLiteral("input"), QStringLiteral("{n}"))
            .addChoice(QStringLiteral("interrupt"), QStringLiteral("signal"),
                       {QStringLiteral("signal"), QStringLiteral("ignore")});
    return schema;
}

ParamError CommandWorkload::checkProgram(const QString& program, QString* resolved)
{
    const QString param = QStringLiteral("program");
    if (program.isEmpty())
        return ParamError::unusable(param, QStringLiteral("\"\": no program named"));
    QString path;
    if (!program.contains(QLatin1Char('/'))) {
        path = QStandardPaths::findExecutable(program);
        if (path.isEmpty())
            return ParamError::unusable(param, program + QStringLiteral(": not found on PATH"));
    } else {
        const QFileInfo info(program);
        if (!info.exists())
            return ParamError::unusable(param, program + QStringLiteral(": no such file"));
        if (info.isDir())
            return ParamError::unusable(param, program + QStringLiteral(": is a directory"));
        if (!info.isExecutable())
            return ParamError::unusable(param, program + QStringLiteral(": not executable"));
        path = info.absoluteFilePath();
    }
    if (resolved)
        *resolved = QDir::cleanPath(path);
    return {};
}

ParamError CommandWorkload::check(const QVariantMap& params)
{
    return checkProgram(
        params
            .value(QStringLiteral("program"), schema().defaults().value(QStringLiteral("program")))
            .toString());
}

ParamError CommandWorkload::settingsFrom(const QVariantMap& v, CommandSettings* s)
{
    if (ParamError e = checkProgram(v.value(QStringLiteral("program")).toString(), &s->program))
        return e;
    s->args = v.value(kArgs).toStringList();
    s->coprocess = v.value(QStringLiteral("mode")).toString() == QStringLiteral("coprocess");
    s->input = v.value(QStringLiteral("input")).toString().toUtf8();
    s->signalOnInterrupt =
        v.value(QStringLiteral("interrupt")).toString() == QStringLiteral("signal");
    // One line in, one line out: a line break would answer one call with another's line.
    if (s->coprocess && s->input.contains('\n'))
        return ParamError::unusable(QStringLiteral("input"),
                                    QStringLiteral("a coprocess input must be one line"));
    return {};
}

std::unique_ptr<CommandWorkload> CommandWorkload::create(const QVariantMap& params,
                                                         std::shared_ptr<RateLimiter> limiter,
                                                         ParamError& error)
{
    QVariantMap values;
    error = schema().resolve(params, &values);
    if (error)
        return nullptr;
    CommandSettings settings;
    error = settingsFrom(values, &settings);
    if (error)
        return nullptr;
    return std::unique_ptr<CommandWorkload>(
        new CommandWorkload(values, std::move(settings), std::move(limiter)));
}

CommandWorkload::CommandWorkload(const QVariantMap& values, CommandSettings settings,
                                 std::shared_ptr<RateLimiter> limiter)
    : m_limiter(std::move(limiter))
    , m_values(values)
    , m_shared(std::make_shared<CommandShared>(std::move(settings)))
{}

std::unique_ptr<Worker> CommandWorkload::makeWorker()
{
    return std::make_unique<CommandWorker>(m_shared, m_limiter);
}

std::any CommandWorkload::makePayload(quint64 sequence)
{
    const auto settings = m_shared->settings.get();
    QByteArray line = settings->input;
    line.replace("{n}", QByteArray::number(sequence));
    return CommandJob{sequence, line};
}

ParamError CommandWorkload::setParam(const QString& key, const QVariant& value)
{
    QVariant normalized;
    if (ParamError e = schema().check(key, value, &normalized))
        return e;
    std::lock_guard lock(m_valuesMutex);
    QVariantMap values = m_values;
    values.insert(key, normalized);
    CommandSettings settings;
    if (ParamError e = settingsFrom(values, &settings))
        return e;
    m_values = values;
    m_shared->settings.set(std::move(settings));
    return {};
}

QVariantMap CommandWorkload::params() const
{
    std::lock_guard lock(m_valuesMutex);
    return m_values;
}

} // namespace shoal
