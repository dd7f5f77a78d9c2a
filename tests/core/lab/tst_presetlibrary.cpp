#include "lab/presetformat.h"
#include "lab/presetlibrary.h"
#include "lab/scenariomodel.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace shoal;

class TestPresetLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltInPresetValidates();
    void theIssueListIsCovered();
    void theDefaultPresetExists();
    void namesComeBeforeFiles();
    void unknownPresetsAreNamed();
    void badFilesAreRefusedWithTheField();
    void oversizedFilesAreRefusedUnread();
    void thingsThatAreNotFilesAreRefused();
    void savedPresetsLoadBackEqual();
    void aFailedSaveLeavesTheOldFile();
};

void TestPresetLibrary::everyBuiltInPresetValidates()
{
    // Every file compiled in parses (the library drops, with a warning, one that does not).
    const QStringList files =
        QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 12);
    for (const QString& file : files) {
        ScenarioError error;
        const auto s = PresetLibrary::loadFile(QStringLiteral(":/presets/") + file, &error);
        QVERIFY2(s, qPrintable(file + QStringLiteral(": ") + error.path));
        QCOMPARE(s->name + QStringLiteral(".json"), file);
        QVERIFY2(!s->description.isEmpty(), qPrintable(file));
        QVERIFY2(!s->watch.isEmpty(), qPrintable(file));
        QVERIFY2(!s->description.contains(QLatin1Char('\n')), qPrintable(file));
    }
    QCOMPARE(PresetLibrary::builtins().size(), files.size());
    const QStringList names = PresetLibrary::builtinNames();
    QVERIFY(std::is_sorted(names.begin(), names.end()));
}

void TestPresetLibrary::theIssueListIsCovered()
{
    const auto preset = [](const char* name) {
        const auto s = PresetLibrary::builtin(QString::fromLatin1(name));
        if (!s)
            qWarning("missing preset %s", name);
        return s.value_or(Scenario());
    };
    const auto hasAction = [](const Scenario& s, Scenario::Action action) {
        return std::any_of(s.timeline.begin(), s.timeline.end(),
                           [&](const auto& e) { return e.action == action; });
    };
    const Scenario saturation = preset("hash-saturation");
    QCOMPARE(saturation.workloadKind, QStringLiteral("hash"));
    QVERIFY(hasAction(saturation, Scenario::Action::SetRate));
    QCOMPARE(preset("image-thumbnails").workloadKind, QStringLiteral("image"));
    const Scenario starve = preset("timeouts-starve-pool");
    QCOMPARE(starve.workloadParams.value(QStringLiteral("honourInterrupt")), QVariant(false));
    QCOMPARE(starve.callApi, CallApi::ProcessTimed);
    const Scenario cooperative = preset("cooperative-interrupt");
    QCOMPARE(cooperative.workloadParams.value(QStringLiteral("honourInterrupt")), QVariant(true));
    QVERIFY(preset("downstream-rate-limit").limiterEnabled);
    QCOMPARE(preset("gpu-slot").workloadParams.value(QStringLiteral("gpuSlots")),
             QVariant(qint64(1)));
    QCOMPARE(preset("gpu-slot").poolSize, 4);
    const Scenario resize = preset("live-resize");
    QCOMPARE(resize.poolSize, 8);
    QCOMPARE(resize.timeline.size(), 2);
    QCOMPARE(resize.timeline[0].value, QVariant(qint64(2)));
    QCOMPARE(resize.timeline[1].value, QVariant(qint64(8)));
    QVERIFY(hasAction(preset("close-while-busy"), Scenario::Action::ClosePool));
    const Scenario erlang = preset("erlang-c");
    QCOMPARE(erlang.poolSize, 4);
    QCOMPARE(erlang.arrivalProcess, ArrivalProcess::Poisson);
    QCOMPARE(erlang.timeline.size(), 4);
    QVERIFY(hasAction(erlang, Scenario::Action::SetRate));
    QCOMPARE(ScenarioModel::predict(erlang).kind, ModelKind::MMc);
    const Scenario zombie = preset("zombie-work");
    QCOMPARE(zombie.workloadParams.value(QStringLiteral("honourInterrupt")), QVariant(false));
    QCOMPARE(zombie.callApi, CallApi::ProcessTimed);
    QVERIFY(zombie.timeoutMs < zombie.workloadParams.value(QStringLiteral("meanMs")).toDouble());
    QCOMPARE(ScenarioModel::predict(zombie).reason, ModelReason::Timeouts);
    QCOMPARE(ScenarioModel::predict(preset("steady-state")).kind, ModelKind::MMc);
    const Scenario storm = preset("cancel-storm");
    QCOMPARE(storm.callApi, CallApi::ProcessCtx);
    QVERIFY(std::count_if(storm.timeline.begin(), storm.timeline.end(), [](const auto& e) {
                return e.action == Scenario::Action::CancelAll;
            }) > 1);
    QCOMPARE(preset("heavy-tail").workloadParams.value(QStringLiteral("distribution")),
             QVariant(QStringLiteral("lognormal")));
    QVERIFY(preset("bounded-queue").maxWaiting >= 0);
    // The command kind, once per mode, each from programs every Debian machine has.
    const Scenario coprocess = preset("command-coprocess");
    QCOMPARE(coprocess.workloadKind, QStringLiteral("command"));
    QCOMPARE(coprocess.workloadParams.value(QStringLiteral("mode")),
             QVariant(QStringLiteral("coprocess")));
    QVERIFY(!coprocess.workloadParams.value(QStringLiteral("args")).toStringList().isEmpty());
    const Scenario exec = preset("command-exec");
    QCOMPARE(exec.workloadKind, QStringLiteral("command"));
    QCOMPARE(exec.workloadParams.value(QStringLiteral("mode")), QVariant(QStringLiteral("exec")));
}

void TestPresetLibrary::theDefaultPresetExists()
{
    QVERIFY(PresetLibrary::builtin(Scenario::defaultPresetName()));
    QCOMPARE(PresetLibrary::defaultScenario().name, Scenario::defaultPresetName());
}

void TestPresetLibrary::namesComeBeforeFiles()
{
    QTemporaryDir dir;
    QVERIFY(QDir::setCurrent(dir.path()));
    QFile shadow(Scenario::defaultPresetName());
    QVERIFY(shadow.open(QIODevice::WriteOnly));
    shadow.write("not json");
    shadow.close();
    ScenarioError error;
    const auto s = PresetLibrary::load(Scenario::defaultPresetName(), &error);
    QVERIFY(s);
    QCOMPARE(s->name, Scenario::defaultPresetName());
}

void TestPresetLibrary::unknownPresetsAreNamed()
{
    ScenarioError error;
    QVERIFY(!PresetLibrary::load(QStringLiteral("no-such-preset"), &error));
    QCOMPARE(error.code, ScenarioError::Code::UnknownPreset);
    QCOMPARE(error.detail, QStringLiteral("no-such-preset"));
    QVERIFY(!PresetLibrary::loadFile(QStringLiteral("/no/such/file.json"), &error));
    QCOMPARE(error.code, ScenarioError::Code::FileUnreadable);
    QCOMPARE(error.detail, QStringLiteral("/no/such/file.json"));
}

void TestPresetLibrary::badFilesAreRefusedWithTheField()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"version": 1, "name": "x", "workload": {"kind": "synthetic"}, "pool": {"size": -4}})");
    file.close();
    ScenarioError error;
    QVERIFY(!PresetLibrary::load(path, &error));
    QCOMPARE(error.code, ScenarioError::Code::OutOfRange);
    QCOMPARE(error.path, QStringLiteral("pool.size"));
}

void TestPresetLibrary::oversizedFilesAreRefusedUnread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "name": "huge", "workload": {"kind": "synthetic"}})");
    QVERIFY(file.resize(qint64(100) << 20)); // 100 MB (sparse: no disk needed)
    file.close();
    ScenarioError error;
    QVERIFY(!PresetLibrary::load(path, &error));
    QCOMPARE(error.code, ScenarioError::Code::FileUnreadable);
    QCOMPARE(error.detail, path);
    QCOMPARE(error.maximum, QVariant(qint64(4) << 20));

    // Just under the limit is read (and here refused for what it holds, not for its size).
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize((qint64(4) << 20) - 1));
    file.close();
    QVERIFY(!PresetLibrary::load(path, &error));
    QCOMPARE(error.code, ScenarioError::Code::BadJson);
}

void TestPresetLibrary::thingsThatAreNotFilesAreRefused()
{
    QTemporaryDir dir;
    ScenarioError error;
    // A folder, a device, a FIFO: none is a preset file, and none is read (a FIFO would block).
    for (const QString& path : {dir.path(), QStringLiteral("/dev/zero")}) {
        QVERIFY(!PresetLibrary::load(path, &error));
        QCOMPARE(error.code, ScenarioError::Code::UnknownPreset);
        QVERIFY(!PresetLibrary::loadFile(path, &error));
        QCOMPARE(error.code, ScenarioError::Code::FileUnreadable);
    }
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!PresetLibrary::load(fifo, &error));
    QCOMPARE(error.code, ScenarioError::Code::UnknownPreset);
    QVERIFY(!PresetLibrary::loadFile(fifo, &error));
    QCOMPARE(error.code, ScenarioError::Code::FileUnreadable);
}

void TestPresetLibrary::savedPresetsLoadBackEqual()
{
    QTemporaryDir dir;
    for (Scenario preset : PresetLibrary::builtins()) {
        preset.name += QStringLiteral("-copy");
        preset.poolSize += 1;
        const QString path = dir.filePath(preset.name + QStringLiteral(".json"));
        QVERIFY(!PresetLibrary::save(preset, path));
        ScenarioError error;
        const auto loaded = PresetLibrary::load(path, &error);
        QVERIFY2(loaded, qPrintable(error.path));
        QCOMPARE(*loaded, preset);
    }
}

void TestPresetLibrary::aFailedSaveLeavesTheOldFile()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/p.json"));
    const FileError error = PresetLibrary::save(PresetLibrary::defaultScenario(), missing);
    QCOMPARE(error.code, FileError::Code::CannotOpen);
    QCOMPARE(error.path, missing);
    QVERIFY(!QFile::exists(missing));
    const FileError folder = PresetLibrary::save(PresetLibrary::defaultScenario(), dir.path());
    QCOMPARE(folder.code, FileError::Code::IsDirectory);
}

QTEST_GUILESS_MAIN(TestPresetLibrary)
#include "tst_presetlibrary.moc"
