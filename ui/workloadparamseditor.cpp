#include "workloadparamseditor.h"

#include "lab/catalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

#include <limits>

using shoal::ParamSchema;

namespace {

/// The form's label for parameter \a key of \a kind; the key itself for one not listed.
QString labelFor(const QString& kind, const QString& key)
{
    // Where kinds share a key with different meanings, "kind.key" wins over "key".
    static const std::map<QString, const char*> labels = {
        {QStringLiteral("command.program"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Program")},
        {QStringLiteral("command.args"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Arguments (JSON)")},
        {QStringLiteral("command.mode"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Child process")},
        {QStringLiteral("command.input"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Input line ({n})")},
        {QStringLiteral("command.interrupt"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "On timeout or cancel")},
        {QStringLiteral("payloadBytes"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Payload (bytes)")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Seed")},
        {QStringLiteral("folder"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Image folder")},
        {QStringLiteral("corpusSeed"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Corpus seed")},
        {QStringLiteral("targetSize"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Target size (px)")},
        {QStringLiteral("format"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Format")},
        {QStringLiteral("quality"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Quality")},
        {QStringLiteral("outputFolder"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Output folder")},
        {QStringLiteral("maxPixels"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Max pixels")},
        {QStringLiteral("distribution"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Distribution")},
        {QStringLiteral("meanMs"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Mean (ms)")},
        {QStringLiteral("spreadMs"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Spread (ms)")},
        {QStringLiteral("sigma"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Sigma (log-normal)")},
        {QStringLiteral("slowFraction"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Slow fraction")},
        {QStringLiteral("slowMs"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Slow (ms)")},
        {QStringLiteral("mode"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Sleep or spin")},
        {QStringLiteral("honourInterrupt"),
         QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Honour interrupt")},
        {QStringLiteral("failureRate"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "Failure rate")},
        {QStringLiteral("gpuSlots"), QT_TRANSLATE_NOOP("WorkloadParamsEditor", "GPU slots")},
    };
    auto it = labels.find(kind + QLatin1Char('.') + key);
    if (it == labels.end())
        it = labels.find(key);
    return it == labels.end() ? key : WorkloadParamsEditor::tr(it->second);
}

/// A list of texts as the line edit shows it: a compact JSON array.
QString listText(const QVariant& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(value.toStringList()))
                                 .toJson(QJsonDocument::Compact));
}

/// The line edit's text as a list when it is a JSON array of strings; otherwise the text itself,
/// which the session refuses naming the parameter.
QVariant listValue(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray())
        return text;
    QStringList items;
    for (const QJsonValue& item : document.array()) {
        if (!item.isString())
            return text;
        items.append(item.toString());
    }
    return items;
}

bool isFolder(const QString& key)
{
    return key.endsWith(QStringLiteral("older")); // folder, outputFolder
}

} // namespace

WorkloadParamsEditor::WorkloadParamsEditor(QWidget* parent)
    : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

QWidget* WorkloadParamsEditor::editor(const QString& key) const
{
    const auto it = m_editors.find(key);
    return it == m_editors.end() ? nullptr : it->second;
}

void WorkloadParamsEditor::setParams(const QString& kind, const QVariantMap& params)
{
    if (kind != m_kind) {
        m_kind = kind;
        rebuild();
    }
    const ParamSchema* schema = shoal::workloadSchema(kind);
    if (!schema)
        return;
    for (const ParamSchema::Spec& spec : schema->specs()) {
        show(editor(spec.key), params.value(spec.key, spec.defaultValue));
        // A parameter the other choices make meaningless (a spread for a fixed time) is hidden.
        if (auto* label =
                findChild<QLabel*>(QStringLiteral("label.") + spec.key, Qt::FindDirectChildrenOnly))
            m_form->setRowVisible(label, schema->applies(spec, params));
    }
}

void WorkloadParamsEditor::rebuild()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    const ParamSchema* schema = shoal::workloadSchema(m_kind);
    if (!schema)
        return;
    for (const ParamSchema::Spec& spec : schema->specs()) {
        QWidget* field = makeEditor(spec.key);
        auto* label = new QLabel(labelFor(m_kind, spec.key), this);
        label->setObjectName(QStringLiteral("label.") + spec.key);
        label->setToolTip(QStringLiteral("workload.params.") + spec.key);
        m_form->addRow(label, field);
    }
}

QWidget* WorkloadParamsEditor::makeEditor(const QString& key)
{
    const ParamSchema::Spec* spec = shoal::workloadSchema(m_kind)->find(key);
    QWidget* result = nullptr;
    QWidget* editorWidget = nullptr;
    switch (spec->type) {
    case ParamSchema::Type::Integer:
        if (spec->maximum.toLongLong() <= std::numeric_limits<int>::max()) {
            auto* box = new QSpinBox(this);
            box->setRange(static_cast<int>(spec->minimum.toLongLong()),
                          static_cast<int>(spec->maximum.toLongLong()));
            box->setKeyboardTracking(false);
            connect(box, &QSpinBox::valueChanged, this,
                    [this, key](int v) { Q_EMIT paramChosen(key, qint64(v)); });
            result = editorWidget = box;
        } else {
            // Seeds reach 2^53: a double spin box holds them exactly.
            auto* box = new QDoubleSpinBox(this);
            box->setDecimals(0);
            box->setRange(spec->minimum.toDouble(), spec->maximum.toDouble());
            box->setKeyboardTracking(false);
            connect(box, &QDoubleSpinBox::valueChanged, this,
                    [this, key](double v) { Q_EMIT paramChosen(key, static_cast<qint64>(v)); });
            result = editorWidget = box;
        }
        break;
    case ParamSchema::Type::Number: {
        auto* box = new QDoubleSpinBox(this);
        box->setDecimals(3);
        box->setRange(spec->minimum.toDouble(), spec->maximum.toDouble());
        box->setSingleStep(spec->maximum.toDouble() <= 1 ? 0.01 : 1);
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, key](double v) { Q_EMIT paramChosen(key, v); });
        result = editorWidget = box;
        break;
    }
    case ParamSchema::Type::Bool: {
        auto* box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this,
                [this, key](bool v) { Q_EMIT paramChosen(key, v); });
        result = editorWidget = box;
        break;
    }
    case ParamSchema::Type::Choice: {
        auto* box = new QComboBox(this);
        box->addItems(spec->allowed);
        connect(box, &QComboBox::activated, this,
                [this, key, box](int) { Q_EMIT paramChosen(key, box->currentText()); });
        result = editorWidget = box;
        break;
    }
    case ParamSchema::Type::String: {
        auto* edit = new QLineEdit(this);
        connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] {
            if (edit->isModified()) {
                edit->setModified(false);
                Q_EMIT paramChosen(key, edit->text());
            }
        });
        editorWidget = edit;
        if (isFolder(key)) {
            edit->setPlaceholderText(key == QStringLiteral("folder") ? tr("built-in corpus")
                                                                     : tr("none"));
            auto* row = new QWidget(this);
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            auto* browse = new QToolButton(row);
            browse->setText(QStringLiteral("…"));
            browse->setToolTip(tr("Choose a folder"));
            connect(browse, &QToolButton::clicked, this, [this, key, edit] {
                const QString folder =
                    QFileDialog::getExistingDirectory(this, tr("Choose a folder"), edit->text());
                if (folder.isEmpty())
                    return;
                edit->setText(folder);
                Q_EMIT paramChosen(key, folder);
            });
            layout->addWidget(edit);
            layout->addWidget(browse);
            result = row;
        } else {
            result = edit;
        }
        break;
    }
    case ParamSchema::Type::StringList: {
        auto* edit = new QLineEdit(this);
        edit->setProperty("stringList", true);
        edit->setPlaceholderText(QStringLiteral("[\"-c\", \"...\"]"));
        connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] {
            if (edit->isModified()) {
                edit->setModified(false);
                Q_EMIT paramChosen(key, listValue(edit->text()));
            }
        });
        result = editorWidget = edit;
        break;
    }
    }
    editorWidget->setObjectName(QStringLiteral("param.") + key);
    editorWidget->setToolTip(QStringLiteral("workload.params.") + key);
    m_editors[key] = editorWidget;
    return result;
}

void WorkloadParamsEditor::show(QWidget* editor, const QVariant& value)
{
    if (!editor)
        return;
    const QSignalBlocker blocker(editor);
    if (auto* box = qobject_cast<QSpinBox*>(editor))
        box->setValue(static_cast<int>(value.toLongLong()));
    else if (auto* box = qobject_cast<QDoubleSpinBox*>(editor))
        box->setValue(value.toDouble());
    else if (auto* box = qobject_cast<QCheckBox*>(editor))
        box->setChecked(value.toBool());
    else if (auto* box = qobject_cast<QComboBox*>(editor))
        box->setCurrentText(value.toString());
    else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(edit->property("stringList").toBool() ? listText(value) : value.toString());
        edit->setCursorPosition(0); // the start of a long list or path says most
        edit->setModified(false);
    }
}

void WorkloadParamsEditor::retranslate()
{
    for (const auto& [key, widget] : m_editors) {
        if (auto* label = findChild<QLabel*>(QStringLiteral("label.") + key))
            label->setText(labelFor(m_kind, key));
    }
}

void WorkloadParamsEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
