#pragma once

#include <sys/resource.h>

#include <csignal>

namespace shoal::test {

/// A full disk, as the export tests simulate it (for root too): while it lives, the process may
/// write files of at most the given size, and a write past it fails with EFBIG instead of
/// raising SIGXFSZ. The destructor puts back the previous limit and signal disposition.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_applied = getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = m_saved;
        small.rlim_cur = bytes;
        m_applied = m_applied && setrlimit(RLIMIT_FSIZE, &small) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    /// Whether the limit is in force.
    bool applied() const { return m_applied; }

private:
    rlimit m_saved{};                    ///< the limit before
    void (*m_oldHandler)(int) = SIG_DFL; ///< SIGXFSZ's disposition before
    bool m_applied = false;              ///< see applied()
};

} // namespace shoal::test
