#include "comparedrun.h"

#include "chartpanel.h"
#include "comparisonview.h"
#include "runreport.h"
#include "spectrumview.h"

#include <QFileInfo>

ComparedRun::ComparedRun(ChartPanel* charts, SpectrumView* spectrum, ComparisonView* view)
    : m_charts(charts)
    , m_spectrum(spectrum)
    , m_view(view)
{}

void ComparedRun::show(const shoal::RunRecord& record, const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    m_charts->setCompared(record.samples, name);
    m_charts->refresh();
    m_spectrum->setCompared(record.spectrum(), name);
    m_view->setCompared(record, path);
}

void ComparedRun::clear()
{
    m_charts->clearCompared();
    m_charts->refresh();
    m_spectrum->clearCompared();
    m_view->clear();
}

bool ComparedRun::active() const
{
    return m_view->active();
}

void ComparedRun::setCurrent(const shoal::RunRecord& record, const QString& name)
{
    m_view->setCurrent(record, name);
}

void ComparedRun::setPending(shoal::RunState state)
{
    m_view->setCurrentPending(state == shoal::RunState::Idle
                                  ? tr("no run yet: Run starts one")
                                  : tr("this run, under way: its figures come when it ends"));
}

QByteArray ComparedRun::report(const shoal::RunRecord& a, const QString& name) const
{
    const std::optional<shoal::RunRecord>& b = m_view->compared();
    return b ? RunReport::compare(a, name, *b, m_view->comparedPath()) : RunReport::run(a);
}
