// Random mixes of every call form, cancels, timeouts, resizes and a close, from 64 threads.
// Checks that every call is answered exactly once and that the pool's accounting balances.
#include "pool/pool.h"

#include <QtTest>

#include <latch>
#include <random>
#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// Short jobs of random length that honour interrupts; a few throw, a few wait in
/// blockUntilReady() on the stop context, like a rate-limited worker would.
class StressWorker : public Worker {
public:
    explicit StressWorker(unsigned seed)
        : m_rng(seed)
    {}

    void blockUntilReady() override
    {
        if (m_rng() % 16 == 0)
            stopContext().waitUntil(std::chrono::steady_clock::now() + 100us);
    }

    std::any process(std::any payload) override
    {
        const unsigned roll = m_rng() % 100;
        if (roll < 2)
            throw std::runtime_error("injected failure");
        const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(roll * 2);
        while (!isInterrupted() && std::chrono::steady_clock::now() < until) {
        }
        return payload;
    }

private:
    std::mt19937 m_rng;
};

int roundsFromEnvironment()
{
    bool ok = false;
    const int rounds = qEnvironmentVariableIntValue("SHOAL_STRESS_ROUNDS", &ok);
    return ok && rounds > 0 ? rounds : 50;
}

} // namespace

class TestPoolStress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomMixesAnswerEveryCallOnce();
};

void TestPoolStress::randomMixesAnswerEveryCallOnce()
{
    constexpr int threads = 64;
    constexpr int opsPerThread = 150;
    const int rounds = roundsFromEnvironment();
    for (int round = 0; round < rounds; ++round) {
        std::atomic<unsigned> seeds{static_cast<unsigned>(round * 1000)};
        auto pool = std::make_unique<Pool>(1 + round % 8,
                                           [&] { return std::make_unique<StressWorker>(++seeds); });
        if (round % 3 == 0)
            pool->setMaxWaiting(round % 2 ? 8 : 32);

        std::atomic<qint64> issued{0};
        std::atomic<qint64> asyncIssued{0};
        std::atomic<qint64> asyncDelivered{0};
        std::atomic<qint64> duplicates{0};
        std::latch start(threads + 1);
        std::vector<std::thread> callers;
        for (int t = 0; t < threads; ++t) {
            callers.emplace_back([&, t] {
                std::mt19937 rng(static_cast<unsigned>(round * 7919 + t));
                start.arrive_and_wait();
                for (int i = 0; i < opsPerThread; ++i) {
                    const unsigned op = rng() % 100;
                    const auto timeout = std::chrono::microseconds(10 + rng() % 2000);
                    if (op < 3) {
                        pool->setSize(static_cast<int>(rng() % 8));
                        continue;
                    }
                    ++issued;
                    if (op < 15) {
                        try {
                            pool->process(i);
                        } catch (const PoolError&) {
                        }
                    } else if (op < 40) {
                        (void)pool->processTimed(i, timeout);
                    } else if (op < 60) {
                        const Context ctx = rng() % 2 ? Context::withTimeout(Context(), timeout)
                                                      : Context::withCancel(Context());
                        std::thread canceler;
                        if (!ctx.deadline())
                            canceler = std::thread([ctx, timeout] {
                                std::this_thread::sleep_for(timeout);
                                ctx.cancel();
                            });
                        (void)pool->processCtx(ctx, i);
                        if (canceler.joinable())
                            canceler.join();
                    } else {
                        ++asyncIssued;
                        auto once = std::make_shared<std::atomic<int>>(0);
                        auto onDone = [&, once](Result<std::any>) {
                            if (once->fetch_add(1) != 0)
                                ++duplicates;
                            ++asyncDelivered;
                        };
                        if (op < 80)
                            pool->submitTimed(i, timeout, onDone);
                        else
                            pool->submit(rng() % 2 ? Context::withTimeout(Context(), timeout)
                                                   : Context(),
                                         i, onDone);
                    }
                }
            });
        }
        // The closer: closes the pool mid-run, so later calls meet a closed pool and calls
        // blocked on a pool shrunk to zero are released.
        std::thread closer([&] {
            start.arrive_and_wait();
            std::this_thread::sleep_for(std::chrono::milliseconds(20 + round * 13 % 150));
            pool->close();
        });

        // A call blocked forever would hang here; the ctest timeout reports it.
        for (auto& c : callers)
            c.join();
        closer.join();
        QTRY_COMPARE_WITH_TIMEOUT(asyncDelivered.load(), asyncIssued.load(), 60000);

        const PoolCounters c = pool->counters();
        QCOMPARE(duplicates.load(), 0);
        QCOMPARE(c.submitted, issued.load());
        QCOMPARE(c.finished(), c.submitted);
        QCOMPARE(pool->queueLength(), 0);
        QVERIFY(pool->workers().empty());
        QVERIFY(!pool->isRunning());
    }
}

QTEST_GUILESS_MAIN(TestPoolStress)
#include "tst_poolstress.moc"
