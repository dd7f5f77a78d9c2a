#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <utility>

/// What the plain benchmark programs (bench_lab, bench_ui, bench_workloads) share of their
/// command lines: `--name value` options, with Google Benchmark's `--benchmark_*` options left
/// out (scripts/bench passes those to every benchmark).
namespace bench {

/// Prints "<program>: <why>" on stderr and exits with status 2.
[[noreturn]] inline void fail(const char* program, const QString& why)
{
    std::fprintf(stderr, "%s: %s\n", program, qPrintable(why));
    std::exit(2);
}

/// The `--name value` pairs of \a args (the program name first), in order; fails naming the
/// option when its value is missing.
inline QList<std::pair<QString, QString>> options(const QStringList& args, const char* program)
{
    QList<std::pair<QString, QString>> pairs;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& name = args[i];
        if (name.startsWith(QStringLiteral("--benchmark_")))
            continue;
        if (i + 1 >= args.size())
            fail(program, QStringLiteral("%1 needs a value").arg(name));
        pairs.append({name, args[++i]});
    }
    return pairs;
}

} // namespace bench
