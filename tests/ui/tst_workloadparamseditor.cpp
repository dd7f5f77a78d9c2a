#include "ui/workloadparamseditor.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

// The workload forms: the command kind's list parameter (args) is shown and read as JSON-array
// text; a synthetic distribution's own parameters show only for that distribution.
class TestWorkloadParamsEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theCommandFormHasEveryParameter();
    void argsAreShownAndCommittedAsAJsonArray();
    void aDistributionShowsOnlyItsOwnParameters();
};

void TestWorkloadParamsEditor::theCommandFormHasEveryParameter()
{
    WorkloadParamsEditor editor;
    editor.setParams(QStringLiteral("command"), {});
    for (const char* key : {"program", "args", "mode", "input", "interrupt"})
        QVERIFY2(editor.editor(QString::fromLatin1(key)), key);
}

void TestWorkloadParamsEditor::argsAreShownAndCommittedAsAJsonArray()
{
    WorkloadParamsEditor editor;
    const QStringList args{QStringLiteral("-c"), QStringLiteral("echo \"$1\""), QString()};
    editor.setParams(QStringLiteral("command"), {{QStringLiteral("args"), args}});
    auto* edit = qobject_cast<QLineEdit*>(editor.editor(QStringLiteral("args")));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("[\"-c\",\"echo \\\"$1\\\"\",\"\"]"));

    QSignalSpy chosen(&editor, &WorkloadParamsEditor::paramChosen);
    const auto commit = [&](const QString& text) {
        edit->setText(text);
        edit->setModified(true);
        Q_EMIT edit->editingFinished();
    };
    commit(QStringLiteral("[ \"-c\", \"tr a-z A-Z\" ]"));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen[0][0].toString(), QStringLiteral("args"));
    QCOMPARE(chosen[0][1],
             QVariant(QStringList{QStringLiteral("-c"), QStringLiteral("tr a-z A-Z")}));

    // Not an array of strings: passed on as text, for the session to refuse naming args.
    commit(QStringLiteral("-c cat"));
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(chosen[1][1], QVariant(QStringLiteral("-c cat")));
    commit(QStringLiteral("[1]"));
    QCOMPARE(chosen[2][1], QVariant(QStringLiteral("[1]")));
}

void TestWorkloadParamsEditor::aDistributionShowsOnlyItsOwnParameters()
{
    WorkloadParamsEditor editor;
    const auto shown = [&editor](const char* key) {
        QWidget* field = editor.editor(QString::fromLatin1(key));
        auto* label = editor.findChild<QWidget*>(QStringLiteral("label.") + QLatin1String(key));
        return field && label && !field->isHidden() && !label->isHidden();
    };
    const auto with = [](const char* distribution) {
        return QVariantMap{{QStringLiteral("distribution"), QString::fromLatin1(distribution)}};
    };
    editor.setParams(QStringLiteral("synthetic"), {}); // fixed, the default
    QVERIFY(shown("meanMs") && shown("mode") && shown("gpuSlots"));
    QVERIFY(!shown("spreadMs") && !shown("sigma") && !shown("slowFraction") && !shown("slowMs"));

    editor.setParams(QStringLiteral("synthetic"), with("uniform"));
    QVERIFY(shown("spreadMs") && !shown("sigma") && !shown("slowMs"));
    editor.setParams(QStringLiteral("synthetic"), with("lognormal"));
    QVERIFY(shown("sigma") && !shown("spreadMs"));
    editor.setParams(QStringLiteral("synthetic"), with("bimodal"));
    QVERIFY(shown("slowFraction") && shown("slowMs") && !shown("sigma"));
    editor.setParams(QStringLiteral("synthetic"), with("exponential"));
    QVERIFY(shown("meanMs") && !shown("spreadMs") && !shown("sigma") && !shown("slowMs"));
}

QTEST_MAIN(TestWorkloadParamsEditor)
#include "tst_workloadparamseditor.moc"
