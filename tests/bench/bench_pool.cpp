// shoal::Pool against tunny's own benchmark shape and against Qt and standard-library baselines,
// all in one run so the rows compare like with like. Throughput rows report wall time per job in
// the Time column; lateness rows report percentiles as counters; idle rows report CPU use.

#include "pool/context.h"
#include "pool/pool.h"
#include "pool/worker.h"

#include <QFuture>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrentRun>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <any>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kPoolSize = 10; // tunny's BenchmarkFuncJob
constexpr int kPayload = 10;
constexpr benchmark::IterationCount kAsyncJobs = 1'000'000;
constexpr benchmark::IterationCount kFutureJobs = 100'000;
constexpr benchmark::IterationCount kLateSamples = 300;
constexpr auto kLateTimeout = 2ms;
constexpr auto kSlowJob = 50ms;

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "bench_pool: %s\n", what);
    std::abort();
}

void require(bool ok, const char* what)
{
    if (!ok)
        fail(what);
}

// Marks threads that hand jobs to a pool. A thread-local flag rather than a QThread comparison
// because it is one load per job and also covers plain std::thread callers.
thread_local bool t_isCaller = false;
std::atomic<long> g_jobsOnCaller{0};

struct CallerScope {
    CallerScope() { t_isCaller = true; }
    ~CallerScope() { t_isCaller = false; }
    CallerScope(const CallerScope&) = delete;
    CallerScope& operator=(const CallerScope&) = delete;
};

// The trivial job: a round trip measures the handoff, not the work.
int job(int payload) noexcept
{
    if (t_isCaller)
        g_jobsOnCaller.fetch_add(1, std::memory_order_relaxed);
    return payload + 1;
}

std::any poolJob(std::any payload)
{
    return job(std::any_cast<int>(payload));
}

void requireJobsOffCaller()
{
    require(g_jobsOnCaller.load() == 0, "a pool job ran on its caller's thread");
}

void checkReply(int reply)
{
    if (reply != kPayload + 1)
        fail("wrong job result");
}

std::unique_ptr<shoal::Pool>
makePool(int size = kPoolSize, shoal::DispatchOrder order = shoal::DispatchOrder::NewestIdleFirst)
{
    auto pool = shoal::Pool::fromFunction(size, poolJob);
    pool->setDispatchOrder(order);
    // Every worker thread has started and parked once, so the first timed calls are typical.
    CallerScope caller;
    for (int i = 0; i < 1000; ++i)
        checkReply(std::any_cast<int>(pool->process(kPayload)));
    return pool;
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU time of the whole process per job, all threads included: spinning shows up here even when
// it buys no wall time.
class ProcessCpu {
public:
    void report(benchmark::State& state) const
    {
        state.counters["cpu_ns_per_job"] = benchmark::Counter((processCpuSeconds() - m_start) * 1e9,
                                                              benchmark::Counter::kAvgIterations);
    }

private:
    double m_start = processCpuSeconds();
};

// ---- 1-3: one caller, synchronous round trips ------------------------------------------------

shoal::DispatchOrder orderArg(const benchmark::State& state, int index)
{
    return state.range(index) == 0 ? shoal::DispatchOrder::NewestIdleFirst
                                   : shoal::DispatchOrder::LongestIdleFirst;
}

// order:0 is NewestIdleFirst (the default), order:1 LongestIdleFirst.
void BM_PoolProcess(benchmark::State& state)
{
    auto pool = makePool(kPoolSize, orderArg(state, 0));
    CallerScope caller;
    const ProcessCpu cpu;
    for (auto _ : state)
        checkReply(std::any_cast<int>(pool->process(kPayload)));
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

void BM_PoolProcessTimed(benchmark::State& state)
{
    auto pool = makePool();
    CallerScope caller;
    const ProcessCpu cpu;
    for (auto _ : state)
        checkReply(std::any_cast<int>(pool->processTimed(kPayload, 1s).value()));
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

void BM_PoolProcessCtx(benchmark::State& state)
{
    auto pool = makePool();
    CallerScope caller;
    const shoal::Context ctx = shoal::Context::background();
    const ProcessCpu cpu;
    for (auto _ : state)
        checkReply(std::any_cast<int>(pool->processCtx(ctx, kPayload).value()));
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

// ---- 4: many callers sharing one pool --------------------------------------------------------

// The benchmark's iteration count is split across the callers and the whole batch is timed
// from one release of the start latch, so Time is wall time per job across all callers.
void BM_PoolProcessCallers(benchmark::State& state)
{
    const auto callers = static_cast<int>(state.range(0));
    auto pool = makePool(kPoolSize, orderArg(state, 1));
    const benchmark::IterationCount total = state.max_iterations;
    std::latch start(1);
    std::latch done(callers);
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(callers));
    for (int i = 0; i < callers; ++i) {
        const benchmark::IterationCount jobs = total / callers + (i < total % callers ? 1 : 0);
        threads.emplace_back([&pool, &start, &done, jobs] {
            CallerScope caller;
            start.wait();
            for (benchmark::IterationCount j = 0; j < jobs; ++j)
                checkReply(std::any_cast<int>(pool->process(kPayload)));
            done.count_down();
        });
    }
    const ProcessCpu cpu;
    while (state.KeepRunningBatch(total)) {
        start.count_down();
        done.wait();
    }
    cpu.report(state);
    for (auto& thread : threads)
        thread.join();
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

// ---- 5: asynchronous submits -----------------------------------------------------------------

void BM_PoolSubmitCallback(benchmark::State& state)
{
    auto pool = makePool();
    CallerScope caller;
    const shoal::Context ctx = shoal::Context::background();
    std::atomic<long> wrong{0};
    const ProcessCpu cpu;
    while (state.KeepRunningBatch(kAsyncJobs)) {
        std::latch done(kAsyncJobs);
        for (benchmark::IterationCount i = 0; i < kAsyncJobs; ++i) {
            pool->submit(ctx, kPayload, [&done, &wrong](shoal::Result<std::any> result) {
                if (!result.ok() || std::any_cast<int>(result.value()) != kPayload + 1)
                    wrong.fetch_add(1, std::memory_order_relaxed);
                done.count_down();
            });
        }
        done.wait();
    }
    require(wrong.load() == 0, "an asynchronous call failed");
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

void BM_PoolSubmitFuture(benchmark::State& state)
{
    auto pool = makePool();
    CallerScope caller;
    const shoal::Context ctx = shoal::Context::background();
    const ProcessCpu cpu;
    while (state.KeepRunningBatch(kFutureJobs)) {
        std::vector<QFuture<shoal::Result<std::any>>> futures;
        futures.reserve(static_cast<std::size_t>(kFutureJobs));
        for (benchmark::IterationCount i = 0; i < kFutureJobs; ++i)
            futures.push_back(pool->submit(ctx, kPayload));
        for (auto& future : futures)
            checkReply(std::any_cast<int>(future.result().value()));
    }
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

// ---- 6: baselines ----------------------------------------------------------------------------

void BM_QThreadPoolStart(benchmark::State& state)
{
    QThreadPool* const threads = QThreadPool::globalInstance();
    std::atomic<long> ran{0};
    const ProcessCpu cpu;
    while (state.KeepRunningBatch(kAsyncJobs)) {
        for (benchmark::IterationCount i = 0; i < kAsyncJobs; ++i)
            threads->start([&ran] { ran.fetch_add(1, std::memory_order_relaxed); });
        threads->waitForDone();
    }
    require(ran.load() == state.iterations(), "QThreadPool lost a job");
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
}

// QFuture::result() may run a job that has not started yet on the waiting thread; inline_frac
// shows how often, since such a round trip is no handoff at all.
void BM_QtConcurrentRunResult(benchmark::State& state)
{
    QThread* const caller = QThread::currentThread();
    std::atomic<long> inlineRuns{0};
    const ProcessCpu cpu;
    for (auto _ : state) {
        const int reply = QtConcurrent::run(
                              [caller, &inlineRuns](int payload) {
                                  if (QThread::currentThread() == caller)
                                      inlineRuns.fetch_add(1, std::memory_order_relaxed);
                                  return payload + 1;
                              },
                              kPayload)
                              .result();
        checkReply(reply);
    }
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    state.counters["inline_frac"] =
        static_cast<double>(inlineRuns.load()) / static_cast<double>(state.iterations());
}

// One dedicated thread fed through a single mutex-guarded slot: what a blocking handoff costs
// with nothing but the standard primitives.
class SlotHandoff {
public:
    SlotHandoff()
        : m_thread([this] { run(); })
    {}
    ~SlotHandoff()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_requestReady.notify_one();
        m_thread.join();
    }
    SlotHandoff(const SlotHandoff&) = delete;
    SlotHandoff& operator=(const SlotHandoff&) = delete;

    int call(int payload)
    {
        {
            std::lock_guard lock(m_mutex);
            m_request = payload;
        }
        m_requestReady.notify_one();
        std::unique_lock lock(m_mutex);
        m_replyReady.wait(lock, [this] { return m_reply.has_value(); });
        const int reply = *m_reply;
        m_reply.reset();
        return reply;
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_requestReady.wait(lock, [this] { return m_stop || m_request.has_value(); });
            if (m_stop)
                return;
            const int payload = *m_request;
            m_request.reset();
            lock.unlock();
            const int reply = job(payload);
            lock.lock();
            m_reply = reply;
            lock.unlock();
            m_replyReady.notify_one();
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_requestReady;
    std::condition_variable m_replyReady;
    std::optional<int> m_request;
    std::optional<int> m_reply;
    bool m_stop = false;
    std::thread m_thread; // last: starts once the members above exist
};

void BM_CondvarHandoff(benchmark::State& state)
{
    SlotHandoff handoff;
    CallerScope caller;
    const ProcessCpu cpu;
    for (auto _ : state)
        checkReply(handoff.call(kPayload));
    cpu.report(state);
    state.SetItemsProcessed(state.iterations());
    requireJobsOffCaller();
}

// ---- 7: deadline lateness under CPU load -----------------------------------------------------

// Busy threads on every core, so a thread whose deadline passes has to be scheduled back in.
class CpuBurners {
public:
    CpuBurners()
    {
        const unsigned count = std::max(1u, std::thread::hardware_concurrency());
        for (unsigned i = 0; i < count; ++i)
            m_threads.emplace_back([this] {
                while (!m_stop.load(std::memory_order_relaxed)) {
                }
            });
        std::this_thread::sleep_for(20ms); // let them occupy the cores
    }
    ~CpuBurners()
    {
        m_stop.store(true);
        for (auto& thread : m_threads)
            thread.join();
    }
    CpuBurners(const CpuBurners&) = delete;
    CpuBurners& operator=(const CpuBurners&) = delete;

    int count() const { return static_cast<int>(m_threads.size()); }

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

// A job that outlives the caller's timeout, blocked until interrupt() or kSlowJob. Interrupts
// are counted, not flagged, since one may land before process() starts waiting.
class InterruptibleWorker final : public shoal::Worker {
public:
    std::any process(std::any) override
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, kSlowJob, [this] { return m_interrupts > 0; });
        if (m_interrupts > 0)
            --m_interrupts;
        return 0;
    }
    void interrupt() override
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_interrupts;
        }
        m_wake.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_interrupts = 0;
};

// A one-time signal on a condition variable. std::latch::wait() yields before it sleeps, and a
// yield under CPU load costs the waiter a scheduler slice when it is woken.
class Signal {
public:
    void set()
    {
        {
            std::lock_guard lock(m_mutex);
            m_set = true;
        }
        m_cond.notify_one();
    }
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [this] { return m_set; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cond;
    bool m_set = false;
};

std::unique_ptr<shoal::Pool> makeSlowPool()
{
    return std::make_unique<shoal::Pool>(kPoolSize,
                                         [] { return std::make_unique<InterruptibleWorker>(); });
}

double microsLate(Clock::time_point deadline, Clock::time_point returned)
{
    return std::chrono::duration<double, std::micro>(returned - deadline).count();
}

void reportLateness(benchmark::State& state, std::vector<double> lateUs, const CpuBurners& load)
{
    require(!lateUs.empty(), "no lateness samples");
    std::sort(lateUs.begin(), lateUs.end());
    const auto at = [&lateUs](double q) {
        const auto index = static_cast<std::size_t>(q * static_cast<double>(lateUs.size()));
        return lateUs[std::min(index, lateUs.size() - 1)];
    };
    state.counters["burners"] = load.count();
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = lateUs.back();
}

void BM_LateProcessTimed(benchmark::State& state)
{
    auto pool = makeSlowPool();
    CpuBurners load;
    std::vector<double> lateUs;
    long timedOut = 0;
    while (state.KeepRunningBatch(kLateSamples)) {
        for (benchmark::IterationCount i = 0; i < kLateSamples; ++i) {
            const auto deadline = Clock::now() + kLateTimeout;
            const auto result = pool->processTimed(0, kLateTimeout);
            lateUs.push_back(microsLate(deadline, Clock::now()));
            timedOut += result.error() == shoal::PoolErrc::JobTimedOut;
        }
    }
    require(timedOut > 0, "processTimed never timed out");
    reportLateness(state, std::move(lateUs), load);
}

void BM_LateProcessCtx(benchmark::State& state)
{
    auto pool = makeSlowPool();
    CpuBurners load;
    std::vector<double> lateUs;
    while (state.KeepRunningBatch(kLateSamples)) {
        for (benchmark::IterationCount i = 0; i < kLateSamples; ++i) {
            const auto ctx =
                shoal::Context::withTimeout(shoal::Context::background(), kLateTimeout);
            const auto result = pool->processCtx(ctx, 0);
            lateUs.push_back(microsLate(*ctx.deadline(), Clock::now()));
            benchmark::DoNotOptimize(result);
        }
    }
    reportLateness(state, std::move(lateUs), load);
}

// The asynchronous deadline fires on the shared timer thread; lateness is when the callback runs.
void BM_LateSubmitTimed(benchmark::State& state)
{
    auto pool = makeSlowPool();
    CpuBurners load;
    std::vector<double> lateUs;
    while (state.KeepRunningBatch(kLateSamples)) {
        for (benchmark::IterationCount i = 0; i < kLateSamples; ++i) {
            Signal done;
            Clock::time_point fired;
            const auto deadline = Clock::now() + kLateTimeout;
            pool->submitTimed(0, kLateTimeout, [&done, &fired](shoal::Result<std::any>) {
                fired = Clock::now();
                done.set();
            });
            done.wait();
            lateUs.push_back(microsLate(deadline, fired));
        }
    }
    reportLateness(state, std::move(lateUs), load);
}

void BM_LateCondvarWaitUntil(benchmark::State& state)
{
    CpuBurners load;
    std::mutex mutex;
    std::condition_variable never;
    std::vector<double> lateUs;
    while (state.KeepRunningBatch(kLateSamples)) {
        for (benchmark::IterationCount i = 0; i < kLateSamples; ++i) {
            const auto deadline = Clock::now() + kLateTimeout;
            {
                std::unique_lock lock(mutex);
                never.wait_until(lock, deadline, [] { return false; });
            }
            lateUs.push_back(microsLate(deadline, Clock::now()));
        }
    }
    reportLateness(state, std::move(lateUs), load);
}

// ---- 8: cost of an idle pool -----------------------------------------------------------------

long contextSwitches()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_nvcsw + usage.ru_nivcsw;
}

// workers:0 is the process with no pool, to separate the pool's share from the harness's.
void BM_IdleCpu(benchmark::State& state)
{
    std::unique_ptr<shoal::Pool> pool;
    if (state.range(0) > 0) {
        pool = shoal::Pool::fromFunction(static_cast<int>(state.range(0)), poolJob);
        CallerScope caller;
        checkReply(std::any_cast<int>(pool->process(kPayload)));
    }
    std::this_thread::sleep_for(10ms);
    double cpu = 0;
    double wall = 0;
    long switches = 0;
    while (state.KeepRunningBatch(1)) {
        const double cpuBefore = processCpuSeconds();
        const long switchesBefore = contextSwitches();
        const auto wallBefore = Clock::now();
        std::this_thread::sleep_for(1s);
        wall = std::chrono::duration<double>(Clock::now() - wallBefore).count();
        cpu = processCpuSeconds() - cpuBefore;
        switches = contextSwitches() - switchesBefore;
    }
    state.counters["cpu_pct"] = 100.0 * cpu / wall;
    state.counters["ctxsw_per_s"] = static_cast<double>(switches) / wall;
    requireJobsOffCaller();
}

/// The headline rows run kRounds times and report the median and the worst round, since a
/// handoff figure is only as good as its bad runs.
constexpr int kRounds = 9;
benchmark::internal::Benchmark* inRounds(benchmark::internal::Benchmark* b)
{
    return b->Repetitions(kRounds)
        ->ReportAggregatesOnly(true)
        ->ComputeStatistics(
            "worst",
            [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); })
        ->ComputeStatistics("best", [](const std::vector<double>& v) {
            return *std::min_element(v.begin(), v.end());
        });
}

} // namespace

BENCHMARK(BM_PoolProcess)
    ->Name("pool_process")
    ->ArgName("order")
    ->Arg(0)
    ->Arg(1)
    ->UseRealTime()
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });
BENCHMARK(BM_PoolProcessTimed)->Name("pool_processTimed_1s")->UseRealTime();
BENCHMARK(BM_PoolProcessCtx)->Name("pool_processCtx_background")->UseRealTime();
BENCHMARK(BM_PoolProcessCallers)
    ->Name("pool_process_shared")
    ->ArgNames({"callers", "order"})
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({64, 0})
    ->Args({64, 1})
    ->UseRealTime()
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });
BENCHMARK(BM_PoolSubmitCallback)
    ->Name("pool_submit_callback")
    ->Iterations(kAsyncJobs)
    ->UseRealTime()
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });
BENCHMARK(BM_PoolSubmitFuture)->Name("pool_submit_future")->Iterations(kFutureJobs)->UseRealTime();
BENCHMARK(BM_QThreadPoolStart)
    ->Name("qthreadpool_start")
    ->Iterations(kAsyncJobs)
    ->UseRealTime()
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });
BENCHMARK(BM_QtConcurrentRunResult)->Name("qtconcurrent_run_result")->UseRealTime();
BENCHMARK(BM_CondvarHandoff)->Name("std_condvar_handoff")->UseRealTime();
BENCHMARK(BM_LateProcessTimed)
    ->Name("late_processTimed_2ms")
    ->Iterations(kLateSamples)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond)
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });
BENCHMARK(BM_LateProcessCtx)
    ->Name("late_processCtx_2ms")
    ->Iterations(kLateSamples)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LateSubmitTimed)
    ->Name("late_submitTimed_2ms")
    ->Iterations(kLateSamples)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LateCondvarWaitUntil)
    ->Name("late_condvar_wait_until_2ms")
    ->Iterations(kLateSamples)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_IdleCpu)
    ->Name("idle_cpu")
    ->ArgName("workers")
    ->Arg(0)
    ->Arg(kPoolSize)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Apply([](benchmark::internal::Benchmark* b) { inRounds(b); });

BENCHMARK_MAIN();
