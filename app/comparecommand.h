#pragma once

#include "commandline.h"

/// `shoal-lab --compare A B`: reads both run files (strictly, as the window opens them) and
/// prints the comparison table on stdout. A file that is refused is named on stderr with the
/// reason, and the exit status is 2. With --report, also writes the comparison as an HTML page
/// (checked writable first: 2 naming it; a failed write: 1), which needs a QApplication.
class CompareCommand {
public:
    /// Returns the exit status: 0, or 2 for a refused file.
    static int exec(const CommandLine::Options& options);
};
