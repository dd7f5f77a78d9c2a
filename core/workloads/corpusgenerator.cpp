#include "corpusgenerator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>

namespace shoal {
namespace {

const QString kMarker = QStringLiteral(".complete");

/// SplitMix64: tiny, fast, and specified bit for bit, so pictures are the same everywhere
/// (std:: distributions are not).
class Rng {
public:
    // The seed is mixed first: nearby seeds would otherwise give the same stream, shifted.
    explicit Rng(quint64 seed)
        : m_state(mix(seed ^ 0x5DEECE66DULL))
    {}
    quint64 next() { return mix(m_state += 0x9E3779B97F4A7C15ULL); }
    static quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// In [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    QColor hsv(double hLo, double hHi, double sLo, double sHi, double vLo, double vHi,
               int alpha = 255)
    {
        const auto clamped = [](double x) { return static_cast<float>(std::clamp(x, 0.0, 1.0)); };
        return QColor::fromHsvF(static_cast<float>(std::fmod(between(hLo, hHi) + 1.0, 1.0)),
                                clamped(between(sLo, sHi)), clamped(between(vLo, vHi)),
                                alpha / 255.0f);
    }

private:
    quint64 m_state; ///< advanced by every draw
};

void paintLandscape(QPainter& p, QSizeF s, Rng& rng)
{
    const double w = s.width();
    const double h = s.height();
    const double horizon = h * rng.between(0.35, 0.6);

    QLinearGradient sky(0, 0, 0, horizon);
    sky.setColorAt(0, rng.hsv(0.55, 0.68, 0.5, 0.9, 0.45, 0.8));
    sky.setColorAt(1, rng.hsv(0.05, 0.6, 0.1, 0.4, 0.85, 1.0));
    p.fillRect(QRectF(0, 0, w, horizon + 1), sky);

    const QPointF sunAt(rng.between(0.1, 0.9) * w, rng.between(0.1, 0.8) * horizon);
    const double sunR = rng.between(0.04, 0.12) * std::min(w, h);
    QRadialGradient sun(sunAt, sunR * 3);
    sun.setColorAt(0, QColor(255, 250, 220, 255));
    sun.setColorAt(0.3, QColor(255, 230, 160, 160));
    sun.setColorAt(1, QColor(255, 220, 150, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(sun);
    p.drawEllipse(sunAt, sunR * 3, sunR * 3);

    QLinearGradient ground(0, horizon, 0, h);
    ground.setColorAt(0, rng.hsv(0.15, 0.35, 0.3, 0.7, 0.35, 0.7));
    ground.setColorAt(1, rng.hsv(0.05, 0.15, 0.4, 0.8, 0.15, 0.4));
    p.fillRect(QRectF(0, horizon, w, h - horizon), ground);

    // Hills, far (pale) to near (dark).
    for (int layer = 0; layer < 3; ++layer) {
        const double base = horizon + layer * (h - horizon) * 0.18;
        QPainterPath hill;
        hill.moveTo(0, h);
        hill.lineTo(0, base);
        const int bumps = 3 + rng.below(4);
        for (int i = 0; i < bumps; ++i) {
            const double x0 = w * i / bumps;
            const double x1 = w * (i + 1) / bumps;
            hill.cubicTo(x0 + (x1 - x0) * 0.3, base - rng.between(0.02, 0.15) * h,
                         x0 + (x1 - x0) * 0.7, base - rng.between(0.0, 0.12) * h, x1,
                         base - rng.between(-0.02, 0.05) * h);
        }
        hill.lineTo(w, h);
        hill.closeSubpath();
        QLinearGradient fill(0, base - 0.15 * h, 0, h);
        const double v = 0.75 - 0.2 * layer;
        fill.setColorAt(0, rng.hsv(0.2, 0.4, 0.3, 0.6, v - 0.1, v));
        fill.setColorAt(1, rng.hsv(0.2, 0.4, 0.4, 0.8, v - 0.4, v - 0.25));
        p.setBrush(fill);
        p.drawPath(hill);
    }
}

void paintShapes(QPainter& p, QSizeF s, Rng& rng)
{
    const double w = s.width();
    const double h = s.height();
    const double unit = std::min(w, h);
    const int count = 25 + rng.below(20);
    for (int i = 0; i < count; ++i) {
        const QPointF c(rng.unit() * w, rng.unit() * h);
        const double rx = rng.between(0.01, 0.12) * unit;
        const double ry = rng.between(0.01, 0.12) * unit;
        QLinearGradient fill(c.x() - rx, c.y() - ry, c.x() + rx, c.y() + ry);
        fill.setColorAt(0, rng.hsv(0, 1, 0.2, 0.9, 0.3, 1.0, 90 + rng.below(166)));
        fill.setColorAt(1, rng.hsv(0, 1, 0.2, 0.9, 0.1, 0.8, 90 + rng.below(166)));
        p.save();
        p.translate(c);
        p.rotate(rng.between(0, 180));
        p.setBrush(fill);
        p.setPen(rng.below(3) == 0 ? QPen(rng.hsv(0, 1, 0, 0.5, 0, 0.4), unit * 0.003)
                                   : QPen(Qt::NoPen));
        switch (rng.below(4)) {
        case 0:
            p.drawEllipse(QPointF(0, 0), rx, ry);
            break;
        case 1:
            p.drawRect(QRectF(-rx, -ry, 2 * rx, 2 * ry));
            break;
        case 2:
            p.drawRoundedRect(QRectF(-rx, -ry, 2 * rx, 2 * ry), rx * 0.3, ry * 0.3);
            break;
        default: {
            QPolygonF polygon;
            const int corners = 3 + rng.below(5);
            for (int k = 0; k < corners; ++k) {
                const double a = 2 * std::numbers::pi * k / corners + rng.between(-0.3, 0.3);
                polygon << QPointF(std::cos(a) * rx, std::sin(a) * ry);
            }
            p.drawPolygon(polygon);
        }
        }
        p.restore();
    }
}

// A sign with lines of "words": what text looks like to a codec, without needing fonts.
void paintSign(QPainter& p, QSizeF s, Rng& rng)
{
    const double unit = std::min(s.width(), s.height());
    const QRectF panel(rng.between(0.05, 0.6) * s.width(), rng.between(0.05, 0.6) * s.height(),
                       rng.between(0.2, 0.35) * s.width(), rng.between(0.12, 0.25) * s.height());
    p.setPen(QPen(QColor(40, 40, 40), unit * 0.004));
    p.setBrush(rng.hsv(0, 1, 0, 0.15, 0.85, 1.0));
    p.drawRect(panel);
    p.setPen(Qt::NoPen);
    p.setBrush(rng.hsv(0, 1, 0.3, 0.9, 0.05, 0.35));
    const double lineHeight = unit * rng.between(0.018, 0.03);
    const double margin = lineHeight;
    for (double y = panel.top() + margin; y + lineHeight < panel.bottom() - margin * 0.5;
         y += lineHeight * 1.6) {
        double x = panel.left() + margin;
        while (true) {
            const double word = lineHeight * rng.between(1.0, 5.0);
            if (x + word > panel.right() - margin)
                break;
            for (double cx = x; cx < x + word; cx += lineHeight * 0.55)
                p.drawRect(QRectF(cx, y + rng.between(0, 0.25) * lineHeight, lineHeight * 0.4,
                                  lineHeight * rng.between(0.6, 1.0)));
            x += word + lineHeight * 0.6;
        }
    }
}

void addNoise(QImage& image, Rng& rng, int amplitude)
{
    const int span = 2 * amplitude + 1;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const quint64 r = rng.next();
            const auto jitter = [&](int value, int shift) {
                return std::clamp(value + static_cast<int>((r >> shift) % span) - amplitude, 0,
                                  255);
            };
            const QRgb px = line[x];
            line[x] = qRgb(jitter(qRed(px), 0), jitter(qGreen(px), 16), jitter(qBlue(px), 32));
        }
    }
}

quint64 imageSeed(quint64 corpusSeed, int index)
{
    return Rng::mix(corpusSeed) ^ Rng::mix(static_cast<quint64>(index) + 0x632BE59BD9B4E019ULL);
}

QString fileName(int index, const CorpusGenerator::Image& image)
{
    return QStringLiteral("img-%1-%2x%3.%4")
        .arg(index, 2, 10, QLatin1Char('0'))
        .arg(image.size.width())
        .arg(image.size.height())
        .arg(image.format == "png" ? QStringLiteral("png") : QStringLiteral("jpg"));
}

bool isComplete(const QString& folder)
{
    QFile marker(folder + QLatin1Char('/') + kMarker);
    if (!marker.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> names = marker.readAll().split('\n');
    for (const QByteArray& name : names) {
        if (!name.isEmpty() && !QFile::exists(folder + QLatin1Char('/') + QString::fromUtf8(name)))
            return false;
    }
    return true;
}

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}

} // namespace

CorpusGenerator::Spec CorpusGenerator::defaultSpec()
{
    Spec spec;
    spec.name = QStringLiteral("v1");
    for (int i = 0; i < 12; ++i) {
        QSize size = (i % 3 == 2) ? QSize(4000, 3000) : QSize(1920, 1080);
        if (i == 9)
            size = QSize(1080, 1920);
        spec.images.append({size, (i % 4 == 3) ? QByteArray("png") : QByteArray("jpeg")});
    }
    return spec;
}

QString CorpusGenerator::defaultRoot()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + QStringLiteral("/shoal-cache");
    return base + QStringLiteral("/image-corpus");
}

QString CorpusGenerator::folderFor(const QString& root, const Spec& spec, quint64 seed)
{
    return root + QStringLiteral("/corpus-") + spec.name + QLatin1Char('-') + QString::number(seed);
}

QImage CorpusGenerator::render(QSize size, quint64 seed)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::black);
    Rng rng(seed);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        paintLandscape(p, size, rng);
        paintShapes(p, size, rng);
        paintSign(p, size, rng);
    }
    addNoise(image, rng, 3 + rng.below(4));
    return image;
}

CorpusGenerator::Outcome CorpusGenerator::ensure(const QString& root, const Spec& spec,
                                                 quint64 seed)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);

    Outcome outcome;
    outcome.folder = folderFor(root, spec, seed);
    if (isComplete(outcome.folder))
        return outcome;
    if (!QDir().mkpath(outcome.folder)) {
        outcome.error = outcome.folder + QStringLiteral(": cannot create folder");
        return outcome;
    }
    QByteArray names;
    for (int i = 0; i < spec.images.size(); ++i) {
        const Image& wanted = spec.images.at(i);
        const QImage picture = render(wanted.size, imageSeed(seed, i));
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QImageWriter writer(&buffer, wanted.format);
            if (wanted.format == "jpeg")
                writer.setQuality(spec.jpegQuality);
            if (!writer.write(picture)) {
                outcome.error = writer.errorString();
                return outcome;
            }
        }
        const QString name = fileName(i, wanted);
        if (!writeAtomically(outcome.folder + QLatin1Char('/') + name, bytes, &outcome.error))
            return outcome;
        names += name.toUtf8() + '\n';
    }
    // Last, so that its presence means every file above is complete.
    if (!writeAtomically(outcome.folder + QLatin1Char('/') + kMarker, names, &outcome.error))
        return outcome;
    outcome.generated = true;
    return outcome;
}

} // namespace shoal
