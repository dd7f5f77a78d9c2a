#include "workloads/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtTest>

using namespace shoal;

class TestSha256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nistVectors_data();
    void nistVectors();
    void matchesQCryptographicHashOnRandomData_data();
    void matchesQCryptographicHashOnRandomData();
    void splitUpdatesGiveTheSameDigest();
    void resetStartsANewDigest();
};

void TestSha256::nistVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("million a")
        << QByteArray(1'000'000, 'a')
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestSha256::nistVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digest);
    QCOMPARE(Sha256::toHex(Sha256::of(input)), digest);
}

void TestSha256::matchesQCryptographicHashOnRandomData_data()
{
    QTest::addColumn<int>("size");
    for (int size : {1, 55, 56, 63, 64, 65, 65535, 65536, 65537, 1 << 20, (1 << 20) + 3})
        QTest::newRow(qPrintable(QString::number(size))) << size;
}

void TestSha256::matchesQCryptographicHashOnRandomData()
{
    QFETCH(int, size);
    QRandomGenerator random(static_cast<quint32>(size));
    QByteArray data(size, Qt::Uninitialized);
    for (char& c : data)
        c = static_cast<char>(random.bounded(256));
    QCOMPARE(Sha256::toHex(Sha256::of(data)),
             QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

void TestSha256::splitUpdatesGiveTheSameDigest()
{
    const QByteArray data(200'000, 'x');
    Sha256 sha;
    for (qsizetype at = 0; at < data.size(); at += 7777)
        sha.update(QByteArrayView(data).sliced(at, std::min<qsizetype>(7777, data.size() - at)));
    QCOMPARE(sha.finish(), Sha256::of(data));
}

void TestSha256::resetStartsANewDigest()
{
    Sha256 sha;
    sha.update(QByteArrayView("garbage"));
    sha.reset();
    sha.update(QByteArrayView("abc"));
    QCOMPARE(Sha256::toHex(sha.finish()),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    sha.reset();
    QCOMPARE(sha.finish(), Sha256::of(QByteArray()));
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
