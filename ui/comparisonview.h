#pragma once

#include "lab/runcomparison.h"
#include "lab/runrecord.h"

#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

/// The table of two runs compared: metric, A, B, delta and whether the change is within the
/// runs' noise, under a line naming each run. Run B is a saved run; run A is the window's
/// current one, shown with its column empty while it is still under way, since its whole-run
/// figures exist only once it ends. GUI thread.
class ComparisonView : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonView(QWidget* parent = nullptr);

    /// Compares with \a record, read from \a path, from now on; run A waits.
    void setCompared(const shoal::RunRecord& record, const QString& path);
    /// Run A is \a record, called \a name: the table fills in.
    void setCurrent(const shoal::RunRecord& record, const QString& name);
    /// Run A is not there yet (\a why says what it waits for): its column is empty.
    void setCurrentPending(const QString& why);
    /// Compares nothing.
    void clear();

    /// Whether a run is compared with.
    bool active() const { return m_compared.has_value(); }
    /// Run B, if any.
    const std::optional<shoal::RunRecord>& compared() const { return m_compared; }
    /// Run B's file.
    const QString& comparedPath() const { return m_comparedPath; }
    /// The figures on show.
    const shoal::RunComparison& comparison() const { return m_comparison; }
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    /// The person asked to compare no more.
    void stopRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Computes the figures again and fills the table and headings.
    void rebuild();

    std::optional<shoal::RunRecord> m_compared; ///< run B
    QString m_comparedPath;
    std::optional<shoal::RunRecord> m_current; ///< run A, once it is whole
    QString m_currentName;
    QString m_pendingWhy; ///< why run A's column is empty
    shoal::RunComparison m_comparison;
    QLabel* m_headings = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_stop = nullptr;
};
