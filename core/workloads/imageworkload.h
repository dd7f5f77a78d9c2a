#pragma once

#include "imageworker.h"
#include "liveparams.h"
#include "paramschema.h"
#include "workload.h"

#include <mutex>

namespace shoal {

/// Thumbnailing as a workload: call n thumbnails corpus entry n mod size. The corpus is the
/// generated default (folder "") or every JPEG/PNG under a folder; its files are preloaded.
/// Parameters (see docs/workloads.md): folder, corpusSeed, targetSize, format, quality,
/// outputFolder, maxPixels. Workers return ThumbnailResult or fail with ImageError.
class ImageWorkload final : public Workload {
public:
    /// The parameters this kind accepts, with their defaults and ranges.
    static const ParamSchema& schema();
    /// Null with \a error set when \a params are refused. Blocks while the corpus is scanned,
    /// loaded or, the first time, generated (seconds); call it off the GUI thread.
    /// \a corpusRoot overrides where generated corpora are cached (tests).
    static std::unique_ptr<ImageWorkload> create(const QVariantMap& params,
                                                 std::shared_ptr<RateLimiter> limiter,
                                                 ParamError& error,
                                                 const QString& corpusRoot = QString());

    QString kind() const override { return QStringLiteral("image"); }
    std::unique_ptr<Worker> makeWorker() override;
    std::any makePayload(quint64 sequence) override;
    /// folder and corpusSeed rebuild the corpus here, blocking like create(); a refused value
    /// leaves the current corpus in use.
    ParamError setParam(const QString& key, const QVariant& value) override;
    QVariantMap params() const override;

    /// The corpus in use now. Any thread.
    std::shared_ptr<const ImageCorpus> corpus() const;

private:
    ImageWorkload(const QVariantMap& values, ImageSettings settings,
                  std::shared_ptr<RateLimiter> limiter, const QString& corpusRoot);
    /// Builds settings from \a values, loading the corpus unless \a reuse is given.
    static ParamError settingsFrom(const QVariantMap& values, const QString& corpusRoot,
                                   std::shared_ptr<const ImageCorpus> reuse,
                                   ImageSettings* settings);

    std::shared_ptr<RateLimiter> m_limiter;                ///< may be null
    QString m_corpusRoot;                                  ///< where generated corpora live
    mutable std::mutex m_valuesMutex;                      ///< guards m_values; serialises setParam
    QVariantMap m_values;                                  ///< every parameter, normalized
    std::shared_ptr<LiveParams<ImageSettings>> m_settings; ///< shared with the workers
};

} // namespace shoal
