// The workloads against outside references, each pair measured in the same run and interleaved
// so that a busy machine hurts both sides alike:
//   hash     - a Pool of 2 hash workers on 1 MiB payloads vs `openssl speed -evp sha256 -multi 2`
//   image    - a Pool of 2 image workers (JPEG/PNG -> 256 px PNG) vs `vipsthumbnail` in 2
//              processes (xargs -P2) on the same files
//   limiter  - the rate a Pool of 4 workers sharing one RateLimiter achieves over a window
// Options: --only hash|image|limiter, --seconds S (hash, per run), --repeats N (hash and image),
// --image-jobs N (thumbnails per run, rounded up to whole passes over the files),
// --limiter-seconds S, --limits a,b,c, --burst B. Google Benchmark's --benchmark_* options
// (passed by scripts/bench) are ignored.

#include "benchcommandline.h"

#include "pool/pool.h"
#include "workloads/corpusgenerator.h"
#include "workloads/hashworker.h"
#include "workloads/imageworkload.h"
#include "workloads/ratelimiter.h"
#include "workloads/syntheticworkload.h"
#include "workloads/workload.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    QString only;                               ///< empty = every section
    double hashSeconds = 2;                     ///< per measured run
    int repeats = 4;                            ///< interleaved runs per side
    int imageJobs = 120;                        ///< thumbnails per run, at least
    double limiterSeconds = 10;                 ///< the measured window
    QList<double> limits{10, 100, 1000, 20000}; ///< events per second
    int burst = 1;                              ///< limiter bucket size
};

[[noreturn]] void fail(const QString& why)
{
    bench::fail("bench_workloads", why);
}

Options parse(const QStringList& args)
{
    Options o;
    for (const auto& [a, v] : bench::options(args, "bench_workloads")) {
        if (a == QStringLiteral("--only"))
            o.only = v;
        else if (a == QStringLiteral("--seconds"))
            o.hashSeconds = v.toDouble();
        else if (a == QStringLiteral("--repeats"))
            o.repeats = std::max(1, v.toInt());
        else if (a == QStringLiteral("--image-jobs"))
            o.imageJobs = std::max(1, v.toInt());
        else if (a == QStringLiteral("--limiter-seconds"))
            o.limiterSeconds = v.toDouble();
        else if (a == QStringLiteral("--burst"))
            o.burst = v.toInt();
        else if (a == QStringLiteral("--limits")) {
            o.limits.clear();
            for (const QString& s : v.split(QLatin1Char(',')))
                o.limits << s.toDouble();
        } else
            fail(QStringLiteral("unknown option ") + a);
    }
    return o;
}

double median(std::vector<double> xs)
{
    std::sort(xs.begin(), xs.end());
    const auto n = xs.size();
    return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

QString joined(const std::vector<double>& xs, int decimals)
{
    QStringList parts;
    for (const double x : xs)
        parts << QString::number(x, 'f', decimals);
    return parts.join(QStringLiteral(", "));
}

/// Runs \a program; its standard output, or nullopt if it could not run or failed.
std::optional<QByteArray> runProgram(const QString& program, const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, args);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardError().constData());
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

// --- hash --------------------------------------------------------------------------------------

/// `openssl speed -evp sha256 -multi 2` on 1 MiB blocks, in MB/s (10^6 bytes), both processes
/// together; nullopt if openssl is missing.
std::optional<double> opensslMBps(double seconds)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return std::nullopt;
    const auto out = runProgram(openssl, {QStringLiteral("speed"), QStringLiteral("-evp"),
                                          QStringLiteral("sha256"), QStringLiteral("-multi"),
                                          QStringLiteral("2"), QStringLiteral("-bytes"),
                                          QStringLiteral("1048576"), QStringLiteral("-seconds"),
                                          QString::number(std::max(1, qRound(seconds)))});
    if (!out)
        return std::nullopt;
    // The summary line: "sha256   580561.58k" (thousands of bytes per second).
    static const QRegularExpression line(QStringLiteral("^sha256\\s+([0-9.]+)k\\s*$"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromLatin1(*out));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble() / 1000.0;
}

/// A Pool of 2 hash workers kept busy with 1 MiB payloads for \a seconds, in MB/s.
double poolHashMBps(double seconds)
{
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("hash"),
                                 {{QStringLiteral("payloadBytes"), 1 << 20}}, nullptr, error);
    Pool pool(2, [&] { return workload->makeWorker(); });
    // Warm up: each worker expands its payload buffer once.
    for (int i = 0; i < 8; ++i)
        pool.process(workload->makePayload(0));

    std::atomic<bool> stop{false};
    std::atomic<qint64> bytes{0};
    std::vector<std::thread> callers;
    const auto started = Clock::now();
    for (int c = 0; c < 4; ++c) {
        callers.emplace_back([&] {
            while (!stop.load(std::memory_order_relaxed)) {
                const auto r = std::any_cast<HashResult>(pool.process(workload->makePayload(0)));
                bytes.fetch_add(r.bytes, std::memory_order_relaxed);
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : callers)
        t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    return static_cast<double>(bytes.load()) / elapsed / 1e6;
}

void benchHash(const Options& o)
{
    std::printf("\n== hash: SHA-256 of 1 MiB payloads, 2 workers vs openssl speed -multi 2\n");
    // Short runs in adjacent pairs, alternating which goes first: on a shared machine the speed
    // drifts, and the ratio within a pair is steadier than the ratio of two medians.
    std::vector<double> ours, theirs, ratios;
    for (int r = 0; r < o.repeats; ++r) {
        std::optional<double> openssl;
        double pool = 0;
        if (r % 2 == 0) {
            openssl = opensslMBps(o.hashSeconds);
            pool = poolHashMBps(o.hashSeconds);
        } else {
            pool = poolHashMBps(o.hashSeconds);
            openssl = opensslMBps(o.hashSeconds);
        }
        ours.push_back(pool);
        if (openssl) {
            theirs.push_back(*openssl);
            ratios.push_back(pool / *openssl);
        }
    }
    std::printf("pool of 2 HashWorkers                              MB/s: %s (median %.1f)\n",
                qPrintable(joined(ours, 1)), median(ours));
    if (theirs.empty()) {
        std::printf("openssl speed: not available\n");
        return;
    }
    std::printf("openssl speed -evp sha256 -multi 2 -bytes 1048576  MB/s: %s (median %.1f)\n",
                qPrintable(joined(theirs, 1)), median(theirs));
    std::printf("ratio per pair: %s; median %.3f (median / median: %.3f, best / best: %.3f)\n",
                qPrintable(joined(ratios, 3)), median(ratios), median(ours) / median(theirs),
                *std::max_element(ours.begin(), ours.end()) /
                    *std::max_element(theirs.begin(), theirs.end()));
}

// --- image -------------------------------------------------------------------------------------

/// Thumbnails per second from a Pool of 2 image workers over every file of \a folder, \a rounds
/// times each.
/// A run's throughput and the mean size of the thumbnails it made.
struct ImageRun {
    double perSecond = 0;
    double meanBytes = 0;
};

ImageRun poolThumbnails(const QString& folder, int rounds, const QString& outputFolder)
{
    ParamError error;
    auto workload = ImageWorkload::create({{QStringLiteral("folder"), folder},
                                           {QStringLiteral("targetSize"), 256},
                                           {QStringLiteral("format"), QStringLiteral("png")},
                                           {QStringLiteral("outputFolder"), outputFolder}},
                                          nullptr, error);
    if (!workload)
        fail(QStringLiteral("image workload refused ") + error.param + QStringLiteral(" ") +
             error.detail);
    const auto total = static_cast<quint64>(workload->corpus()->size() * rounds);
    Pool pool(2, [&] { return workload->makeWorker(); });
    // Warm up: loads the codec plugins and sizes each worker's buffers, as a long run would have.
    for (quint64 n = 0; n < 4; ++n)
        pool.process(workload->makePayload(n));
    std::atomic<quint64> next{0};
    std::atomic<int> failures{0};
    std::atomic<qint64> bytes{0};
    std::vector<std::thread> callers;
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < 4; ++c) {
        callers.emplace_back([&] {
            for (quint64 n; (n = next.fetch_add(1)) < total;) {
                const auto r = pool.processCtx(Context::background(), workload->makePayload(n));
                if (r.ok())
                    bytes.fetch_add(std::any_cast<ThumbnailResult>(r.value()).encodedBytes);
                else
                    failures.fetch_add(1);
            }
        });
    }
    for (auto& t : callers)
        t.join();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (failures.load() > 0)
        fail(QStringLiteral("%1 thumbnails failed").arg(failures.load()));
    return {static_cast<double>(total) / seconds,
            static_cast<double>(bytes.load()) / static_cast<double>(total)};
}

/// The same job with vipsthumbnail in 2 processes; nullopt if it is not installed.
std::optional<ImageRun> vipsThumbnails(const QStringList& files, int rounds)
{
    const QString vips = QStandardPaths::findExecutable(QStringLiteral("vipsthumbnail"));
    if (vips.isEmpty())
        return std::nullopt;
    QTemporaryDir out;
    QStringList list;
    for (int r = 0; r < rounds; ++r)
        list << files;
    QTemporaryDir listDir;
    QFile listFile(listDir.filePath(QStringLiteral("files")));
    if (!listFile.open(QIODevice::WriteOnly))
        return std::nullopt;
    listFile.write((list.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    listFile.close();
    const int perProcess = static_cast<int>((list.size() + 1) / 2);
    const QString command =
        QStringLiteral("xargs -P2 -n %1 -d '\\n' %2 --size 256 -o '%3/%s.png' < '%4'")
            .arg(perProcess)
            .arg(vips, out.path(), listFile.fileName());
    QElapsedTimer timer;
    timer.start();
    if (!runProgram(QStringLiteral("bash"), {QStringLiteral("-c"), command}))
        return std::nullopt;
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    qint64 bytes = 0;
    const QFileInfoList made = QDir(out.path()).entryInfoList(QDir::Files);
    for (const QFileInfo& info : made)
        bytes += info.size();
    return ImageRun{static_cast<double>(list.size()) / seconds,
                    made.isEmpty() ? 0.0 : static_cast<double>(bytes) / made.size()};
}

void benchImageSet(const QString& title, const QString& folder, const QStringList& files,
                   const Options& o)
{
    const int rounds = static_cast<int>((o.imageJobs + files.size() - 1) / files.size());
    std::printf("\n-- %s: %lld files, %d passes (%lld thumbnails) per run\n", qPrintable(title),
                static_cast<long long>(files.size()), rounds,
                static_cast<long long>(files.size() * rounds));
    QTemporaryDir saved;
    std::vector<double> ours, oursSaving, theirs;
    double ourBytes = 0;
    double theirBytes = 0;
    for (int r = 0; r < o.repeats; ++r) {
        if (const auto run = vipsThumbnails(files, rounds)) {
            theirs.push_back(run->perSecond);
            theirBytes = run->meanBytes;
        }
        const ImageRun inMemory = poolThumbnails(folder, rounds, QString());
        ours.push_back(inMemory.perSecond);
        ourBytes = inMemory.meanBytes;
        oursSaving.push_back(poolThumbnails(folder, rounds, saved.path()).perSecond);
    }
    std::printf("pool of 2 ImageWorkers (in memory)   thumbnails/s: %s (median %.1f), "
                "mean PNG %.0f bytes\n",
                qPrintable(joined(ours, 1)), median(ours), ourBytes);
    std::printf("pool of 2 ImageWorkers (saving PNGs) thumbnails/s: %s (median %.1f)\n",
                qPrintable(joined(oursSaving, 1)), median(oursSaving));
    if (theirs.empty()) {
        std::printf("vipsthumbnail: not available\n");
        return;
    }
    std::printf("vipsthumbnail --size 256, xargs -P2  thumbnails/s: %s (median %.1f), "
                "mean PNG %.0f bytes\n",
                qPrintable(joined(theirs, 1)), median(theirs), theirBytes);
    std::printf("ratio in memory / vips: %.2f, saving / vips: %.2f\n",
                median(ours) / median(theirs), median(oursSaving) / median(theirs));
}

void benchImage(const Options& o)
{
    std::printf(
        "\n== image: decode -> 256 px box -> PNG, 2 workers vs vipsthumbnail in 2 processes\n");
    const auto outcome =
        CorpusGenerator::ensure(CorpusGenerator::defaultRoot(), CorpusGenerator::defaultSpec(), 1);
    if (!outcome.error.isEmpty())
        fail(outcome.error);
    std::printf("corpus: %s%s\n", qPrintable(outcome.folder),
                outcome.generated ? " (generated now)" : "");

    const QDir dir(outcome.folder);
    QStringList all;
    QStringList hdJpeg;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QImageReader reader(path);
        all << path;
        if (reader.format() == "jpeg" && reader.size() == QSize(1920, 1080))
            hdJpeg << path;
    }
    // The subset gets a folder of its own (links to the same files), for the workload to scan.
    QTemporaryDir subset;
    for (const QString& path : hdJpeg)
        QFile::link(path, subset.filePath(QFileInfo(path).fileName()));

    benchImageSet(QStringLiteral("1920x1080 JPEG only"), subset.path(), hdJpeg, o);
    benchImageSet(QStringLiteral("whole corpus (JPEG and PNG, 1920x1080 and 4000x3000)"),
                  outcome.folder, all, o);
}

// --- limiter -----------------------------------------------------------------------------------

void benchLimiter(const Options& o)
{
    std::printf("\n== limiter: achieved rate of a Pool of 4 workers sharing one RateLimiter "
                "(burst %d, %.0f s window)\n",
                o.burst, o.limiterSeconds);
    std::printf("%12s %14s %10s\n", "limit/s", "achieved/s", "error");
    for (const double limit : o.limits) {
        auto limiter = std::make_shared<RateLimiter>(limit, o.burst);
        ParamError error;
        auto workload = makeWorkload(QStringLiteral("synthetic"), {{QStringLiteral("meanMs"), 0}},
                                     limiter, error);
        Pool pool(4, [&] { return workload->makeWorker(); });
        std::atomic<bool> stop{false};
        std::atomic<qint64> done{0};
        std::vector<std::thread> callers;
        for (int c = 0; c < 8; ++c) {
            callers.emplace_back([&] {
                while (!stop.load(std::memory_order_relaxed)) {
                    pool.process(workload->makePayload(0));
                    done.fetch_add(1, std::memory_order_relaxed);
                }
            });
        }
        // The window opens at the first completion, after the initial burst has drained.
        while (done.load() < o.burst + 1)
            std::this_thread::sleep_for(100us);
        const qint64 first = done.load();
        const auto opened = Clock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(o.limiterSeconds));
        const qint64 last = done.load();
        const double seconds = std::chrono::duration<double>(Clock::now() - opened).count();
        stop = true;
        limiter->setLimit(RateLimiter::Inf); // let the callers out quickly
        for (auto& t : callers)
            t.join();
        const double rate = static_cast<double>(last - first) / seconds;
        std::printf("%12.0f %14.2f %9.2f%%\n", limit, rate, (rate - limit) / limit * 100);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app.arguments());
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (options.only.isEmpty() || options.only == QStringLiteral("hash"))
        benchHash(options);
    if (options.only.isEmpty() || options.only == QStringLiteral("image"))
        benchImage(options);
    if (options.only.isEmpty() || options.only == QStringLiteral("limiter"))
        benchLimiter(options);
    return 0;
}
