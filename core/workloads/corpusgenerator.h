#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace shoal {

/// Makes the image workload's default corpus: synthetic photo-like pictures (sky and ground
/// gradients, a sun, hills, translucent shapes, a sign with rows of text-like marks, sensor
/// noise), fully determined by a seed, written once into a cache folder and reused afterwards.
///
/// It paints no real text: QPainter's text needs fonts, and fonts need a QGuiApplication, while
/// the corpus must also be made in headless runs under a plain QCoreApplication.
class CorpusGenerator {
public:
    /// One picture of a corpus.
    struct Image {
        QSize size;        ///< in pixels
        QByteArray format; ///< "jpeg" or "png"
    };
    /// A corpus layout; the name is part of the folder name, so a changed layout gets a new one.
    struct Spec {
        QString name;         ///< e.g. "v1"
        QList<Image> images;  ///< in file order
        int jpegQuality = 90; ///< for the JPEG files
    };
    /// The outcome of ensure().
    struct Outcome {
        QString folder;         ///< holds the corpus when error is empty
        bool generated = false; ///< false when a complete corpus was already there
        QString error;          ///< what failed, with the path; empty on success
    };

    /// The default corpus, "v1": twelve pictures, 1920x1080 (one 1080x1920) and 4000x3000,
    /// three in four JPEG and the rest PNG.
    static Spec defaultSpec();
    /// Where corpora are cached: QStandardPaths::CacheLocation + "/image-corpus" (the temporary
    /// folder if there is no cache location).
    static QString defaultRoot();
    /// \a root + "/corpus-<name>-<seed>".
    static QString folderFor(const QString& root, const Spec& spec, quint64 seed);

    /// Returns the folder of the corpus \a spec with \a seed under \a root, generating it first
    /// unless a complete one is there. Each file is written through QSaveFile and a marker file
    /// last, so a generation killed half-way leaves no partial file and is redone next time.
    /// Blocks (seconds for the default corpus); calls are serialised within the process.
    static Outcome ensure(const QString& root, const Spec& spec, quint64 seed);

    /// Paints one picture of \a size from \a seed; the same arguments give the same pixels.
    /// Any thread; needs no QGuiApplication.
    static QImage render(QSize size, quint64 seed);
};

} // namespace shoal
