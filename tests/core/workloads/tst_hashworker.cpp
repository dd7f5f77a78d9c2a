#include "pool/pool.h"
#include "workloads/hashworker.h"
#include "workloads/hashworkload.h"
#include "workloads/workload.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtTest>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Workload> hashWorkload(const QVariantMap& params = {})
{
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("hash"), params, nullptr, error);
    if (!workload)
        qFatal("hash workload refused its parameters");
    return workload;
}

HashResult hashThroughPool(Pool& pool, std::any payload)
{
    return std::any_cast<HashResult>(pool.process(std::move(payload)));
}

} // namespace

class TestHashWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byteArrayPayloadGivesItsSha256();
    void hashJobDigestMatchesQCryptographicHashOfItsExpansion();
    void hashJobDigestMatchesSha256sum();
    void expansionIsDeterministicAndSeeded();
    void workloadPayloadFollowsLiveParams();
    void repeatedJobsReuseTheExpandedBuffer();
    void interruptStopsWithinOneChunk();
    void otherPayloadTypesFailTheCall();
};

void TestHashWorker::byteArrayPayloadGivesItsSha256()
{
    auto workload = hashWorkload();
    Pool pool(2, [&] { return workload->makeWorker(); });
    const HashResult result = hashThroughPool(pool, QByteArray(1'000'000, 'a'));
    QCOMPARE(result.hex(),
             QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    QCOMPARE(result.bytes, 1'000'000);
    QVERIFY(!result.interrupted);
    QCOMPARE(hashThroughPool(pool, QByteArray("abc")).hex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestHashWorker::hashJobDigestMatchesQCryptographicHashOfItsExpansion()
{
    auto workload = hashWorkload();
    Pool pool(2, [&] { return workload->makeWorker(); });
    for (const HashJob job :
         {HashJob{1, 3}, HashJob{65536, 4}, HashJob{65537, 4}, HashJob{(1 << 20) + 5, 99}}) {
        const QByteArray bytes = HashWorker::expanded(job);
        QCOMPARE(bytes.size(), job.size);
        const HashResult result = hashThroughPool(pool, job);
        QCOMPARE(result.hex(), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(result.bytes, job.size);
    }
}

void TestHashWorker::hashJobDigestMatchesSha256sum()
{
#if defined(__SANITIZE_THREAD__)
    QSKIP("ThreadSanitizer cannot follow QProcess's fork of a multi-threaded process");
#endif
    const QString sha256sum = QStandardPaths::findExecutable(QStringLiteral("sha256sum"));
    QVERIFY2(!sha256sum.isEmpty(), "sha256sum (coreutils) is not on PATH");
    const HashJob job{300'001, 42};
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(HashWorker::expanded(job));
    file.flush();
    QProcess process;
    process.start(sha256sum, {file.fileName()});
    QVERIFY(process.waitForFinished(30000));
    const QByteArray expected = process.readAllStandardOutput().left(64);

    auto workload = hashWorkload();
    Pool pool(1, [&] { return workload->makeWorker(); });
    QCOMPARE(hashThroughPool(pool, job).hex(), expected);
}

void TestHashWorker::expansionIsDeterministicAndSeeded()
{
    const QByteArray a = HashWorker::expanded({4096, 7});
    QCOMPARE(HashWorker::expanded({4096, 7}), a);
    QVERIFY(HashWorker::expanded({4096, 8}) != a);
    QCOMPARE(HashWorker::expanded({1000, 7}), a.left(1000)); // a prefix of the same stream
    // Any 8-aligned piece can be made on its own.
    QByteArray piece(24, Qt::Uninitialized);
    HashWorker::expand(7, 2048, 24, piece.data());
    QCOMPARE(piece, a.mid(2048, 24));
}

void TestHashWorker::workloadPayloadFollowsLiveParams()
{
    auto workload =
        hashWorkload({{QStringLiteral("payloadBytes"), 1000}, {QStringLiteral("seed"), 5}});
    auto job = std::any_cast<HashJob>(workload->makePayload(0));
    QCOMPARE(job.size, 1000);
    QCOMPARE(job.seed, 5u);
    QVERIFY(!workload->setParam(QStringLiteral("payloadBytes"), 2048.0));
    job = std::any_cast<HashJob>(workload->makePayload(1));
    QCOMPARE(job.size, 2048);
    QCOMPARE(workload->params().value(QStringLiteral("payloadBytes")).toLongLong(), 2048);
}

void TestHashWorker::repeatedJobsReuseTheExpandedBuffer()
{
    // Alternating sizes and seeds must each give their own digest (no stale buffer).
    auto workload = hashWorkload();
    Pool pool(1, [&] { return workload->makeWorker(); });
    for (int round = 0; round < 3; ++round) {
        for (const HashJob job : {HashJob{100'000, 1}, HashJob{50'000, 1}, HashJob{50'000, 2}}) {
            QCOMPARE(hashThroughPool(pool, job).digest, Sha256::of(HashWorker::expanded(job)));
        }
    }
}

void TestHashWorker::interruptStopsWithinOneChunk()
{
    auto workload = hashWorkload();
    HashWorker* worker = nullptr;
    Pool pool(1, [&] {
        auto w = std::unique_ptr<Worker>(workload->makeWorker());
        worker = dynamic_cast<HashWorker*>(w.get());
        return w;
    });
    QVERIFY(worker);
    const HashJob job{qint64(256) << 20, 11};                 // far longer than the test waits
    QCOMPARE(hashThroughPool(pool, HashJob{1, 11}).bytes, 1); // warm up

    const Context ctx = Context::withCancel(Context::background());
    std::atomic<bool> settled{false};
    Result<std::any> outcome(PoolErrc::WorkerClosed);
    pool.submit(ctx, job, [&](Result<std::any> r) {
        outcome = std::move(r);
        settled.store(true, std::memory_order_release);
    });
    // Expanding the payload comes first; wait until hashing is well under way.
    QTRY_VERIFY_WITH_TIMEOUT(worker->bytesHashed() > 8 * HashWorker::ChunkBytes, 60000);
    const qint64 jobsBefore = worker->jobsDone();
    ctx.cancel();
    QTRY_VERIFY(settled.load(std::memory_order_acquire));
    QCOMPARE(outcome.error(), make_error_code(PoolErrc::Canceled));
    QTRY_COMPARE(worker->jobsDone(), jobsBefore + 1);

    const qint64 atInterrupt = worker->bytesHashedAtInterrupt();
    const qint64 atEnd = worker->bytesHashed();
    QVERIFY(atInterrupt >= 0);
    QVERIFY2(atEnd < job.size, "the job ran to the end");
    QVERIFY2(atEnd - atInterrupt <= HashWorker::ChunkBytes,
             qPrintable(QStringLiteral("%1 bytes after interrupt").arg(atEnd - atInterrupt)));

    // The worker serves the next caller normally.
    QCOMPARE(hashThroughPool(pool, QByteArray("abc")).hex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestHashWorker::otherPayloadTypesFailTheCall()
{
    auto workload = hashWorkload();
    Pool pool(1, [&] { return workload->makeWorker(); });
    const auto result = pool.processCtx(Context::background(), 42);
    QCOMPARE(result.error(), make_error_code(PoolErrc::WorkerThrew));
    QVERIFY(QString::fromStdString(result.message()).contains(QStringLiteral("payload")));
}

QTEST_GUILESS_MAIN(TestHashWorker)
#include "tst_hashworker.moc"
