#pragma once

#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QWidget>

#include <map>

class QFormLayout;

/// The parameters of one workload kind as a form, built from the kind's ParamSchema: a spin box
/// per number (with the schema's range), a check box per switch, a combo box per choice, a line
/// edit per text (with a folder chooser for folders), a line edit of JSON-array text per list
/// (["-c", "cat"]; text that is not an array of strings is passed on as text, so the session
/// refuses it naming the parameter). A committed edit emits paramChosen(); the
/// session checks it again. GUI thread.
class WorkloadParamsEditor : public QWidget {
    Q_OBJECT

public:
    explicit WorkloadParamsEditor(QWidget* parent = nullptr);

    /// Shows \a kind's parameters with \a params (missing ones at their defaults), without
    /// emitting anything. Rebuilds the form when the kind changes.
    void setParams(const QString& kind, const QVariantMap& params);
    /// The kind shown.
    QString kind() const { return m_kind; }
    /// The editor widget of parameter \a key (object name "param.<key>"), or null.
    QWidget* editor(const QString& key) const;

Q_SIGNALS:
    /// The person committed \a value for parameter \a key.
    void paramChosen(const QString& key, const QVariant& value);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void retranslate();
    QWidget* makeEditor(const QString& key);
    static void show(QWidget* editor, const QVariant& value);

    QString m_kind;                        ///< the kind whose form is built
    QFormLayout* m_form = nullptr;         ///< one row per parameter
    std::map<QString, QWidget*> m_editors; ///< by key
};
