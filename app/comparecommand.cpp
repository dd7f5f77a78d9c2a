#include "comparecommand.h"

#include "headlessrun.h"

#include "lab/runcomparison.h"
#include "lab/runexport.h"
#include "lab/runfile.h"
#include "text/comparisontext.h"
#include "text/errortext.h"
#include "ui/runreport.h"

#include <cstdio>
#include <optional>

int CompareCommand::exec(const CommandLine::Options& options)
{
    if (!options.reportPath.isEmpty()) {
        if (const shoal::FileError e = shoal::RunExport::checkWritable(options.reportPath)) {
            std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(ErrorText::file(e)));
            return HeadlessRun::BadInput;
        }
    }
    std::optional<shoal::RunRecord> runs[2];
    for (int i = 0; i < 2; ++i) {
        shoal::RunFileError error;
        runs[i] = shoal::RunFile::read(options.compared.at(i), &error);
        if (!runs[i]) {
            std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(ErrorText::runFile(error)));
            return HeadlessRun::BadInput;
        }
    }
    const shoal::RunComparison comparison = shoal::compareRuns(*runs[0], *runs[1]);
    std::fputs(qPrintable(ComparisonText::format(comparison, {options.compared.at(0), &*runs[0]},
                                                 {options.compared.at(1), &*runs[1]})),
               stdout);
    std::fflush(stdout);
    if (!options.reportPath.isEmpty()) {
        if (const shoal::FileError e = RunReport::write(
                options.reportPath, RunReport::compare(*runs[0], options.compared.at(0), *runs[1],
                                                       options.compared.at(1)))) {
            std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(ErrorText::file(e)));
            return HeadlessRun::RunFailed;
        }
    }
    return HeadlessRun::Success;
}
