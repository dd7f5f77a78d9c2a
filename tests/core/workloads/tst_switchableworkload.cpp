#include "returnswithin.h"

#include "pool/pool.h"
#include "workloads/hashworker.h"
#include "workloads/ratelimiter.h"
#include "workloads/switchableworkload.h"
#include "workloads/syntheticworker.h"
#include "workloads/workload.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QtTest>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<Workload> workload(const QString& kind, const QVariantMap& params,
                                   std::shared_ptr<RateLimiter> limiter = nullptr)
{
    ParamError error;
    std::shared_ptr<Workload> made = makeWorkload(kind, params, std::move(limiter), error);
    if (!made)
        qFatal("%s workload refused %s", qPrintable(kind), qPrintable(error.param));
    return made;
}

std::shared_ptr<Workload> synthetic(double meanMs, std::shared_ptr<RateLimiter> limiter = nullptr)
{
    return workload(QStringLiteral("synthetic"), {{QStringLiteral("meanMs"), meanMs}},
                    std::move(limiter));
}

constexpr qint64 kHashBytes = 4096;
constexpr quint64 kHashSeed = 7;

std::shared_ptr<Workload> hash(std::shared_ptr<RateLimiter> limiter = nullptr)
{
    return workload(QStringLiteral("hash"),
                    {{QStringLiteral("payloadBytes"), kHashBytes},
                     {QStringLiteral("seed"), static_cast<qint64>(kHashSeed)}},
                    std::move(limiter));
}

/// The outcomes of asynchronous calls, by call number.
class Outcomes {
public:
    explicit Outcomes(int calls)
        : m_results(static_cast<std::size_t>(calls))
    {}

    /// Submits call \a n with \a payload; its outcome lands in slot \a n.
    void submit(Pool& pool, int n, std::any payload)
    {
        pool.submit(Context(), std::move(payload), [this, n](Result<std::any> result) {
            std::lock_guard lock(m_mutex);
            m_results[static_cast<std::size_t>(n)] = std::move(result);
            ++m_done;
            m_changed.notify_all();
        });
    }
    bool waitForAll(std::chrono::milliseconds timeout = 60s)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout,
                                  [this] { return m_done == static_cast<int>(m_results.size()); });
    }
    /// After waitForAll().
    const Result<std::any>& operator[](int n) const
    {
        return *m_results[static_cast<std::size_t>(n)];
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::optional<Result<std::any>>> m_results; ///< under m_mutex
    int m_done = 0;                                         ///< under m_mutex
};

/// Why call \a n's outcome is not a synthetic result for call \a n; empty when it is.
QString notSynthetic(const Outcomes& outcomes, int n)
{
    const Result<std::any>& r = outcomes[n];
    if (!r.ok())
        return QStringLiteral("call %1 failed: %2")
            .arg(n)
            .arg(QString::fromStdString(r.error().message()));
    const auto* result = std::any_cast<SyntheticResult>(&r.value());
    if (!result)
        return QStringLiteral("call %1 is not a synthetic result").arg(n);
    if (result->sequence != static_cast<quint64>(n))
        return QStringLiteral("call %1 returned sequence %2").arg(n).arg(result->sequence);
    return {};
}

/// Why call \a n's outcome is not the digest of the hash payload; empty when it is.
QString notHash(const Outcomes& outcomes, int n)
{
    const Result<std::any>& r = outcomes[n];
    if (!r.ok())
        return QStringLiteral("call %1 failed: %2")
            .arg(n)
            .arg(QString::fromStdString(r.error().message()));
    const auto* result = std::any_cast<HashResult>(&r.value());
    if (!result)
        return QStringLiteral("call %1 is not a hash result").arg(n);
    static const Sha256::Digest expected =
        Sha256::of(HashWorker::expanded(HashJob{kHashBytes, kHashSeed}));
    if (result->bytes != kHashBytes || result->digest != expected)
        return QStringLiteral("call %1 returned a wrong digest").arg(n);
    return {};
}

} // namespace

class TestSwitchableWorkload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queuedCallsKeepTheKindTheyWereMadeWith();
    void switchingBackAndForthUnderLoadFailsNoCall();
    void kindAndParamsAreTheCurrentWorkloads();
    void foreignPayloadFailsTheCall();
    void abandonedJobOfTheInnerWorkerEndsEarly();
    void rateLimiterWaitEndsWhenThePoolShrinksOrCloses();
};

void TestSwitchableWorkload::queuedCallsKeepTheKindTheyWereMadeWith()
{
    // A limiter that lets nothing through holds every call in the queue until it opens.
    auto limiter = std::make_shared<RateLimiter>(0, 1);
    auto oldKind = synthetic(2, limiter);
    const std::weak_ptr<Workload> oldKindAlive = oldKind;
    SwitchableWorkload switchable(std::move(oldKind));
    auto pool = std::make_unique<Pool>(2, [&] { return switchable.makeWorker(); });

    Outcomes outcomes(40);
    for (int n = 0; n < 20; ++n)
        outcomes.submit(*pool, n, switchable.makePayload(static_cast<quint64>(n)));
    QCOMPARE(pool->waiting(), 20);
    switchable.setCurrent(hash(limiter));
    QCOMPARE(switchable.kind(), QStringLiteral("hash"));
    QVERIFY(!oldKindAlive.expired()); // the queued payloads and the workers still use it
    for (int n = 20; n < 40; ++n)
        outcomes.submit(*pool, n, switchable.makePayload(static_cast<quint64>(n)));

    limiter->setLimit(RateLimiter::Inf);
    QVERIFY(outcomes.waitForAll());
    for (int n = 0; n < 20; ++n)
        QVERIFY2(notSynthetic(outcomes, n).isEmpty(), qPrintable(notSynthetic(outcomes, n)));
    for (int n = 20; n < 40; ++n)
        QVERIFY2(notHash(outcomes, n).isEmpty(), qPrintable(notHash(outcomes, n)));
    QCOMPARE(pool->counters().completed, 40);

    pool.reset();
    QVERIFY(oldKindAlive.expired()); // nothing keeps a replaced workload once its work is done
}

void TestSwitchableWorkload::switchingBackAndForthUnderLoadFailsNoCall()
{
    // Jobs of a few milliseconds on two workers: each switch finds calls queued and running.
    const auto slow = synthetic(2);
    const auto fast = hash();
    SwitchableWorkload switchable(slow);
    Pool pool(2, [&] { return switchable.makeWorker(); });

    constexpr int rounds = 12;
    constexpr int perRound = 10;
    Outcomes outcomes(rounds * perRound);
    for (int round = 0; round < rounds; ++round) {
        switchable.setCurrent(round % 2 == 0 ? slow : fast);
        for (int i = 0; i < perRound; ++i) {
            const int n = round * perRound + i;
            outcomes.submit(pool, n, switchable.makePayload(static_cast<quint64>(n)));
        }
    }
    QVERIFY(outcomes.waitForAll());
    for (int n = 0; n < rounds * perRound; ++n) {
        const QString wrong =
            (n / perRound) % 2 == 0 ? notSynthetic(outcomes, n) : notHash(outcomes, n);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
}

void TestSwitchableWorkload::kindAndParamsAreTheCurrentWorkloads()
{
    const auto first = synthetic(3);
    const auto second = hash();
    SwitchableWorkload switchable(first);
    QCOMPARE(switchable.kind(), QStringLiteral("synthetic"));
    QVERIFY(!switchable.setParam(QStringLiteral("meanMs"), 4));
    QCOMPARE(first->params().value(QStringLiteral("meanMs")).toDouble(), 4.0);

    switchable.setCurrent(second);
    QCOMPARE(switchable.current(), second);
    QCOMPARE(switchable.kind(), QStringLiteral("hash"));
    QCOMPARE(switchable.params(), second->params());
    QCOMPARE(switchable.setParam(QStringLiteral("meanMs"), 4).code,
             ParamError::Code::UnknownKey); // refused by the hash workload
    QVERIFY(!switchable.setParam(QStringLiteral("seed"), 9));
    QCOMPARE(second->params().value(QStringLiteral("seed")).toLongLong(), 9);
}

void TestSwitchableWorkload::foreignPayloadFailsTheCall()
{
    SwitchableWorkload switchable(synthetic(0));
    Pool pool(1, [&] { return switchable.makeWorker(); });
    QCOMPARE(pool.processCtx(Context(), 42).error(), make_error_code(PoolErrc::WorkerThrew));
    // The worker lives on.
    QVERIFY(pool.processCtx(Context(), switchable.makePayload(1)).ok());
}

void TestSwitchableWorkload::abandonedJobOfTheInnerWorkerEndsEarly()
{
    // A minute-long job that honours interrupts; the next call, of another workload, can only
    // start once the abandoned job has returned.
    const auto minute = synthetic(60'000);
    const auto instant = synthetic(0);
    SwitchableWorkload switchable(minute);
    Pool pool(1, [&] { return switchable.makeWorker(); });
    // A call that times out before its job starts is never dispatched; give a loaded machine
    // longer each time until one times out while running.
    for (auto timeout = 20ms;; timeout *= 2) {
        QVERIFY2(timeout < 20s, "no call ever timed out while running");
        const qint64 jobsBefore = pool.workers().front().jobs;
        switchable.setCurrent(minute);
        QCOMPARE(pool.processTimed(switchable.makePayload(1), timeout).error(),
                 make_error_code(PoolErrc::JobTimedOut));
        switchable.setCurrent(instant);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(pool.processCtx(Context(), switchable.makePayload(2)).ok());
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
        if (pool.workers().front().jobs - jobsBefore == 2)
            break; // the abandoned job ran, and ended well before its minute
    }
}

void TestSwitchableWorkload::rateLimiterWaitEndsWhenThePoolShrinksOrCloses()
{
    // Three tokens and then one every 1000 s: the first worker's blockUntilReady() before each
    // of its two jobs, and the inner worker made for the second job's kind, take them all.
    auto limiter = std::make_shared<RateLimiter>(0.001, 3);
    SwitchableWorkload switchable(synthetic(0, limiter));
    Pool pool(1, [&] { return switchable.makeWorker(); });
    QVERIFY(pool.processCtx(Context(), switchable.makePayload(1)).ok());
    switchable.setCurrent(hash(limiter));
    QVERIFY(pool.processCtx(Context(), switchable.makePayload(2)).ok()); // a new inner worker
    pool.setSize(2); // its inner worker is made before the pool starts it
    QTRY_COMPARE_WITH_TIMEOUT(limiter->waiting(), 2, 20'000);

    QVERIFY2(returnsWithin([&pool] { pool.setSize(1); }, 20s), "setSize(1) hung on the limiter");
    QCOMPARE(limiter->waiting(), 1);
    QVERIFY2(returnsWithin([&pool] { pool.close(); }, 20s), "close() hung on the limiter");
    QCOMPARE(limiter->waiting(), 0);
}

QTEST_GUILESS_MAIN(TestSwitchableWorkload)
#include "tst_switchableworkload.moc"
