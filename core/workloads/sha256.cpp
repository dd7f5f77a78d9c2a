#include "sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace shoal {

void Sha256::CtxFree::operator()(evp_md_ctx_st* ctx) const noexcept
{
    EVP_MD_CTX_free(ctx);
}

void Sha256::MdFree::operator()(evp_md_st* md) const noexcept
{
    EVP_MD_free(md);
}

Sha256::Sha256()
    // Fetching once avoids OpenSSL 3's implicit fetch (a locked lookup) on every init.
    : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
    , m_ctx(EVP_MD_CTX_new())
{
    if (!m_md || !m_ctx)
        throw std::runtime_error("libcrypto provides no SHA-256");
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    if (EVP_DigestInit_ex2(m_ctx.get(), m_md.get(), nullptr) != 1)
        throw std::runtime_error("EVP_DigestInit_ex2 failed");
}

void Sha256::update(const void* data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(m_ctx.get(), data, size) != 1)
        throw std::runtime_error("EVP_DigestUpdate failed");
}

Sha256::Digest Sha256::finish()
{
    Digest digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_ctx.get(), digest.data(), &length) != 1 || length != digest.size())
        throw std::runtime_error("EVP_DigestFinal_ex failed");
    return digest;
}

Sha256::Digest Sha256::of(QByteArrayView bytes)
{
    Sha256 sha;
    sha.update(bytes);
    return sha.finish();
}

QByteArray Sha256::toHex(const Digest& digest)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(digest.data()),
                                   static_cast<qsizetype>(digest.size()))
        .toHex();
}

} // namespace shoal
