#include "runfile.h"

#include "presetformat.h"
#include "runexport.h"
#include "samplecolumns.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

namespace shoal {
namespace {

const QString kFormat = QStringLiteral("shoal-run");

/// The run file's columns: the CSV's, then the interval each row's rates cover.
const std::vector<SampleColumn>& runColumns()
{
    static const std::vector<SampleColumn> columns = [] {
        std::vector<SampleColumn> c = sampleColumnTable();
        c.push_back({QStringLiteral("interval_s"), false, 3,
                     [](const MetricsRow& r) { return r.intervalSec; },
                     [](MetricsRow& r, double v) { r.intervalSec = v; }});
        return c;
    }();
    return columns;
}

QJsonValue numberValue(double value, bool integral)
{
    if (!std::isfinite(value))
        return QJsonValue(QJsonValue::Null);
    if (integral)
        return QJsonValue(static_cast<qint64>(std::llround(value)));
    return QJsonValue(value);
}

/// Reads one JSON tree strictly, keeping the first fault.
class Reader {
public:
    explicit Reader(RunFileError* error)
        : m_error(error)
    {}

    bool failed() const { return m_error->code != RunFileError::Code::None; }

    void fail(RunFileError::Code code, const QString& field, const QString& detail = {})
    {
        if (failed())
            return;
        m_error->code = code;
        m_error->field = field;
        m_error->detail = detail;
    }

    void wrongType(const QString& field, const QString& expected)
    {
        fail(RunFileError::Code::WrongType, field);
        if (m_error->field == field)
            m_error->expected = expected;
    }

    /// Every key of \a object is one of \a keys and each of \a keys is there.
    bool exactKeys(const QJsonObject& object, const QString& prefix, const QStringList& keys)
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!keys.contains(it.key()))
                fail(RunFileError::Code::UnknownKey, prefix + it.key());
        for (const QString& key : keys)
            if (!object.contains(key))
                fail(RunFileError::Code::MissingField, prefix + key);
        return !failed();
    }

    QJsonObject object(const QJsonValue& value, const QString& field)
    {
        if (!value.isObject())
            wrongType(field, QStringLiteral("object"));
        return value.toObject();
    }

    QJsonArray array(const QJsonValue& value, const QString& field)
    {
        if (!value.isArray())
            wrongType(field, QStringLiteral("array"));
        return value.toArray();
    }

    QString string(const QJsonValue& value, const QString& field)
    {
        if (!value.isString())
            wrongType(field, QStringLiteral("string"));
        return value.toString();
    }

    double number(const QJsonValue& value, const QString& field)
    {
        if (!value.isDouble())
            wrongType(field, QStringLiteral("number"));
        return value.toDouble();
    }

    qint64 integer(const QJsonValue& value, const QString& field)
    {
        const double v = number(value, field);
        if (!failed() && (v != std::floor(v) || std::fabs(v) > 9.0e15))
            wrongType(field, QStringLiteral("integer"));
        return failed() ? 0 : static_cast<qint64>(v);
    }

private:
    RunFileError* m_error;
};

MachineInfo readMachine(Reader& in, const QJsonValue& value)
{
    MachineInfo m;
    const QJsonObject o = in.object(value, QStringLiteral("machine"));
    const QString p = QStringLiteral("machine.");
    if (in.failed() ||
        !in.exactKeys(o, p,
                      {QStringLiteral("cpu"), QStringLiteral("cores"), QStringLiteral("os"),
                       QStringLiteral("qt"), QStringLiteral("shoal"), QStringLiteral("build")}))
        return m;
    m.cpu = in.string(o.value(QStringLiteral("cpu")), p + QStringLiteral("cpu"));
    m.cores =
        static_cast<int>(in.integer(o.value(QStringLiteral("cores")), p + QStringLiteral("cores")));
    if (!in.failed() && (m.cores < 0 || m.cores > 1'000'000))
        in.fail(RunFileError::Code::BadValue, p + QStringLiteral("cores"),
                QString::number(m.cores));
    m.os = in.string(o.value(QStringLiteral("os")), p + QStringLiteral("os"));
    m.qt = in.string(o.value(QStringLiteral("qt")), p + QStringLiteral("qt"));
    m.shoal = in.string(o.value(QStringLiteral("shoal")), p + QStringLiteral("shoal"));
    m.build = in.string(o.value(QStringLiteral("build")), p + QStringLiteral("build"));
    return m;
}

/// For each file column, its index in runColumns().
std::vector<std::size_t> readColumns(Reader& in, const QJsonValue& value)
{
    std::vector<std::size_t> order;
    const QJsonArray names = in.array(value, QStringLiteral("sampleColumns"));
    const std::vector<SampleColumn>& known = runColumns();
    QSet<QString> seen;
    for (qsizetype i = 0; i < names.size() && !in.failed(); ++i) {
        const QString field = QStringLiteral("sampleColumns[%1]").arg(i);
        const QString name = in.string(names.at(i), field);
        std::size_t index = 0;
        while (index < known.size() && known[index].name != name)
            ++index;
        if (in.failed())
            break;
        if (index == known.size())
            in.fail(RunFileError::Code::BadValue, field, name);
        else if (seen.contains(name))
            in.fail(RunFileError::Code::BadValue, field, name);
        seen.insert(name);
        order.push_back(index);
    }
    for (const SampleColumn& column : known)
        if (!in.failed() && !seen.contains(column.name))
            in.fail(RunFileError::Code::MissingField, QStringLiteral("sampleColumns"), column.name);
    return order;
}

QList<MetricsRow> readSamples(Reader& in, const QJsonValue& value,
                              const std::vector<std::size_t>& order)
{
    QList<MetricsRow> rows;
    const QJsonArray samples = in.array(value, QStringLiteral("samples"));
    const std::vector<SampleColumn>& known = runColumns();
    rows.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size() && !in.failed(); ++i) {
        const QString field = QStringLiteral("samples[%1]").arg(i);
        const QJsonArray values = in.array(samples.at(i), field);
        if (!in.failed() && values.size() != static_cast<qsizetype>(order.size()))
            in.fail(
                RunFileError::Code::BadValue, field,
                QStringLiteral("%1 values for %2 columns").arg(values.size()).arg(order.size()));
        MetricsRow row;
        for (qsizetype c = 0; c < values.size() && !in.failed(); ++c) {
            const SampleColumn& column = known[order[static_cast<std::size_t>(c)]];
            const QString cell = QStringLiteral("%1[%2]").arg(field).arg(c);
            const QJsonValue v = values.at(c);
            if (v.isNull() && !column.integral)
                column.set(row, MetricsRow::None);
            else if (column.integral)
                column.set(row, static_cast<double>(in.integer(v, cell)));
            else
                column.set(row, in.number(v, cell));
        }
        rows.append(row);
    }
    return rows;
}

QList<RunEvent> readEvents(Reader& in, const QJsonValue& value)
{
    QList<RunEvent> events;
    const QJsonArray list = in.array(value, QStringLiteral("events"));
    for (qsizetype i = 0; i < list.size() && !in.failed(); ++i) {
        const QString field = QStringLiteral("events[%1]").arg(i);
        const QJsonObject o = in.object(list.at(i), field);
        if (in.failed() || !in.exactKeys(o, field + QLatin1Char('.'),
                                         {QStringLiteral("t_s"), QStringLiteral("what"),
                                          QStringLiteral("old"), QStringLiteral("new")}))
            break;
        RunEvent e;
        e.tSec = in.number(o.value(QStringLiteral("t_s")), field + QStringLiteral(".t_s"));
        e.what = in.string(o.value(QStringLiteral("what")), field + QStringLiteral(".what"));
        e.oldValue = in.string(o.value(QStringLiteral("old")), field + QStringLiteral(".old"));
        e.newValue = in.string(o.value(QStringLiteral("new")), field + QStringLiteral(".new"));
        if (!in.failed() && e.what.isEmpty())
            in.fail(RunFileError::Code::BadValue, field + QStringLiteral(".what"));
        events.append(e);
    }
    return events;
}

/// The states' names in a run file's lanes, in WorkerState's order.
const QStringList& stateNames()
{
    static const QStringList names{QStringLiteral("idle"), QStringLiteral("blocked"),
                                   QStringLiteral("busy"), QStringLiteral("abandoned"),
                                   QStringLiteral("retiring")};
    return names;
}

QJsonArray lanesJson(const WorkerTimeline& timeline)
{
    QJsonArray lanes;
    for (const auto& [id, lane] : timeline.lanes()) {
        QJsonArray segments;
        for (const WorkerTimeline::Segment& segment : lane.segments)
            segments.append(QJsonArray{segment.startSec, segment.endSec,
                                       stateNames().at(static_cast<int>(segment.state))});
        lanes.append(QJsonObject{{QStringLiteral("id"), id},
                                 {QStringLiteral("lastSeen_s"), lane.lastSeenSec},
                                 {QStringLiteral("segments"), segments}});
    }
    return lanes;
}

WorkerTimeline readLanes(Reader& in, const QJsonValue& value)
{
    WorkerTimeline timeline;
    const QJsonArray list = in.array(value, QStringLiteral("lanes"));
    for (qsizetype i = 0; i < list.size() && !in.failed(); ++i) {
        const QString field = QStringLiteral("lanes[%1]").arg(i);
        const QJsonObject o = in.object(list.at(i), field);
        if (in.failed() || !in.exactKeys(o, field + QLatin1Char('.'),
                                         {QStringLiteral("id"), QStringLiteral("lastSeen_s"),
                                          QStringLiteral("segments")}))
            break;
        WorkerTimeline::Lane lane;
        lane.id = static_cast<int>(
            in.integer(o.value(QStringLiteral("id")), field + QStringLiteral(".id")));
        lane.lastSeenSec =
            in.number(o.value(QStringLiteral("lastSeen_s")), field + QStringLiteral(".lastSeen_s"));
        const QString at = field + QStringLiteral(".segments");
        const QJsonArray segments = in.array(o.value(QStringLiteral("segments")), at);
        for (qsizetype k = 0; k < segments.size() && !in.failed(); ++k) {
            const QString cell = QStringLiteral("%1[%2]").arg(at).arg(k);
            const QJsonArray values = in.array(segments.at(k), cell);
            if (!in.failed() && values.size() != 3)
                in.fail(RunFileError::Code::BadValue, cell,
                        QStringLiteral("%1 values for start, end and state").arg(values.size()));
            if (in.failed())
                break;
            WorkerTimeline::Segment segment;
            segment.startSec = in.number(values.at(0), cell + QStringLiteral("[0]"));
            segment.endSec = in.number(values.at(1), cell + QStringLiteral("[1]"));
            const QString state = in.string(values.at(2), cell + QStringLiteral("[2]"));
            const qsizetype code = stateNames().indexOf(state);
            const double previousEnd =
                lane.segments.empty() ? -INFINITY : lane.segments.back().endSec;
            if (!in.failed() && code < 0)
                in.fail(RunFileError::Code::BadValue, cell + QStringLiteral("[2]"), state);
            else if (!in.failed() &&
                     (segment.endSec < segment.startSec || segment.startSec < previousEnd))
                in.fail(RunFileError::Code::BadValue, cell,
                        QStringLiteral("segments must not overlap or run backwards"));
            segment.state = static_cast<WorkerState>(std::max<qsizetype>(code, 0));
            lane.segments.push_back(segment);
        }
        if (!in.failed())
            timeline.restore(lane);
    }
    return timeline;
}

/// Whether the parser stopped because the text ran out (a copy cut short), not at a bad
/// character in the middle.
// Qt reports a literal at the very end ("nu", "tr", or a whole "null" with nothing after it) as
// an illegal value, its offset one past the literal's first byte: the file ends inside or just
// after it, so it is truncated, not malformed.
bool endsInsideLiteral(const QByteArray& trimmed, const QJsonParseError& parse)
{
    if (parse.error != QJsonParseError::IllegalValue || parse.offset < 1)
        return false;
    const QByteArray tail = trimmed.mid(parse.offset - 1);
    for (const QByteArray& literal :
         {QByteArrayLiteral("null"), QByteArrayLiteral("true"), QByteArrayLiteral("false")})
        if (!tail.isEmpty() && literal.startsWith(tail))
            return true;
    return false;
}

bool endsEarly(const QByteArray& data, const QJsonParseError& parse)
{
    const QByteArray trimmed = data.trimmed();
    return parse.offset >= trimmed.size() - 1 || endsInsideLiteral(trimmed, parse) ||
           parse.error == QJsonParseError::UnterminatedObject ||
           parse.error == QJsonParseError::UnterminatedArray ||
           parse.error == QJsonParseError::UnterminatedString;
}

} // namespace

QByteArray RunFile::serialize(const RunRecord& record)
{
    const std::vector<SampleColumn>& columns = runColumns();
    QJsonArray names;
    for (const SampleColumn& column : columns)
        names.append(column.name);
    QJsonArray samples;
    for (const MetricsRow& row : record.samples) {
        QJsonArray values;
        for (const SampleColumn& column : columns)
            values.append(numberValue(column.get(row), column.integral));
        samples.append(values);
    }
    QJsonArray events;
    for (const RunEvent& e : record.events)
        events.append(QJsonObject{{QStringLiteral("t_s"), e.tSec},
                                  {QStringLiteral("what"), e.what},
                                  {QStringLiteral("old"), e.oldValue},
                                  {QStringLiteral("new"), e.newValue}});
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), Version},
                           {QStringLiteral("scenario"), PresetFormat::toJson(record.scenario)},
                           {QStringLiteral("machine"), record.machine.toJson()},
                           {QStringLiteral("summary"), record.summary},
                           {QStringLiteral("sampleColumns"), names},
                           {QStringLiteral("samples"), samples},
                           {QStringLiteral("events"), events},
                           {QStringLiteral("lanes"), lanesJson(record.lanes)}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<RunRecord> RunFile::parse(const QByteArray& data, const QString& path,
                                        RunFileError* error)
{
    RunFileError local;
    RunFileError* e = error ? error : &local;
    *e = RunFileError();
    e->path = path;
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parse);
    if (parse.error != QJsonParseError::NoError) {
        e->code =
            endsEarly(data, parse) ? RunFileError::Code::Truncated : RunFileError::Code::BadJson;
        e->offset = parse.offset;
        e->detail = parse.errorString();
        return std::nullopt;
    }
    Reader in(e);
    const QJsonObject root = document.object();
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!document.isObject() || format.toString() != kFormat) {
        in.fail(RunFileError::Code::NotARunFile, QStringLiteral("format"),
                !document.isObject()   ? QStringLiteral("not a JSON object")
                : format.isUndefined() ? QString()
                                       : format.toVariant().toString());
        return std::nullopt;
    }
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    if (versionValue.isUndefined()) {
        in.fail(RunFileError::Code::MissingField, QStringLiteral("version"));
        return std::nullopt;
    }
    const qint64 version = in.integer(versionValue, QStringLiteral("version"));
    if (!in.failed() && version > Version) {
        in.fail(RunFileError::Code::NewerVersion, QStringLiteral("version"));
        e->version = static_cast<int>(std::min<qint64>(version, 1'000'000'000));
    } else if (!in.failed() && version < 1) {
        in.fail(RunFileError::Code::BadValue, QStringLiteral("version"), QString::number(version));
    }
    // "lanes" came later than the rest: a file without it has no worker lanes.
    QJsonObject required = root;
    required.remove(QStringLiteral("lanes"));
    if (in.failed() || !in.exactKeys(required, QString(),
                                     {QStringLiteral("format"), QStringLiteral("version"),
                                      QStringLiteral("scenario"), QStringLiteral("machine"),
                                      QStringLiteral("summary"), QStringLiteral("sampleColumns"),
                                      QStringLiteral("samples"), QStringLiteral("events")}))
        return std::nullopt;

    RunRecord record;
    const QJsonObject scenario =
        in.object(root.value(QStringLiteral("scenario")), QStringLiteral("scenario"));
    if (!in.failed()) {
        ScenarioError scenarioError;
        std::optional<Scenario> s = PresetFormat::fromJson(scenario, &scenarioError);
        if (!s) {
            in.fail(RunFileError::Code::BadScenario, QStringLiteral("scenario"));
            e->scenario = scenarioError;
        } else {
            record.scenario = *s;
        }
    }
    if (!in.failed())
        record.machine = readMachine(in, root.value(QStringLiteral("machine")));
    if (!in.failed())
        record.summary =
            in.object(root.value(QStringLiteral("summary")), QStringLiteral("summary"));
    std::vector<std::size_t> order;
    if (!in.failed())
        order = readColumns(in, root.value(QStringLiteral("sampleColumns")));
    if (!in.failed())
        record.samples = readSamples(in, root.value(QStringLiteral("samples")), order);
    if (!in.failed())
        record.events = readEvents(in, root.value(QStringLiteral("events")));
    if (!in.failed() && root.contains(QStringLiteral("lanes")))
        record.lanes = readLanes(in, root.value(QStringLiteral("lanes")));
    if (in.failed())
        return std::nullopt;
    return record;
}

RunFileError RunFile::write(const QString& path, const RunRecord& record)
{
    RunFileError error;
    error.path = path;
    error.file = RunExport::writeFile(path, serialize(record));
    if (error.file)
        error.code = RunFileError::Code::Unwritable;
    return error;
}

std::optional<RunRecord> RunFile::read(const QString& path, RunFileError* error)
{
    RunFileError local;
    RunFileError* e = error ? error : &local;
    *e = RunFileError();
    e->path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        e->code = RunFileError::Code::Unreadable;
        e->file = {FileError::Code::CannotOpen, path, file.errorString()};
        return std::nullopt;
    }
    if (file.size() > MaxBytes) {
        e->code = RunFileError::Code::TooLarge;
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        e->code = RunFileError::Code::Unreadable;
        e->file = {FileError::Code::CannotOpen, path, file.errorString()};
        return std::nullopt;
    }
    return parse(data, path, e);
}

} // namespace shoal
