#include "imageworkload.h"

#include "corpusgenerator.h"

#include <QDir>
#include <QFileInfo>

namespace shoal {
namespace {

const QString kFolder = QStringLiteral("folder");
const QString kCorpusSeed = QStringLiteral("corpusSeed");
const QString kTargetSize = QStringLiteral("targetSize");
const QString kFormat = QStringLiteral("format");
const QString kQuality = QStringLiteral("quality");
const QString kOutputFolder = QStringLiteral("outputFolder");
const QString kMaxPixels = QStringLiteral("maxPixels");

} // namespace

const ParamSchema& ImageWorkload::schema()
{
    static const ParamSchema schema =
        ParamSchema()
            .addString(kFolder, QString())
            .addInteger(kCorpusSeed, 1, 0, (qint64(1) << 53) - 1)
            .addInteger(kTargetSize, 256, 16, 4096)
            .addChoice(kFormat, QStringLiteral("png"),
                       {QStringLiteral("png"), QStringLiteral("jpeg")})
            .addInteger(kQuality, 80, -1, 100)
            .addString(kOutputFolder, QString())
            .addInteger(kMaxPixels, 50'000'000, 1, 100'000'000);
    return schema;
}

ParamError ImageWorkload::settingsFrom(const QVariantMap& values, const QString& corpusRoot,
                                       std::shared_ptr<const ImageCorpus> reuse,
                                       ImageSettings* settings)
{
    ImageSettings s;
    s.spec.targetSize = values.value(kTargetSize).toInt();
    s.spec.format = values.value(kFormat).toString().toLatin1();
    s.spec.quality = values.value(kQuality).toInt();
    s.spec.maxPixels = values.value(kMaxPixels).toLongLong();

    s.outputFolder = values.value(kOutputFolder).toString();
    if (!s.outputFolder.isEmpty()) {
        if (!QDir().mkpath(s.outputFolder) || !QFileInfo(s.outputFolder).isWritable())
            return ParamError::unusable(kOutputFolder, s.outputFolder);
        s.outputFolder = QFileInfo(s.outputFolder).absoluteFilePath();
    }

    s.corpus = std::move(reuse);
    if (!s.corpus) {
        ParamError error;
        QString folder = values.value(kFolder).toString();
        QString param = kFolder;
        if (folder.isEmpty()) {
            const auto outcome = CorpusGenerator::ensure(
                corpusRoot.isEmpty() ? CorpusGenerator::defaultRoot() : corpusRoot,
                CorpusGenerator::defaultSpec(), values.value(kCorpusSeed).toULongLong());
            if (!outcome.error.isEmpty())
                return ParamError::unusable(kCorpusSeed, outcome.error);
            folder = outcome.folder;
            param = kCorpusSeed;
        }
        s.corpus = ImageCorpus::scan(folder, param, error);
        if (error)
            return error;
    }
    *settings = std::move(s);
    return {};
}

std::unique_ptr<ImageWorkload> ImageWorkload::create(const QVariantMap& params,
                                                     std::shared_ptr<RateLimiter> limiter,
                                                     ParamError& error, const QString& corpusRoot)
{
    QVariantMap values;
    error = schema().resolve(params, &values);
    if (error)
        return nullptr;
    ImageSettings settings;
    error = settingsFrom(values, corpusRoot, nullptr, &settings);
    if (error)
        return nullptr;
    return std::unique_ptr<ImageWorkload>(
        new ImageWorkload(values, std::move(settings), std::move(limiter), corpusRoot));
}

ImageWorkload::ImageWorkload(const QVariantMap& values, ImageSettings settings,
                             std::shared_ptr<RateLimiter> limiter, const QString& corpusRoot)
    : m_limiter(std::move(limiter))
    , m_corpusRoot(corpusRoot)
    , m_values(values)
    , m_settings(std::make_shared<LiveParams<ImageSettings>>(std::move(settings)))
{}

std::unique_ptr<Worker> ImageWorkload::makeWorker()
{
    return std::make_unique<ImageWorker>(m_settings, m_limiter);
}

std::any ImageWorkload::makePayload(quint64 sequence)
{
    const auto settings = m_settings->get();
    return ImageJob{static_cast<qint64>(sequence % static_cast<quint64>(settings->corpus->size()))};
}

ParamError ImageWorkload::setParam(const QString& key, const QVariant& value)
{
    QVariant normalized;
    if (ParamError e = schema().check(key, value, &normalized))
        return e;
    std::lock_guard lock(m_valuesMutex);
    QVariantMap values = m_values;
    values.insert(key, normalized);
    const bool newCorpus = key == kFolder || key == kCorpusSeed;
    ImageSettings settings;
    if (ParamError e =
            settingsFrom(values, m_corpusRoot, newCorpus ? nullptr : corpus(), &settings))
        return e;
    m_values = values;
    m_settings->set(std::move(settings));
    return {};
}

QVariantMap ImageWorkload::params() const
{
    std::lock_guard lock(m_valuesMutex);
    return m_values;
}

std::shared_ptr<const ImageCorpus> ImageWorkload::corpus() const
{
    return m_settings->get()->corpus;
}

} // namespace shoal
