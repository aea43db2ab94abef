// ValueLabel on its own, offscreen: a new text repaints only what changed, and looks as if all
// of it had been painted.
#include "valuelabel.h"

#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

class ValueLabelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        label.setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label.setText(u"130,111,000"_s);
        label.resize(label.sizeHint() + QSize(40, 0));
        label.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&label));
        label.repaint();
    }

    // The new text, painted the way the window paints it: only the region it asked for.
    // Returns that region, and whether the picture equals a full paint of the new text.
    QRect paintedAfter(const QString &text, bool *asAFullPaint)
    {
        QImage shown = label.grab().toImage();
        const int before = label.paintCount();
        label.setText(text);
        EXPECT_TRUE(QTest::qWaitFor([&] { return label.paintCount() > before; }, 2000));
        const QRect part = label.lastPaintRect();
        label.render(&shown, part.topLeft(), QRegion(part));
        *asAFullPaint = shown == label.grab().toImage();
        return part;
    }

    ValueLabel label {nullptr, 3.2, true};
};

} // namespace

TEST_F(ValueLabelTest, ANewPriceRepaintsOnlyTheDigitsThatChanged)
{
    bool same = false;
    const QRect oneDigit = paintedAfter(u"130,112,000"_s, &same);
    EXPECT_TRUE(same);
    EXPECT_LT(oneDigit.width(), label.width() / 3) << oneDigit.width();
    const QRect twoApart = paintedAfter(u"130,212,500"_s, &same); // the digits between too
    EXPECT_TRUE(same);
    EXPECT_GT(twoApart.width(), oneDigit.width());
    EXPECT_LT(twoApart.width(), label.width());
}

TEST_F(ValueLabelTest, ATextOfAnotherLengthRepaintsAll)
{
    bool same = false;
    EXPECT_EQ(paintedAfter(u"99,990,000"_s, &same), label.rect());
    EXPECT_TRUE(same);
    EXPECT_EQ(paintedAfter(u"-1,000 (-0.00%)"_s, &same), label.rect());
    EXPECT_TRUE(same);
}
