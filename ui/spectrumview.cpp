#include "spectrumview.h"

#include "plotcolors.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using shoal::LatencySpectrum;

SpectrumView::SpectrumView(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(new QChart, this))
{
    m_view->setObjectName(QStringLiteral("spectrumChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(300, 180);
    m_view->chart()->legend()->setAlignment(Qt::AlignRight);
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    rebuild();
}

QChart* SpectrumView::chart() const
{
    return m_view->chart();
}

void SpectrumView::setSpectrum(const LatencySpectrum& spectrum)
{
    m_spectrum = spectrum;
    rebuild();
}

void SpectrumView::setCompared(const LatencySpectrum& spectrum, const QString& name)
{
    m_compared = spectrum;
    m_comparedName = name;
    rebuild();
}

void SpectrumView::rebuild()
{
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(tr("Latency distribution (percentile spectrum)"));
    const QString names[] = {tr("end to end"), tr("queue wait"), tr("service")};
    double lowest = INFINITY;
    double highest = 0;
    QList<QLineSeries*> added;
    // The current run solid, the compared one dashed in the same colours.
    for (int c = 0; c < 6; ++c) {
        const bool compared = c >= 3;
        const LatencySpectrum& spectrum = compared ? m_compared : m_spectrum;
        const QList<LatencySpectrum::Point>* curves[] = {&spectrum.endToEnd, &spectrum.queueWait,
                                                         &spectrum.service};
        const QList<LatencySpectrum::Point>& curve = *curves[c % 3];
        if (curve.isEmpty())
            continue;
        auto* line = new QLineSeries;
        line->setName(compared ? tr("%1 (%2)").arg(names[c % 3], m_comparedName) : names[c]);
        QPen pen(PlotColors::line(c % 3));
        pen.setWidthF(compared ? 1.5 : 2);
        if (compared)
            pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        for (const LatencySpectrum::Point& p : curve) {
            // A log axis has no zero: a latency below a microsecond sits at one.
            const double ms = std::max(p.ms, 0.001);
            line->append(LatencySpectrum::ninesOf(p.percentile), ms);
            lowest = std::min(lowest, ms);
            highest = std::max(highest, ms);
        }
        chart->addSeries(line);
        added.append(line);
    }
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const char* labels[] = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
    for (int nines = 0; nines <= LatencySpectrum::kNines; ++nines)
        x->append(QString::fromLatin1(labels[nines]), nines);
    x->append(tr("max"), LatencySpectrum::ninesOf(100));
    x->setRange(0, LatencySpectrum::ninesOf(100));
    x->setTitleText(tr("percentile"));
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = new QLogValueAxis;
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setMinorTickCount(8);
    if (added.isEmpty())
        y->setRange(0.1, 100);
    else
        y->setRange(lowest / 1.5, highest * 1.5);
    y->setTitleText(tr("latency (ms)"));
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* line : added) {
        line->attachAxis(x);
        line->attachAxis(y);
    }
}

void SpectrumView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}
