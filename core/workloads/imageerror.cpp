#include "imageerror.h"

namespace shoal {

QString imageErrcName(ImageErrc code)
{
    switch (code) {
    case ImageErrc::None:
        return QStringLiteral("none");
    case ImageErrc::Empty:
        return QStringLiteral("empty");
    case ImageErrc::NotAnImage:
        return QStringLiteral("not-an-image");
    case ImageErrc::UnsupportedFormat:
        return QStringLiteral("unsupported-format");
    case ImageErrc::Corrupt:
        return QStringLiteral("corrupt");
    case ImageErrc::Truncated:
        return QStringLiteral("truncated");
    case ImageErrc::TooLarge:
        return QStringLiteral("too-large");
    case ImageErrc::ReadFailed:
        return QStringLiteral("read-failed");
    case ImageErrc::EncodeFailed:
        return QStringLiteral("encode-failed");
    case ImageErrc::WriteFailed:
        return QStringLiteral("write-failed");
    case ImageErrc::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("unknown");
}

ImageError::ImageError(ImageErrc code, const QString& reason)
    : std::runtime_error(QString(imageErrcName(code) + QStringLiteral(": ") + reason).toStdString())
    , m_code(code)
{}

} // namespace shoal
