#include "comparisonview.h"

#include "text/comparisontext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using shoal::ComparedMetric;

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent)
    , m_headings(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
    , m_stop(new QPushButton(this))
{
    m_headings->setObjectName(QStringLiteral("comparisonHeadings"));
    m_headings->setWordWrap(true);
    m_headings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_stop->setObjectName(QStringLiteral("stopComparing"));
    connect(m_stop, &QPushButton::clicked, this, &ComparisonView::stopRequested);

    auto* top = new QHBoxLayout;
    top->addWidget(m_headings, 1);
    top->addWidget(m_stop, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    rebuild();
}

void ComparisonView::setCompared(const shoal::RunRecord& record, const QString& path)
{
    m_compared = record;
    m_comparedPath = path;
    m_current.reset();
    rebuild();
}

void ComparisonView::setCurrent(const shoal::RunRecord& record, const QString& name)
{
    m_current = record;
    m_currentName = name;
    rebuild();
}

void ComparisonView::setCurrentPending(const QString& why)
{
    m_current.reset();
    m_pendingWhy = why;
    rebuild();
}

void ComparisonView::clear()
{
    m_compared.reset();
    m_current.reset();
    rebuild();
}

void ComparisonView::rebuild()
{
    m_stop->setText(tr("Stop comparing"));
    m_stop->setEnabled(active());
    m_table->setHorizontalHeaderLabels({tr("metric"), QStringLiteral("A"), QStringLiteral("B"),
                                        tr("delta"),
                                        tr("noise (95% interval of B - A over the rows)")});
    if (!m_compared) {
        m_comparison = {};
        m_table->setRowCount(0);
        m_headings->setText(tr("File > Compare with… draws a saved run dashed beside this one "
                               "and lists both runs' figures here."));
        return;
    }
    // Without run A its figures are missing: B's column and the figure names still show.
    m_comparison = shoal::compareRuns(m_current.value_or(shoal::RunRecord()), *m_compared);
    const QString b = ComparisonText::heading(QStringLiteral("B"), {m_comparedPath, &*m_compared});
    const QString a =
        m_current ? ComparisonText::heading(QStringLiteral("A"), {m_currentName, &*m_current})
                  : QStringLiteral("A: %1").arg(m_pendingWhy);
    m_headings->setText(a + QLatin1Char('\n') + b);
    m_table->setRowCount(static_cast<int>(m_comparison.metrics.size()));
    int row = 0;
    const QLocale locale;
    for (const ComparedMetric& m : m_comparison.metrics) {
        const QString cells[] = {ComparisonText::figureName(m.figure),
                                 ComparisonText::value(m.a, m.figure, locale),
                                 ComparisonText::value(m.b, m.figure, locale),
                                 ComparisonText::delta(m, locale), ComparisonText::noiseNote(m)};
        for (int column = 0; column < 5; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column >= 1 && column <= 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
}

void ComparisonView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}
