#pragma once

#include "pool/poolprobe.h"

#include <QList>

#include <deque>
#include <map>

namespace shoal {

/// Each worker's state over a run, as runs of one state: what the worker lanes draw. Built from
/// the per-sample worker probes; bounded (old segments of a lane are merged pairwise once it
/// has too many, keeping the more notable state), so an hour of flickering states costs no more
/// than a few minutes. What the worker lanes draw and what a run file keeps of them. One thread.
class WorkerTimeline {
public:
    /// One stretch of time a worker spent in one state.
    struct Segment {
        double startSec = 0; ///< run seconds
        double endSec = 0;   ///< run seconds, >= startSec
        WorkerState state = WorkerState::Idle;
    };
    /// One worker's history.
    struct Lane {
        int id = 0;                   ///< the pool's worker id
        std::deque<Segment> segments; ///< oldest first, not overlapping
        double lastSeenSec = 0;       ///< the last sample that listed this worker
    };

    /// Keeps at most \a maxSegmentsPerLane segments per worker and \a maxLanes workers.
    explicit WorkerTimeline(int maxSegmentsPerLane = 1024, int maxLanes = 4096);

    /// The workers as a sample at \a tSec saw them (tSec not decreasing between calls). A state
    /// holds from the previous sample to this one.
    void append(double tSec, const QList<WorkerProbe>& workers);
    /// Forgets every lane.
    void clear();
    /// Puts \a lane back as it was kept (a run file's), replacing the lane of its id; the
    /// newest sample moves to its last segment's end if that is later. Segments in order.
    void restore(const Lane& lane);

    /// Every worker seen, by id.
    const std::map<int, Lane>& lanes() const { return m_lanes; }
    /// The time of the newest sample (0 before any).
    double latestSec() const { return m_latestSec; }

    /// Of two states sharing one pixel, the one worth showing: abandoned, then busy, then
    /// blocked, then retiring, then idle.
    static WorkerState moreNotable(WorkerState a, WorkerState b);

private:
    void compact(Lane& lane) const;

    int m_maxSegments = 1024;    ///< per lane
    int m_maxLanes = 4096;       ///< workers kept
    std::map<int, Lane> m_lanes; ///< by worker id
    double m_latestSec = 0;      ///< newest sample
    bool m_any = false;          ///< a sample has been appended
};

} // namespace shoal
