#include "sweepcharts.h"

#include "plotcolors.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>

using shoal::ModelKind;
using shoal::ModelPrediction;
using shoal::SweepPoint;
using shoal::SweepSlo;

namespace {

constexpr int kUslSteps = 60; ///< segments of the fitted curve

/// The mean of the finite figures, NaN when there is none.
double meanOf(const QList<double>& values)
{
    double sum = 0;
    int n = 0;
    for (double v : values) {
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    }
    return n > 0 ? sum / n : std::nan("");
}

QPen pen(const QColor& colour, Qt::PenStyle style = Qt::SolidLine, double width = 2)
{
    QPen p(colour);
    p.setWidthF(width);
    p.setStyle(style);
    return p;
}

QString number(double v, int decimals = 1)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("–");
}

QScatterSeries* marks(const QString& name, QScatterSeries::MarkerShape shape, const QColor& colour)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(shape);
    s->setMarkerSize(16);
    s->setColor(colour);
    s->setBorderColor(Qt::black);
    return s;
}

} // namespace

SweepCharts::SweepCharts(QWidget* parent)
    : QWidget(parent)
    , m_throughput(new QChartView(new QChart, this))
    , m_latency(new QChartView(new QChart, this))
    , m_logBox(new QCheckBox(this))
{
    for (QChartView* view : {m_throughput, m_latency}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 180);
        view->chart()->legend()->setAlignment(Qt::AlignBottom);
        view->chart()->legend()->setShowToolTips(true);
        view->chart()->setMargins(QMargins(4, 4, 4, 4));
    }
    m_throughput->setObjectName(QStringLiteral("sweepThroughputChart"));
    m_latency->setObjectName(QStringLiteral("sweepLatencyChart"));
    // Its curves are many (three percentiles and their models): a column reads better.
    m_latency->chart()->legend()->setAlignment(Qt::AlignRight);
    m_logBox->setObjectName(QStringLiteral("sweepLogLatency"));
    connect(m_logBox, &QCheckBox::toggled, this, &SweepCharts::setLogLatency);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_throughput);
    layout->addWidget(m_latency);
    changeEvent(nullptr);
}

QChart* SweepCharts::throughputChart() const
{
    return m_throughput->chart();
}

QChart* SweepCharts::latencyChart() const
{
    return m_latency->chart();
}

void SweepCharts::begin(const QStringList& keys, const std::optional<SweepSlo>& slo,
                        const QList<double>& values)
{
    m_keys = keys;
    m_slo = slo;
    m_planned = values;
    m_points.clear();
    m_models.clear();
    m_result.reset();
    rebuild();
}

void SweepCharts::addPoint(const SweepPoint& point, const ModelPrediction& model)
{
    m_points.append(point);
    m_models.append(model);
    rebuild();
}

void SweepCharts::setResult(const shoal::SweepResult& result)
{
    m_keys = result.keys;
    m_points = result.points;
    m_models = result.models;
    m_result = result;
    rebuild();
}

void SweepCharts::setLogLatency(bool log)
{
    if (log == m_logLatency)
        return;
    m_logLatency = log;
    const QSignalBlocker block(m_logBox);
    m_logBox->setChecked(log);
    rebuild();
}

QList<SweepCharts::Group> SweepCharts::groups() const
{
    std::map<double, Group> byWhere;
    QList<Group> out;
    const bool grid = m_keys.size() > 1;
    for (int i = 0; i < m_points.size(); ++i) {
        if (!grid) {
            if (out.isEmpty())
                out.append(Group{});
            out.first().points.append(i);
            continue;
        }
        const double where = m_points.at(i).values.value(m_keys.at(1), std::nan(""));
        Group& g = byWhere[where];
        g.where = where;
        g.points.append(i);
    }
    for (auto& [where, group] : byWhere)
        out.append(group);
    return out;
}

std::pair<double, double> SweepCharts::keyRange() const
{
    double lo = INFINITY;
    double hi = -INFINITY;
    for (double v : m_planned) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    for (const SweepPoint& p : m_points) {
        const double x = p.values.value(m_keys.value(0), std::nan(""));
        if (std::isfinite(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    }
    return {lo, hi};
}

QString SweepCharts::groupName(const Group& group) const
{
    if (!group.where)
        return QString();
    // The key's last part ("ratePerSec"): legends are narrow, and their tool tips and the hover
    // text name the whole key.
    const QString key = m_keys.at(1).section(QLatin1Char('.'), -1);
    return tr("%1 = %2").arg(key, QLocale().toString(*group.where, 'g', 12));
}

void SweepCharts::rebuild()
{
    for (QChart* chart : {throughputChart(), latencyChart()}) {
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
    }
    const QList<Group> all = groups();
    for (int g = 0; g < all.size(); ++g) {
        addThroughput(all.at(g), g);
        addLatency(all.at(g), g, all.size() > 1);
    }
    addAnalysis();
    addAxes();
}

void SweepCharts::attach(QChart* chart, QXYSeries* series, std::optional<double> where,
                         bool inLegend)
{
    chart->addSeries(series);
    if (!inLegend) {
        for (QLegendMarker* marker : chart->legend()->markers(series))
            marker->setVisible(false);
    }
    connect(series, &QXYSeries::hovered, this, [this, where](const QPointF& at, bool entered) {
        if (entered)
            QToolTip::showText(QCursor::pos(), pointText(where, at.x()), this);
        else
            QToolTip::hideText();
    });
}

void SweepCharts::addThroughput(const Group& group, int colour)
{
    const QColor c = PlotColors::line(colour);
    std::map<double, QList<double>> byValue;
    auto* dots = new QScatterSeries;
    dots->setMarkerSize(7);
    dots->setColor(c);
    dots->setBorderColor(c);
    for (int i : group.points) {
        const SweepPoint& p = m_points.at(i);
        const double x = p.values.value(m_keys.constFirst(), std::nan(""));
        if (!std::isfinite(x) || !std::isfinite(p.throughputPerSec))
            continue;
        byValue[x].append(p.throughputPerSec);
        dots->append(x, p.throughputPerSec);
    }
    auto* line = new QLineSeries;
    line->setName(group.where ? groupName(group) : tr("throughput"));
    line->setPen(pen(c));
    for (const auto& [x, values] : byValue)
        line->append(x, meanOf(values));
    attach(throughputChart(), line, group.where, true);
    attach(throughputChart(), dots, group.where, false);
}

void SweepCharts::addLatency(const Group& group, int colour, bool grid)
{
    // One key: a colour per percentile. A grid: a colour per curve, showing the objective's
    // percentile (p95 without one).
    struct Curve {
        QString name;
        double (*figure)(const SweepPoint&);
        std::optional<double> (*model)(const ModelPrediction&);
    };
    const Curve p50{tr("p50"), [](const SweepPoint& p) { return p.latencyMs.p50; },
                    [](const ModelPrediction& m) { return m.latencyP50Ms; }};
    const Curve p95{tr("p95"), [](const SweepPoint& p) { return p.latencyMs.p95; },
                    [](const ModelPrediction& m) { return m.latencyP95Ms; }};
    const Curve p99{tr("p99"), [](const SweepPoint& p) { return p.latencyMs.p99; },
                    [](const ModelPrediction& m) { return m.latencyP99Ms; }};
    const Curve wait{tr("queue wait p95"), [](const SweepPoint& p) { return p.queueWaitP95Ms; },
                     [](const ModelPrediction& m) { return m.queueWaitP95Ms; }};
    QList<Curve> curves;
    const SweepSlo::Metric metric = m_slo ? m_slo->metric : SweepSlo::Metric::P95;
    if (!grid) {
        curves = {p50, p95, p99};
        if (metric == SweepSlo::Metric::WaitP95)
            curves.append(wait);
    } else {
        curves.append(metric == SweepSlo::Metric::P50       ? p50
                      : metric == SweepSlo::Metric::P99     ? p99
                      : metric == SweepSlo::Metric::WaitP95 ? wait
                                                            : p95);
    }
    for (int k = 0; k < curves.size(); ++k) {
        const Curve& curve = curves.at(k);
        const QColor c = PlotColors::line(grid ? colour : k);
        std::map<double, QList<double>> byValue;
        std::map<double, double> predicted;
        for (int i : group.points) {
            const SweepPoint& p = m_points.at(i);
            const double x = p.values.value(m_keys.constFirst(), std::nan(""));
            const double y = curve.figure(p);
            if (!std::isfinite(x))
                continue;
            if (std::isfinite(y) && (!m_logLatency || y > 0))
                byValue[x].append(y);
            const ModelPrediction& model = m_models.value(i);
            const std::optional<double> m = curve.model(model);
            if (model.kind != ModelKind::None && m && std::isfinite(*m))
                predicted[x] = *m;
        }
        const QString suffix = grid ? tr(", %1").arg(groupName(group)) : QString();
        auto* line = new QLineSeries;
        line->setName(curve.name + suffix);
        line->setPen(pen(c));
        for (const auto& [x, values] : byValue)
            line->append(x, meanOf(values));
        attach(latencyChart(), line, group.where, true);
        if (predicted.empty())
            continue;
        auto* model = new QLineSeries;
        model->setName(tr("%1 model").arg(curve.name) + suffix);
        model->setPen(pen(c, Qt::DashLine, 1.5));
        for (const auto& [x, y] : predicted) {
            if (!m_logLatency || y > 0)
                model->append(x, y);
        }
        attach(latencyChart(), model, group.where, true);
    }
}

void SweepCharts::addAnalysis()
{
    const auto [lo, hi] = keyRange();
    if (m_slo && lo <= hi) {
        auto* line = new QLineSeries;
        line->setName(tr("%1 ≤ %2 ms")
                          .arg(SweepSlo::metricName(m_slo->metric),
                               QLocale().toString(m_slo->limitMs, 'g', 6)));
        line->setPen(pen(QColor(90, 90, 90), Qt::DashDotLine, 1.5));
        line->append(lo, m_slo->limitMs);
        line->append(hi, m_slo->limitMs);
        attach(latencyChart(), line, std::nullopt, true);
    }
    if (!m_result)
        return;
    auto* recommended =
        marks(tr("recommended"), QScatterSeries::MarkerShapeStar, QColor(0, 160, 0));
    auto* knees = marks(tr("knee"), QScatterSeries::MarkerShapeTriangle, QColor(230, 160, 0));
    const QList<shoal::SweepGroup>& analysed = m_result->analysis.groups;
    for (int g = 0; g < analysed.size(); ++g) {
        const shoal::SweepGroup& group = analysed.at(g);
        const auto& r = group.recommendation;
        if (r && r->value && std::isfinite(r->figureMs) && (!m_logLatency || r->figureMs > 0))
            recommended->append(*r->value, r->figureMs);
        if (group.knee)
            knees->append(group.knee->value, group.knee->throughputPerSec);
        if (!group.usl || !group.usl->isFitted() || !(lo < hi))
            continue;
        auto* curve = new QLineSeries;
        curve->setName(tr("scaling law (σ %1, κ %2, R² %3)")
                           .arg(number(group.usl->sigma, 3), number(group.usl->kappa, 4),
                                number(group.usl->r2, 3)));
        curve->setPen(pen(PlotColors::line(g), Qt::DashLine, 1.5));
        for (int i = 0; i <= kUslSteps; ++i) {
            const double n = lo + (hi - lo) * i / kUslSteps;
            curve->append(n, group.usl->predict(n));
        }
        attach(throughputChart(), curve, group.where, true);
    }
    attach(latencyChart(), recommended, std::nullopt, recommended->count() > 0);
    attach(throughputChart(), knees, std::nullopt, knees->count() > 0);
}

void SweepCharts::addAxes()
{
    const QString key = m_keys.value(0);
    auto [lo, hi] = keyRange();
    bool whole = true;
    for (double v : m_planned)
        whole = whole && v == std::round(v);
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    // Room for a marker at either end.
    double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1.0, std::abs(lo) * 0.1);
    if (whole)
        pad = std::max(pad, 0.5);
    for (QChart* chart : {throughputChart(), latencyChart()}) {
        auto* x = new QValueAxis;
        x->setTitleText(key);
        x->setLabelFormat(QStringLiteral("%g"));
        x->setRange(lo - pad, hi + pad);
        if (whole && hi > lo) {
            // Whole values (sizes, callers): a tick on each, or on every few of them.
            x->setTickType(QValueAxis::TicksDynamic);
            x->setTickAnchor(lo);
            x->setTickInterval(std::max(1.0, std::ceil((hi - lo) / 10)));
        }
        chart->addAxis(x, Qt::AlignBottom);
        QAbstractAxis* y = nullptr;
        double top = 0;
        double bottom = INFINITY;
        for (QAbstractSeries* s : chart->series()) {
            for (const QPointF& p : static_cast<QXYSeries*>(s)->points()) {
                if (std::isfinite(p.y())) {
                    top = std::max(top, p.y());
                    if (p.y() > 0)
                        bottom = std::min(bottom, p.y());
                }
            }
        }
        if (chart == latencyChart() && m_logLatency && std::isfinite(bottom)) {
            auto* log = new QLogValueAxis;
            log->setBase(10);
            log->setLabelFormat(QStringLiteral("%g"));
            log->setMinorTickCount(8);
            log->setRange(bottom / 1.5, top * 1.5);
            y = log;
        } else {
            auto* linear = new QValueAxis;
            linear->setRange(0, top > 0 ? top * 1.1 : 1);
            linear->applyNiceNumbers();
            linear->setLabelFormat(QStringLiteral("%g"));
            y = linear;
        }
        y->setTitleText(chart == latencyChart() ? tr("latency (ms)") : tr("calls/s"));
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries* s : chart->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
}

QString SweepCharts::pointText(std::optional<double> where, double x) const
{
    const QString key = m_keys.value(0);
    // The value of the first key nearest to x among the curve's points.
    double nearest = std::nan("");
    for (const SweepPoint& p : m_points) {
        const double v = p.values.value(key, std::nan(""));
        if (where && m_keys.size() > 1 && p.values.value(m_keys.at(1)) != *where)
            continue;
        if (std::isfinite(v) && (std::isnan(nearest) || std::abs(v - x) < std::abs(nearest - x)))
            nearest = v;
    }
    QStringList lines;
    for (const SweepPoint& p : m_points) {
        if (p.values.value(key) != nearest)
            continue;
        if (where && m_keys.size() > 1 && p.values.value(m_keys.at(1)) != *where)
            continue;
        QStringList at;
        for (auto it = p.values.cbegin(); it != p.values.cend(); ++it)
            at.append(tr("%1 %2").arg(it.key(), QLocale().toString(it.value(), 'g', 12)));
        lines.append(tr("%1, repeat %2: %3 calls/s; p50 %4, p95 %5, p99 %6 ms; wait p95 %7 ms; "
                        "busy %8%")
                         .arg(at.join(QStringLiteral(", ")))
                         .arg(p.repeat + 1)
                         .arg(number(p.throughputPerSec, 0), number(p.latencyMs.p50),
                              number(p.latencyMs.p95), number(p.latencyMs.p99),
                              number(p.queueWaitP95Ms), number(p.utilisation * 100, 0)));
    }
    return lines.join(QLatin1Char('\n'));
}

QImage SweepCharts::image() const
{
    const QPixmap left = m_throughput->grab();
    const QPixmap right = m_latency->grab();
    QImage out(left.width() + right.width(), std::max(left.height(), right.height()),
               QImage::Format_RGB32);
    out.fill(palette().color(QPalette::Window));
    QPainter painter(&out);
    painter.drawPixmap(0, 0, left);
    painter.drawPixmap(left.width(), 0, right);
    return out;
}

void SweepCharts::changeEvent(QEvent* event)
{
    if (event && event->type() != QEvent::LanguageChange) {
        QWidget::changeEvent(event);
        return;
    }
    throughputChart()->setTitle(tr("Throughput"));
    latencyChart()->setTitle(tr("Latency"));
    m_logBox->setText(tr("&Logarithmic latency axis"));
    if (event) {
        rebuild();
        QWidget::changeEvent(event);
    }
}
