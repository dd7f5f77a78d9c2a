#pragma once

#include "pool.h"

#include <any>
#include <memory>
#include <utility>

namespace shoal {

/// A Worker that takes In and returns Out, for TypedPool.
template <class In, class Out>
class TypedWorker : public Worker {
public:
    /// As Worker::process(), typed.
    virtual Out work(In input) = 0;

private:
    std::any process(std::any payload) final
    {
        return std::any(work(std::any_cast<In>(std::move(payload))));
    }
};

/// A Pool whose call sites never see std::any: In goes in, Out comes out. Same threads, same
/// semantics, same errors; the underlying pool() is there for sizing, probes and close().
template <class In, class Out>
class TypedPool {
public:
    using Factory = std::function<std::unique_ptr<TypedWorker<In, Out>>()>;
    using Callback = std::function<void(Result<Out>)>;

    /// Every worker runs \a fn (tunny.NewFunc, typed).
    TypedPool(int size, std::function<Out(In)> fn)
        : m_pool(Pool::fromFunction(size, [fn = std::move(fn)](std::any payload) {
            return std::any(fn(std::any_cast<In>(std::move(payload))));
        }))
    {}
    /// One stateful worker per slot (tunny.New, typed).
    TypedPool(int size, Factory factory)
        : m_pool(std::make_unique<Pool>(
              size, [factory = std::move(factory)] { return std::unique_ptr<Worker>(factory()); }))
    {}

    Out process(In input) { return std::any_cast<Out>(m_pool->process(std::move(input))); }
    Result<Out> processTimed(In input, std::chrono::nanoseconds timeout)
    {
        return typed(m_pool->processTimed(std::move(input), timeout));
    }
    Result<Out> processCtx(const Context& ctx, In input)
    {
        return typed(m_pool->processCtx(ctx, std::move(input)));
    }
    void submit(const Context& ctx, In input, Callback onDone)
    {
        m_pool->submit(ctx, std::move(input), [onDone = std::move(onDone)](Result<std::any> r) {
            onDone(typed(std::move(r)));
        });
    }

    Pool& pool() noexcept { return *m_pool; }
    const Pool& pool() const noexcept { return *m_pool; }

private:
    static Result<Out> typed(Result<std::any> result)
    {
        if (!result.ok())
            return Result<Out>(result.error(), result.message());
        return Result<Out>(std::any_cast<Out>(std::move(result).value()));
    }

    std::unique_ptr<Pool> m_pool; ///< the untyped pool doing the work
};

} // namespace shoal
