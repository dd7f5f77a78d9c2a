#include "workertimeline.h"

#include <algorithm>

namespace shoal {

namespace {

int notability(WorkerState state)
{
    switch (state) {
    case WorkerState::Abandoned:
        return 4;
    case WorkerState::Busy:
        return 3;
    case WorkerState::Blocked:
        return 2;
    case WorkerState::Retiring:
        return 1;
    case WorkerState::Idle:
        return 0;
    }
    return 0;
}

} // namespace

WorkerTimeline::WorkerTimeline(int maxSegmentsPerLane, int maxLanes)
    : m_maxSegments(std::max(4, maxSegmentsPerLane))
    , m_maxLanes(std::max(1, maxLanes))
{}

WorkerState WorkerTimeline::moreNotable(WorkerState a, WorkerState b)
{
    return notability(b) > notability(a) ? b : a;
}

void WorkerTimeline::append(double tSec, const QList<WorkerProbe>& workers)
{
    const double from = m_any ? m_latestSec : tSec;
    for (const WorkerProbe& probe : workers) {
        Lane& lane = m_lanes[probe.id];
        lane.id = probe.id;
        lane.lastSeenSec = tSec;
        if (!lane.segments.empty()) {
            Segment& last = lane.segments.back();
            if (last.state == probe.state && last.endSec >= from) {
                last.endSec = tSec;
                continue;
            }
        }
        lane.segments.push_back({from, tSec, probe.state});
        if (static_cast<int>(lane.segments.size()) > m_maxSegments)
            compact(lane);
    }
    m_latestSec = tSec;
    m_any = true;
    while (static_cast<int>(m_lanes.size()) > m_maxLanes) {
        // Too many workers ever: forget the one seen longest ago.
        auto oldest = std::min_element(m_lanes.begin(), m_lanes.end(), [](auto& a, auto& b) {
            return a.second.lastSeenSec < b.second.lastSeenSec;
        });
        m_lanes.erase(oldest);
    }
}

void WorkerTimeline::clear()
{
    m_lanes.clear();
    m_latestSec = 0;
    m_any = false;
}

void WorkerTimeline::compact(Lane& lane) const
{
    // The older half, two segments into one: recent history stays exact.
    const std::size_t half = lane.segments.size() / 2;
    std::deque<Segment> merged;
    std::size_t i = 0;
    for (; i + 1 < half; i += 2) {
        const Segment& a = lane.segments[i];
        const Segment& b = lane.segments[i + 1];
        merged.push_back({a.startSec, b.endSec, moreNotable(a.state, b.state)});
    }
    for (; i < lane.segments.size(); ++i)
        merged.push_back(lane.segments[i]);
    lane.segments.swap(merged);
}

void WorkerTimeline::restore(const Lane& lane)
{
    m_lanes[lane.id] = lane;
    if (!lane.segments.empty())
        m_latestSec = std::max(m_latestSec, lane.segments.back().endSec);
    m_any = true;
}

} // namespace shoal
