#pragma once

#include "poolerror.h"

#include <string>
#include <system_error>
#include <utility>
#include <variant>

namespace shoal {

/// A value or an error code in the shoal category (plus, for WorkerThrew, the exception's
/// message). Cheap to move; safe to hand between threads once constructed.
template <class T>
class Result {
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(std::error_code error, std::string message = {})
        : m_state(Failure{error, std::move(message)})
    {}
    Result(PoolErrc error)
        : Result(make_error_code(error))
    {}

    bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    /// The error, or a default (false) error_code when ok().
    std::error_code error() const noexcept
    {
        return ok() ? std::error_code{} : std::get<1>(m_state).code;
    }
    /// Detail for the error: the exception's what() for WorkerThrew, empty otherwise.
    const std::string& message() const noexcept
    {
        static const std::string none;
        return ok() ? none : std::get<1>(m_state).message;
    }

    /// The value; throws PoolError with the error when there is none.
    T& value() &
    {
        throwIfFailed();
        return std::get<0>(m_state);
    }
    const T& value() const&
    {
        throwIfFailed();
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        throwIfFailed();
        return std::get<0>(std::move(m_state));
    }

private:
    struct Failure {
        std::error_code code; ///< never a default code
        std::string message;  ///< optional detail
    };
    void throwIfFailed() const
    {
        if (!ok())
            throw PoolError(std::get<1>(m_state).code, std::get<1>(m_state).message);
    }

    std::variant<T, Failure> m_state; ///< the value or why there is none
};

} // namespace shoal
