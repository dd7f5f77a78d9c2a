#pragma once

#include <QString>

#include <stdexcept>

namespace shoal {

/// Why an image job produced no thumbnail.
enum class ImageErrc {
    None,              ///< it did
    Empty,             ///< zero-byte input
    NotAnImage,        ///< no image format recognised the data
    UnsupportedFormat, ///< an image, but neither JPEG nor PNG
    Corrupt,           ///< the header or the data could not be decoded
    Truncated,         ///< the data ends before the image does
    TooLarge,          ///< more pixels (or bytes) than allowed; refused before decoding
    ReadFailed,        ///< the file could not be read
    EncodeFailed,      ///< the thumbnail could not be encoded
    WriteFailed,       ///< the thumbnail could not be saved to the output folder
    Interrupted,       ///< the caller gave up; the job stopped between stages
};

/// A stable lowercase name for \a code ("truncated", "too-large", ...), for logs and CSV.
QString imageErrcName(ImageErrc code);

/// Thrown by the image worker for a bad input, so that the pool reports the call as failed
/// (WorkerThrew) with what() as the message: "<name>: <reason>".
class ImageError : public std::runtime_error {
public:
    ImageError(ImageErrc code, const QString& reason);
    ImageErrc code() const noexcept { return m_code; }

private:
    ImageErrc m_code = ImageErrc::None; ///< why
};

} // namespace shoal
