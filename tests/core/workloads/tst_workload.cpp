#include "workloads/hashworkload.h"
#include "workloads/imageworkload.h"
#include "workloads/syntheticworkload.h"
#include "workloads/workload.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

#include <limits>

using namespace shoal;

Q_DECLARE_METATYPE(shoal::ParamError::Code)

namespace {

ParamError refusal(const QString& kind, const QVariantMap& params)
{
    ParamError error;
    const auto workload = makeWorkload(kind, params, nullptr, error);
    if (workload)
        error.code = ParamError::Code::None;
    return error;
}

} // namespace

class TestWorkload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownKindIsRefusedWithTheKnownKinds();
    void badParamIsRefusedNamingIt_data();
    void badParamIsRefusedNamingIt();
    void outOfRangeNumbersCarryTheAllowedRange();
    void outOfRangeChoicesCarryTheAllowedValues();
    void integralDoublesAreAcceptedForIntegers();
    void presetJsonIsAccepted();
    void missingKeysTakeDefaults_data();
    void missingKeysTakeDefaults();
    void setParamRefusesLikeTheFactoryAndKeepsTheOldValue();
    void imageFoldersThatCannotBeUsedAreRefused();

private:
    QTemporaryDir m_images; ///< one small JPEG
};

void TestWorkload::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QImage image(32, 24, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(m_images.filePath(QStringLiteral("one.jpg")), "jpeg"));
}

void TestWorkload::unknownKindIsRefusedWithTheKnownKinds()
{
    const ParamError error = refusal(QStringLiteral("compress"), {});
    QCOMPARE(error.code, ParamError::Code::UnknownKind);
    QCOMPARE(error.param, QStringLiteral("compress"));
    QCOMPARE(error.allowed, workloadKinds());
}

void TestWorkload::badParamIsRefusedNamingIt_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QVariantMap>("params");
    QTest::addColumn<ParamError::Code>("code");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("expected");

    using C = ParamError::Code;
    const auto s = [](const char* text) { return QString::fromLatin1(text); };
    QTest::newRow("hash unknown key") << s("hash") << QVariantMap{{s("payloadSize"), 10}}
                                      << C::UnknownKey << s("payloadSize") << QString();
    QTest::newRow("image unknown key")
        << s("image") << QVariantMap{{s("width"), 10}} << C::UnknownKey << s("width") << QString();
    QTest::newRow("synthetic unknown key") << s("synthetic") << QVariantMap{{s("mean"), 10}}
                                           << C::UnknownKey << s("mean") << QString();
    QTest::newRow("integer as string") << s("hash") << QVariantMap{{s("payloadBytes"), s("1024")}}
                                       << C::WrongType << s("payloadBytes") << s("integer");
    QTest::newRow("fractional integer") << s("image") << QVariantMap{{s("targetSize"), 100.5}}
                                        << C::WrongType << s("targetSize") << s("integer");
    QTest::newRow("integer as bool") << s("synthetic") << QVariantMap{{s("gpuSlots"), true}}
                                     << C::WrongType << s("gpuSlots") << s("integer");
    QTest::newRow("number as string") << s("synthetic") << QVariantMap{{s("meanMs"), s("fast")}}
                                      << C::WrongType << s("meanMs") << s("number");
    QTest::newRow("bool as number") << s("synthetic") << QVariantMap{{s("honourInterrupt"), 1}}
                                    << C::WrongType << s("honourInterrupt") << s("bool");
    QTest::newRow("choice as number") << s("image") << QVariantMap{{s("format"), 5}} << C::WrongType
                                      << s("format") << s("string");
    QTest::newRow("string as number") << s("image") << QVariantMap{{s("folder"), 3}} << C::WrongType
                                      << s("folder") << s("string");
    QTest::newRow("null value") << s("hash") << QVariantMap{{s("seed"), QVariant()}} << C::WrongType
                                << s("seed") << s("integer");
    QTest::newRow("NaN number") << s("synthetic")
                                << QVariantMap{{s("sigma"),
                                                std::numeric_limits<double>::quiet_NaN()}}
                                << C::WrongType << s("sigma") << s("number");
    QTest::newRow("payload too small") << s("hash") << QVariantMap{{s("payloadBytes"), 0}}
                                       << C::OutOfRange << s("payloadBytes") << QString();
    QTest::newRow("payload too large")
        << s("hash") << QVariantMap{{s("payloadBytes"), (qint64(256) << 20) + 1}} << C::OutOfRange
        << s("payloadBytes") << QString();
    QTest::newRow("negative seed")
        << s("hash") << QVariantMap{{s("seed"), -1}} << C::OutOfRange << s("seed") << QString();
    QTest::newRow("target too small") << s("image") << QVariantMap{{s("targetSize"), 8}}
                                      << C::OutOfRange << s("targetSize") << QString();
    QTest::newRow("target too large") << s("image") << QVariantMap{{s("targetSize"), 5000}}
                                      << C::OutOfRange << s("targetSize") << QString();
    QTest::newRow("quality") << s("image") << QVariantMap{{s("quality"), 101}} << C::OutOfRange
                             << s("quality") << QString();
    QTest::newRow("maxPixels") << s("image") << QVariantMap{{s("maxPixels"), 0}} << C::OutOfRange
                               << s("maxPixels") << QString();
    QTest::newRow("format") << s("image") << QVariantMap{{s("format"), s("gif")}} << C::OutOfRange
                            << s("format") << QString();
    QTest::newRow("distribution") << s("synthetic") << QVariantMap{{s("distribution"), s("pareto")}}
                                  << C::OutOfRange << s("distribution") << QString();
    QTest::newRow("mode") << s("synthetic") << QVariantMap{{s("mode"), s("Sleep")}} << C::OutOfRange
                          << s("mode") << QString();
    QTest::newRow("failure rate") << s("synthetic") << QVariantMap{{s("failureRate"), 1.5}}
                                  << C::OutOfRange << s("failureRate") << QString();
    QTest::newRow("negative mean") << s("synthetic") << QVariantMap{{s("meanMs"), -1}}
                                   << C::OutOfRange << s("meanMs") << QString();
    QTest::newRow("infinite mean")
        << s("synthetic") << QVariantMap{{s("meanMs"), std::numeric_limits<double>::infinity()}}
        << C::OutOfRange << s("meanMs") << QString();
    QTest::newRow("gpu slots") << s("synthetic") << QVariantMap{{s("gpuSlots"), -1}}
                               << C::OutOfRange << s("gpuSlots") << QString();
    QTest::newRow("slow fraction") << s("synthetic") << QVariantMap{{s("slowFraction"), 2}}
                                   << C::OutOfRange << s("slowFraction") << QString();
}

void TestWorkload::badParamIsRefusedNamingIt()
{
    QFETCH(QString, kind);
    QFETCH(QVariantMap, params);
    QFETCH(ParamError::Code, code);
    QFETCH(QString, param);
    QFETCH(QString, expected);
    const ParamError error = refusal(kind, params);
    QCOMPARE(error.code, code);
    QCOMPARE(error.param, param);
    QCOMPARE(error.expected, expected);
}

void TestWorkload::outOfRangeNumbersCarryTheAllowedRange()
{
    ParamError error = refusal(QStringLiteral("image"), {{QStringLiteral("targetSize"), 5000}});
    QCOMPARE(error.minimum.toLongLong(), 16);
    QCOMPARE(error.maximum.toLongLong(), 4096);
    error = refusal(QStringLiteral("synthetic"), {{QStringLiteral("failureRate"), -0.1}});
    QCOMPARE(error.minimum.toDouble(), 0.0);
    QCOMPARE(error.maximum.toDouble(), 1.0);
    error = refusal(QStringLiteral("hash"), {{QStringLiteral("payloadBytes"), 1e12}});
    QCOMPARE(error.code, ParamError::Code::OutOfRange);
    QCOMPARE(error.maximum.toLongLong(), qint64(256) << 20);
}

void TestWorkload::outOfRangeChoicesCarryTheAllowedValues()
{
    const ParamError error = refusal(QStringLiteral("synthetic"),
                                     {{QStringLiteral("distribution"), QStringLiteral("zipf")}});
    QCOMPARE(error.allowed, (QStringList{QStringLiteral("fixed"), QStringLiteral("uniform"),
                                         QStringLiteral("exponential"), QStringLiteral("lognormal"),
                                         QStringLiteral("bimodal")}));
}

void TestWorkload::integralDoublesAreAcceptedForIntegers()
{
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("hash"), {{QStringLiteral("payloadBytes"), 4096.0}},
                                 nullptr, error);
    QVERIFY(!error);
    QVERIFY(workload);
    const QVariant value = workload->params().value(QStringLiteral("payloadBytes"));
    QCOMPARE(value.typeId(), int(QMetaType::LongLong));
    QCOMPARE(value.toLongLong(), 4096);
    QVERIFY(!workload->setParam(QStringLiteral("seed"), 12.0));
    QCOMPARE(workload->params().value(QStringLiteral("seed")).toLongLong(), 12);
}

void TestWorkload::presetJsonIsAccepted()
{
    const QByteArray json = R"({"distribution": "lognormal", "meanMs": 12, "sigma": 0.7,
                                "mode": "spin", "honourInterrupt": false, "failureRate": 0.01,
                                "gpuSlots": 2, "seed": 99})";
    const QVariantMap params = QJsonDocument::fromJson(json).toVariant().toMap();
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("synthetic"), params, nullptr, error);
    QVERIFY2(workload, qPrintable(error.param));
    QCOMPARE(workload->kind(), QStringLiteral("synthetic"));
    QCOMPARE(workload->params().value(QStringLiteral("gpuSlots")).toLongLong(), 2);
    QCOMPARE(workload->params().value(QStringLiteral("mode")).toString(), QStringLiteral("spin"));
}

void TestWorkload::missingKeysTakeDefaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QVariantMap>("params");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("hash") << QStringLiteral("hash") << QVariantMap{}
                          << HashWorkload::schema().defaults().keys();
    QTest::newRow("image") << QStringLiteral("image")
                           << QVariantMap{{QStringLiteral("folder"), m_images.path()}}
                           << ImageWorkload::schema().defaults().keys();
    QTest::newRow("synthetic") << QStringLiteral("synthetic") << QVariantMap{}
                               << SyntheticWorkload::schema().defaults().keys();
}

void TestWorkload::missingKeysTakeDefaults()
{
    QFETCH(QString, kind);
    QFETCH(QVariantMap, params);
    QFETCH(QStringList, keys);
    ParamError error;
    auto workload = makeWorkload(kind, params, nullptr, error);
    QVERIFY(workload);
    QCOMPARE(workload->kind(), kind);
    QCOMPARE(workload->params().keys(), keys);
}

void TestWorkload::setParamRefusesLikeTheFactoryAndKeepsTheOldValue()
{
    ParamError error;
    auto workload =
        makeWorkload(QStringLiteral("synthetic"), {{QStringLiteral("meanMs"), 5}}, nullptr, error);
    QVERIFY(workload);
    QCOMPARE(workload->setParam(QStringLiteral("meanMs"), -3).code, ParamError::Code::OutOfRange);
    QCOMPARE(workload->setParam(QStringLiteral("meanMs"), QStringLiteral("3")).code,
             ParamError::Code::WrongType);
    QCOMPARE(workload->setParam(QStringLiteral("median"), 3).code, ParamError::Code::UnknownKey);
    QCOMPARE(workload->params().value(QStringLiteral("meanMs")).toDouble(), 5.0);
    QVERIFY(!workload->setParam(QStringLiteral("meanMs"), 7));
    QCOMPARE(workload->params().value(QStringLiteral("meanMs")).toDouble(), 7.0);
}

void TestWorkload::imageFoldersThatCannotBeUsedAreRefused()
{
    QTemporaryDir empty;
    ParamError error = refusal(QStringLiteral("image"), {{QStringLiteral("folder"), empty.path()}});
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.param, QStringLiteral("folder"));
    QCOMPARE(error.detail, empty.path());

    // An output folder below a regular file can never be made.
    QTemporaryFile file;
    QVERIFY(file.open());
    const QString impossible = file.fileName() + QStringLiteral("/thumbs");
    error = refusal(QStringLiteral("image"), {{QStringLiteral("folder"), m_images.path()},
                                              {QStringLiteral("outputFolder"), impossible}});
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.param, QStringLiteral("outputFolder"));
    QCOMPARE(error.detail, impossible);
}

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
