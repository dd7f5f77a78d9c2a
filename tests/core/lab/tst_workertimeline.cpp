// WorkerTimeline: runs of one state per worker, bounded, the notable state kept.

#include "lab/workertimeline.h"

#include <QTest>

using shoal::WorkerProbe;
using shoal::WorkerState;
using shoal::WorkerTimeline;

namespace {

QList<WorkerProbe> workers(std::initializer_list<std::pair<int, WorkerState>> states)
{
    QList<WorkerProbe> probes;
    for (const auto& [id, state] : states) {
        WorkerProbe p;
        p.id = id;
        p.state = state;
        probes.append(p);
    }
    return probes;
}

} // namespace

class TestWorkerTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void joinsSamplesOfOneStateIntoOneSegment();
    void aStateHoldsFromThePreviousSample();
    void newWorkersGetTheirOwnLanes();
    void staysBoundedAndKeepsTheNotableState();
};

void TestWorkerTimeline::joinsSamplesOfOneStateIntoOneSegment()
{
    WorkerTimeline t;
    for (int i = 0; i < 10; ++i)
        t.append(i * 0.1, workers({{1, WorkerState::Busy}}));
    QCOMPARE(t.lanes().size(), 1u);
    const auto& lane = t.lanes().at(1);
    QCOMPARE(lane.segments.size(), 1u);
    QCOMPARE(lane.segments.front().startSec, 0.0);
    QCOMPARE(lane.segments.front().endSec, 0.9);
}

void TestWorkerTimeline::aStateHoldsFromThePreviousSample()
{
    WorkerTimeline t;
    t.append(1, workers({{1, WorkerState::Idle}}));
    t.append(2, workers({{1, WorkerState::Abandoned}}));
    t.append(3, workers({{1, WorkerState::Abandoned}}));
    t.append(4, workers({{1, WorkerState::Idle}}));
    const auto& segments = t.lanes().at(1).segments;
    QCOMPARE(segments.size(), 3u);
    QCOMPARE(segments[1].state, WorkerState::Abandoned);
    QCOMPARE(segments[1].startSec, 1.0);
    QCOMPARE(segments[1].endSec, 3.0);
    QCOMPARE(segments[2].startSec, 3.0);
    QCOMPARE(t.latestSec(), 4.0);
}

void TestWorkerTimeline::newWorkersGetTheirOwnLanes()
{
    WorkerTimeline t;
    t.append(1, workers({{1, WorkerState::Busy}, {2, WorkerState::Busy}}));
    t.append(2,
             workers({{1, WorkerState::Retiring}, {2, WorkerState::Busy}, {3, WorkerState::Idle}}));
    t.append(3, workers({{2, WorkerState::Busy}, {3, WorkerState::Busy}}));
    QCOMPARE(t.lanes().size(), 3u);
    QCOMPARE(t.lanes().at(1).lastSeenSec, 2.0); // retired after its last job
    QCOMPARE(t.lanes().at(3).segments.front().startSec, 1.0);
    t.clear();
    QVERIFY(t.lanes().empty());
}

void TestWorkerTimeline::staysBoundedAndKeepsTheNotableState()
{
    WorkerTimeline t(64, 8);
    // Busy and idle in turn every sample for an hour at 100 ms, and one abandoned sample.
    for (int i = 0; i < 36'000; ++i) {
        const WorkerState state = i == 100 ? WorkerState::Abandoned
                                  : i % 2  ? WorkerState::Busy
                                           : WorkerState::Idle;
        t.append(i * 0.1, workers({{1, state}}));
        QVERIFY(t.lanes().at(1).segments.size() <= 64u);
    }
    const auto& segments = t.lanes().at(1).segments;
    QCOMPARE(segments.front().startSec, 0.0);
    for (std::size_t i = 1; i < segments.size(); ++i)
        QCOMPARE(segments[i].startSec, segments[i - 1].endSec);
    bool abandoned = false;
    for (const auto& s : segments)
        abandoned = abandoned || s.state == WorkerState::Abandoned;
    QVERIFY(abandoned);
    QCOMPARE(WorkerTimeline::moreNotable(WorkerState::Idle, WorkerState::Busy), WorkerState::Busy);
    QCOMPARE(WorkerTimeline::moreNotable(WorkerState::Abandoned, WorkerState::Busy),
             WorkerState::Abandoned);

    // Too many workers: the ones seen longest ago go.
    for (int id = 2; id < 20; ++id)
        t.append(3600 + id, workers({{id, WorkerState::Idle}}));
    QCOMPARE(t.lanes().size(), 8u);
    QVERIFY(t.lanes().count(19) == 1);
    QVERIFY(t.lanes().count(1) == 0);
}

QTEST_GUILESS_MAIN(TestWorkerTimeline)
#include "tst_workertimeline.moc"
