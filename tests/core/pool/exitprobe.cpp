// A child process for tst_poolsafety: uses the pool where process exit makes it hard, and exits
// with 0 only if everything behaved.
#include "pool/context.h"
#include "pool/pool.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

void fail(const char* what)
{
    std::fprintf(stderr, "exitprobe: %s\n", what);
    std::fflush(stderr);
    std::_Exit(3);
}

/// Destroyed after every static made later, the deadline timer included: uses a pool there.
struct UsesThePoolAtExit {
    ~UsesThePoolAtExit()
    {
        auto pool = Pool::fromFunction(1, [](std::any p) {
            if (std::any_cast<int>(p) < 0)
                std::this_thread::sleep_for(200ms);
            return p;
        });
        if (!pool->processTimed(1, 10s).ok())
            fail("processTimed failed during static destruction");
        std::atomic<bool> timedOut{false};
        pool->submitTimed(-1, 1ms, [&](Result<std::any> r) {
            timedOut = r.error() == make_error_code(PoolErrc::JobTimedOut);
        });
        const Context ctx = Context::withTimeout(Context(), 5ms);
        if (!ctx.waitUntil(std::chrono::steady_clock::now() + 10s) || !ctx.isDone())
            fail("a context deadline never came during static destruction");
        pool->close();
        if (!timedOut)
            fail("a timed call never timed out during static destruction");
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    if (std::strcmp(argv[1], "static-destruction") == 0) {
        static UsesThePoolAtExit user; // made before the timer, so destroyed after it
        const Context ctx = Context::withTimeout(Context(), 1ms);
        (void)ctx.waitUntil();
        return 0;
    }
    if (std::strcmp(argv[1], "exit-from-timer") == 0) {
        auto pool = Pool::fromFunction(1, [](std::any p) {
            std::this_thread::sleep_for(100ms);
            return p;
        });
        pool->submitTimed(1, 1ms, [](Result<std::any>) { std::exit(0); });
        std::this_thread::sleep_for(30s);
        return 4;
    }
    return 2;
}
