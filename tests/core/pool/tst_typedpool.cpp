#include "pool/typedpool.h"

#include <QtTest>

#include <string>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// Per-worker state survives across jobs: each worker numbers its own jobs.
class NumberingWorker : public TypedWorker<std::string, std::string> {
public:
    std::string work(std::string input) override { return input + "#" + std::to_string(++m_jobs); }

private:
    int m_jobs = 0;
};

} // namespace

class TestTypedPool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void functionPoolIsTyped();
    void workerStateLivesAcrossJobs();
    void errorsPassThrough();
    void submitDeliversTypedResults();
};

void TestTypedPool::functionPoolIsTyped()
{
    TypedPool<int, std::string> pool(
        2, [](int n) { return std::string(static_cast<size_t>(n), 'x'); });
    QCOMPARE(pool.process(3), std::string("xxx"));
    const Result<std::string> r = pool.processTimed(2, 5s);
    QCOMPARE(r.value(), std::string("xx"));
    QCOMPARE(pool.processCtx(Context(), 1).value(), std::string("x"));
}

void TestTypedPool::workerStateLivesAcrossJobs()
{
    TypedPool<std::string, std::string> pool(1, [] { return std::make_unique<NumberingWorker>(); });
    QCOMPARE(pool.process("a"), std::string("a#1"));
    QCOMPARE(pool.process("b"), std::string("b#2"));
    QCOMPARE(pool.pool().size(), 1);
}

void TestTypedPool::errorsPassThrough()
{
    TypedPool<int, int> pool(1, [](int n) {
        if (n < 0)
            throw std::invalid_argument("negative");
        std::this_thread::sleep_for(std::chrono::milliseconds(n));
        return n;
    });
    const auto failed = pool.processTimed(-1, 5s);
    QCOMPARE(failed.error(), make_error_code(PoolErrc::WorkerThrew));
    QCOMPARE(failed.message(), std::string("negative"));
    QCOMPARE(pool.processTimed(200, 5ms).error(), make_error_code(PoolErrc::JobTimedOut));
    pool.pool().close();
    QCOMPARE(pool.processTimed(1, 5s).error(), make_error_code(PoolErrc::PoolNotRunning));
}

void TestTypedPool::submitDeliversTypedResults()
{
    TypedPool<int, int> pool(2, [](int n) { return n * n; });
    std::atomic<int> sum{0};
    std::atomic<int> done{0};
    for (int i = 1; i <= 10; ++i)
        pool.submit(Context(), i, [&](Result<int> r) {
            sum += r.value();
            ++done;
        });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 10, 20000);
    QCOMPARE(sum.load(), 385);
}

QTEST_GUILESS_MAIN(TestTypedPool)
#include "tst_typedpool.moc"
