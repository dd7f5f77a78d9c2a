#include "callcontexts.h"

namespace shoal {

using namespace std::chrono_literals;

CallContexts::CallContexts()
    : m_drop(Context::withCancel(Context::background()))
    , m_ctxParent(Context::withCancel(m_drop))
{}

Context CallContexts::forCtxCall(std::chrono::nanoseconds timeout)
{
    Context parent;
    {
        std::lock_guard lock(m_mutex);
        parent = m_ctxParent;
    }
    return timeout > 0ns ? Context::withTimeout(parent, timeout) : Context::withCancel(parent);
}

void CallContexts::cancelCtxCalls()
{
    Context old;
    {
        std::lock_guard lock(m_mutex);
        old = m_ctxParent;
        m_ctxParent = Context::withCancel(m_drop);
    }
    old.cancel();
}

} // namespace shoal
