#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

/// Writes images as PNG files the way every file here is written: atomically (QSaveFile), so a
/// failed write leaves what was there. GUI or any thread.
class PngFile {
    Q_DECLARE_TR_FUNCTIONS(PngFile)

public:
    /// Replaces the file at \a path with \a image; false with \a error naming the file and the
    /// reason when it cannot.
    static bool write(const QImage& image, const QString& path, QString* error);
};
