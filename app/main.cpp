#include "commandline.h"
#include "comparecommand.h"
#include "desktoplaunch.h"
#include "headlessrun.h"

#include "lab/presetlibrary.h"
#include "lab/runexport.h"
#include "text/errortext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

void listPresets()
{
    QTextStream out(stdout);
    const QList<shoal::Scenario>& presets = shoal::PresetLibrary::builtins();
    qsizetype width = 0;
    for (const auto& preset : presets)
        width = std::max(width, preset.name.size());
    for (const auto& preset : presets) {
        QString line = preset.name.leftJustified(width + 2) + preset.description;
        if (preset.name == shoal::Scenario::defaultPresetName())
            line += QCoreApplication::translate("main", " (default)");
        out << line << '\n';
    }
}

/// The application object of a run without a window: a QCoreApplication, or for --report,
/// whose charts are the window's widgets drawn offscreen, a QApplication on the offscreen
/// platform, so that no display is needed. Null, after saying why, when the report cannot be
/// written.
std::unique_ptr<QCoreApplication> headlessApp(const CommandLine::Options& options, int& argc,
                                              char* argv[])
{
    if (options.reportPath.isEmpty())
        return std::make_unique<QCoreApplication>(argc, argv);
    // Refused before the platform starts, which may have warnings of its own to print.
    if (const shoal::FileError e = shoal::RunExport::checkWritable(options.reportPath)) {
        std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(ErrorText::file(e)));
        return nullptr;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    auto app = std::make_unique<QApplication>(argc, argv);
#if defined(__SANITIZE_THREAD__)
    // Qt Gui splits painting and image conversion over Qt's global pool and hands the parts
    // over with its own futex-based locks, which ThreadSanitizer cannot see: a TSan build draws
    // the report's charts on one pool thread, so that what it reports is Shoal's (the widget
    // tests do the same).
    QThreadPool::globalInstance()->setMaxThreadCount(1);
#endif
    return app;
}

} // namespace

int main(int argc, char* argv[])
{
    // Parsed before any application object exists: the desktop mode and --report need a
    // QApplication, the others only a QCoreApplication.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCoreApplication::setApplicationName(QStringLiteral("shoal-lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHOAL_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Shoal"));

    CommandLine commandLine;
    if (!commandLine.parse(arguments)) {
        std::fprintf(stderr, "shoal-lab: %s\n", qPrintable(commandLine.error()));
        return HeadlessRun::BadInput;
    }
    const CommandLine::Options& options = commandLine.options();
    switch (options.mode) {
    case CommandLine::Mode::Help: {
        QCoreApplication app(argc, argv); // names the program in the usage line
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return HeadlessRun::Success;
    }
    case CommandLine::Mode::Version:
        std::printf("shoal-lab %s\n", SHOAL_VERSION);
        return HeadlessRun::Success;
    case CommandLine::Mode::ListPresets: {
        QCoreApplication app(argc, argv);
        listPresets();
        return HeadlessRun::Success;
    }
    case CommandLine::Mode::Headless: {
        const std::unique_ptr<QCoreApplication> app = headlessApp(options, argc, argv);
        if (!app)
            return HeadlessRun::BadInput;
        HeadlessRun run(options);
        return run.exec();
    }
    case CommandLine::Mode::Compare: {
        const std::unique_ptr<QCoreApplication> app = headlessApp(options, argc, argv);
        if (!app)
            return HeadlessRun::BadInput;
        return CompareCommand::exec(options);
    }
    case CommandLine::Mode::Desktop:
        break;
    }
    QApplication app(argc, argv);
    // The installed theme's icon, else the same drawing compiled in.
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("dev.shoal.ShoalLab"),
                         QIcon(QStringLiteral(":/icons/dev.shoal.ShoalLab.svg"))));
    QGuiApplication::setDesktopFileName(QStringLiteral("dev.shoal.ShoalLab"));
    DesktopLaunch launch(options);
    return launch.exec();
}
