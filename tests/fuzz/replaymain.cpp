// Runs a fuzz target's LLVMFuzzerTestOneInput once on every file of the folders given as
// arguments (its seed corpus and its regressions), as libFuzzer does when given files. Linked
// with one fuzz_<target>.cpp into fuzz_replay_<target>, a normal test executable: any build
// replays the corpus, under whatever sanitizer it was built with. A crash or a failed property
// aborts, which fails the test.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Optional in a target, as in libFuzzer.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FOLDER...\n", argv[0]);
        return 2;
    }
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const QString folder = QString::fromLocal8Bit(argv[i]);
        if (!QDir(folder).exists()) {
            std::fprintf(stderr, "%s: no such folder\n", argv[i]);
            return 2;
        }
        QStringList paths;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
        paths.sort(); // a failure names the same file on every run
        for (const QString& path : paths) {
            if (path.endsWith(QStringLiteral("/.gitkeep")))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: unreadable\n", qPrintable(path));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(path));
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                   static_cast<std::size_t>(bytes.size()));
            ++files;
        }
    }
    std::fprintf(stderr, "replayed %d files\n", files);
    return files > 0 ? 0 : 1;
}
