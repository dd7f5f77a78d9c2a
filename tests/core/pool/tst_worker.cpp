#include "pool/pool.h"
#include "scriptedworker.h"

#include <QtTest>

#include <string>

using namespace shoal;
using namespace shoal::test;
using namespace std::chrono_literals;

namespace {

/// What the inner workers of one test saw.
struct Seen {
    std::atomic<bool> waitInReady{false};  ///< blockUntilReady() waits on stopContext()
    Counter readyEntered;                  ///< blockUntilReady() calls
    Counter stopSeen;                      ///< waits that stopContext() ended
    Counter processLeft;                   ///< process() calls returned
    Counter terminated;                    ///< terminate() calls
    Gate interruptCalled;                  ///< interrupt() was forwarded
    std::atomic<int> interruptedAtEnd{-1}; ///< isInterrupted() as the "wait" job returned
};

/// The worker that does the jobs: it never sees the pool, only its outer worker's stop context
/// and interrupt flag. Payload "wait" waits for interrupt(); any other returns isInterrupted().
class InnerWorker : public Worker {
public:
    explicit InnerWorker(Seen& seen)
        : m_seen(seen)
    {}

    void blockUntilReady() override
    {
        m_seen.readyEntered.add();
        // Bounded, so a stop context that never ends fails the test instead of hanging it.
        if (m_seen.waitInReady && stopContext().waitUntil(std::chrono::steady_clock::now() + 20s))
            m_seen.stopSeen.add();
    }

    std::any process(std::any payload) override
    {
        if (const auto* text = std::any_cast<std::string>(&payload); text && *text == "wait") {
            m_seen.interruptCalled.wait(20s);
            m_seen.interruptedAtEnd = isInterrupted();
        }
        const bool interrupted = isInterrupted();
        m_seen.processLeft.add();
        return interrupted;
    }

    void interrupt() override { m_seen.interruptCalled.open(); }
    void terminate() override { m_seen.terminated.add(); }

private:
    Seen& m_seen;
};

/// Hands every call to the worker it makes in its constructor, before the pool has set up its
/// stop context; \a depth > 1 nests delegating workers, the innermost delegated first.
class DelegatingWorker : public Worker {
public:
    DelegatingWorker(Seen& seen, int depth)
        : m_inner(depth > 1 ? std::unique_ptr<Worker>(new DelegatingWorker(seen, depth - 1))
                            : std::make_unique<InnerWorker>(seen))
    {
        delegate(*this, *m_inner);
    }

    void blockUntilReady() override { m_inner->blockUntilReady(); }
    std::any process(std::any payload) override { return m_inner->process(std::move(payload)); }
    void interrupt() override { m_inner->interrupt(); }
    void terminate() override { m_inner->terminate(); }

private:
    std::unique_ptr<Worker> m_inner; ///< does the work
};

std::unique_ptr<Pool> delegatingPool(int size, Seen& seen, int depth)
{
    return std::make_unique<Pool>(
        size, [&seen, depth] { return std::make_unique<DelegatingWorker>(seen, depth); });
}

} // namespace

class TestWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void delegatedWaitsEndWhenThePoolShrinksOrCloses_data();
    void delegatedWaitsEndWhenThePoolShrinksOrCloses();
    void delegatedJobSeesTheCallerGiveUp_data();
    void delegatedJobSeesTheCallerGiveUp();
};

void TestWorker::delegatedWaitsEndWhenThePoolShrinksOrCloses_data()
{
    QTest::addColumn<int>("depth");
    QTest::newRow("delegated once") << 1;
    QTest::newRow("delegated twice") << 2;
}

void TestWorker::delegatedWaitsEndWhenThePoolShrinksOrCloses()
{
    QFETCH(int, depth);
    Seen seen;
    seen.waitInReady = true;
    auto pool = delegatingPool(2, seen, depth);
    QVERIFY(seen.readyEntered.waitFor(2));

    pool->setSize(1); // returns once the retired worker has left blockUntilReady()
    QCOMPARE(seen.terminated.value(), 1);
    QCOMPARE(seen.stopSeen.value(), 1); // woken by the stop context, not by its time limit

    pool->close();
    QCOMPARE(seen.terminated.value(), 2);
    QCOMPARE(seen.stopSeen.value(), 2);
}

void TestWorker::delegatedJobSeesTheCallerGiveUp_data()
{
    QTest::addColumn<int>("depth");
    QTest::newRow("delegated once") << 1;
    QTest::newRow("delegated twice") << 2;
}

void TestWorker::delegatedJobSeesTheCallerGiveUp()
{
    QFETCH(int, depth);
    Seen seen;
    auto pool = delegatingPool(1, seen, depth);
    // A call that times out before its job starts is never dispatched; give a loaded machine
    // longer each time until one times out while running.
    for (auto timeout = 20ms; !seen.interruptCalled.isOpen() && timeout < 20s; timeout *= 2) {
        QCOMPARE(pool->processTimed(std::string("wait"), timeout).error(),
                 make_error_code(PoolErrc::JobTimedOut));
    }
    QVERIFY(seen.interruptCalled.isOpen());
    QVERIFY(seen.processLeft.waitFor(1));
    QCOMPARE(seen.interruptedAtEnd.load(), 1);

    // The pool clears the flag for the next job, and the inner worker reads the cleared one.
    QCOMPARE(std::any_cast<bool>(pool->process(std::string("plain"))), false);
}

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
