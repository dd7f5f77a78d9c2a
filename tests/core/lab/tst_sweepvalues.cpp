#include "lab/sweepvalues.h"

#include <QtTest>

using namespace shoal;
using Code = SweepValuesError::Code;

class TestSweepValues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesEachForm_data();
    void parsesEachForm();
    void floatStepsDoNotDrift();
    void refusesBadText_data();
    void refusesBadText();
    void capsTheNumberOfValues();
    void findsNonIntegralValues();
};

void TestSweepValues::parsesEachForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<double>>("values");
    QTest::newRow("one") << QStringLiteral("4") << QList<double>{4};
    QTest::newRow("list") << QStringLiteral("1,2,4") << QList<double>{1, 2, 4};
    QTest::newRow("list keeps order") << QStringLiteral("8,1,3") << QList<double>{8, 1, 3};
    QTest::newRow("range") << QStringLiteral("1..8") << QList<double>{1, 2, 3, 4, 5, 6, 7, 8};
    QTest::newRow("one-value range") << QStringLiteral("3..3") << QList<double>{3};
    QTest::newRow("step") << QStringLiteral("1..16:2") << QList<double>{1, 3, 5, 7, 9, 11, 13, 15};
    QTest::newRow("step lands on end") << QStringLiteral("0..10:5") << QList<double>{0, 5, 10};
    QTest::newRow("factor") << QStringLiteral("50..800*2") << QList<double>{50, 100, 200, 400, 800};
    QTest::newRow("factor short of end")
        << QStringLiteral("50..700*2") << QList<double>{50, 100, 200, 400};
    QTest::newRow("fractional factor")
        << QStringLiteral("1..10*1.5") << QList<double>{1, 1.5, 2.25, 3.375, 5.0625, 7.59375};
    QTest::newRow("whitespace") << QStringLiteral("  1 .. 9 : 4 ") << QList<double>{1, 5, 9};
    QTest::newRow("whitespace in a list") << QStringLiteral(" 1 , 2 ,4") << QList<double>{1, 2, 4};
    QTest::newRow("mixed") << QStringLiteral("1,2..4,10..40*2")
                           << QList<double>{1, 2, 3, 4, 10, 20, 40};
    QTest::newRow("negative and exponent")
        << QStringLiteral("-2..2:2, 1e3") << QList<double>{-2, 0, 2, 1000};
    QTest::newRow("decimals") << QStringLiteral("0.5,2.25") << QList<double>{0.5, 2.25};
}

void TestSweepValues::parsesEachForm()
{
    QFETCH(QString, text);
    QFETCH(QList<double>, values);
    SweepValuesError error;
    error.code = Code::Empty; // must be cleared
    QCOMPARE(parseSweepValues(text, &error), values);
    QVERIFY(!error);
}

void TestSweepValues::floatStepsDoNotDrift()
{
    // Adding 0.1 four times gives 0.30000000000000004 on the way and may miss 0.5.
    QCOMPARE(parseSweepValues(u"0.1..0.5:0.1"), (QList<double>{0.1, 0.2, 0.3, 0.4, 0.5}));
    QCOMPARE(parseSweepValues(u"0..1:0.1").size(), 11);
    QCOMPARE(parseSweepValues(u"0..1:0.1").last(), 1.0);
    QCOMPARE(parseSweepValues(u"0..0.3:0.1").value(3), 0.3);
    QCOMPARE(parseSweepValues(u"0.1..1*3"), (QList<double>{0.1, 0.3, 0.9}));
    QCOMPARE(parseSweepValues(u"1..100:33.3"), (QList<double>{1, 34.3, 67.6}));
}

void TestSweepValues::refusesBadText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("piece");
    const auto row = [](const char* name, const char* text, Code code, int position,
                        const char* piece) {
        QTest::newRow(name) << QString::fromUtf8(text) << static_cast<int>(code) << position
                            << QString::fromUtf8(piece);
    };
    row("empty", "", Code::Empty, 0, "");
    row("blank", "   ", Code::Empty, 3, "");
    row("empty item", "1,,2", Code::Empty, 2, "");
    row("trailing comma", "1,2,", Code::Empty, 4, "");
    row("word", "1,two", Code::NotANumber, 2, "two");
    row("missing start", "..8", Code::Empty, 0, "");
    row("missing end", "1..", Code::Empty, 3, "");
    row("leading dot", "1...8", Code::NotANumber, 3, ".8");
    row("infinite", "1..inf", Code::NotANumber, 3, "inf");
    row("nan", "nan", Code::NotANumber, 0, "nan");
    row("trailing junk", "4x", Code::NotANumber, 0, "4x");
    row("descending", "8..1", Code::EmptyRange, 0, "8..1");
    row("descending factor", " 800..50*2", Code::EmptyRange, 1, "800..50*2");
    row("zero step", "1..8:0", Code::BadStep, 5, "0");
    row("negative step", "1..8: -1", Code::BadStep, 6, "-1");
    row("step not a number", "1..8:x", Code::NotANumber, 5, "x");
    row("step and factor", "1..8:2*2", Code::NotANumber, 5, "2*2");
    row("missing step", "1..8:", Code::Empty, 5, "");
    row("factor one", "1..8*1", Code::BadFactor, 5, "1");
    row("factor below one", "1..8*0.5", Code::BadFactor, 5, "0.5");
    row("factor from zero", "0..8*2", Code::BadFactorStart, 0, "0");
    row("factor from negative", "-1..8*2", Code::BadFactorStart, 0, "-1");
    row("duplicate", "1,2,1", Code::Duplicate, 4, "1");
    row("overlapping ranges", "1..4, 3..6", Code::Duplicate, 6, "3..6");
}

void TestSweepValues::refusesBadText()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(int, position);
    QFETCH(QString, piece);
    SweepValuesError error;
    QVERIFY(parseSweepValues(text, &error).isEmpty());
    QCOMPARE(static_cast<int>(error.code), code);
    QCOMPARE(error.position, position);
    QCOMPARE(error.text, piece);
    QVERIFY(parseSweepValues(text).isEmpty()); // no error object needed
}

void TestSweepValues::capsTheNumberOfValues()
{
    QCOMPARE(parseSweepValues(u"1..200").size(), kMaxSweepValues);
    SweepValuesError error;
    QVERIFY(parseSweepValues(u"1..201", &error).isEmpty());
    QCOMPARE(error.code, Code::TooManyPoints);
    QCOMPARE(error.limit, kMaxSweepValues);
    QCOMPARE(error.text, QStringLiteral("1..201"));
    // Refused from the count, not by walking a trillion values.
    QVERIFY(parseSweepValues(u"0..1e12", &error).isEmpty());
    QCOMPARE(error.code, Code::TooManyPoints);
    // The cap counts across items, and a factor range that creeps counts too.
    QVERIFY(parseSweepValues(u"1..150, 1000..1100", &error).isEmpty());
    QCOMPARE(error.code, Code::TooManyPoints);
    QCOMPARE(error.position, 8);
    QVERIFY(parseSweepValues(u"1..1e9*1.0001", &error).isEmpty());
    QCOMPARE(error.code, Code::TooManyPoints);
    QCOMPARE(parseSweepValues(u"1,2,3,4", &error, 3), QList<double>{});
    QCOMPARE(error.limit, 3);
    QCOMPARE(error.text, QStringLiteral("4"));
}

void TestSweepValues::findsNonIntegralValues()
{
    QCOMPARE(firstNonIntegralValue({1, 2, 50, -3}), -1);
    QVERIFY(allValuesIntegral(parseSweepValues(u"50..800*2")));
    QCOMPARE(firstNonIntegralValue(parseSweepValues(u"1..10*1.5")), 1);
    QCOMPARE(firstNonIntegralValue({1, 2, 3.5}), 2);
    QCOMPARE(firstNonIntegralValue({1e300}), 0);
    QVERIFY(allValuesIntegral({}));
}

QTEST_GUILESS_MAIN(TestSweepValues)
#include "tst_sweepvalues.moc"
