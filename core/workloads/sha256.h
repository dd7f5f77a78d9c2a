#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

struct evp_md_ctx_st;
struct evp_md_st;

namespace shoal {

/// SHA-256 through OpenSSL's libcrypto, owning one reusable EVP_MD_CTX (and the fetched
/// algorithm) for its whole life, so a worker hashing many payloads allocates nothing per job.
/// Not thread-safe: one instance per thread (one per worker).
class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    /// Throws std::runtime_error if libcrypto cannot provide SHA-256.
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    /// Starts a new digest, dropping any unfinished one.
    void reset();
    /// Feeds \a size bytes at \a data.
    void update(const void* data, std::size_t size);
    void update(QByteArrayView bytes)
    {
        update(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    /// Ends the digest and returns it; call reset() before the next one.
    Digest finish();

    /// The digest of \a bytes in one go.
    static Digest of(QByteArrayView bytes);
    /// \a digest as lowercase hex, as sha256sum prints it.
    static QByteArray toHex(const Digest& digest);

private:
    struct CtxFree {
        void operator()(evp_md_ctx_st* ctx) const noexcept;
    };
    struct MdFree {
        void operator()(evp_md_st* md) const noexcept;
    };

    std::unique_ptr<evp_md_st, MdFree> m_md;       ///< SHA-256, fetched once
    std::unique_ptr<evp_md_ctx_st, CtxFree> m_ctx; ///< reused for every digest
};

} // namespace shoal
