#include "marketstatustext.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

MarketStatus active()
{
    MarketStatus status;
    status.reported = true;
    status.state = u"ACTIVE"_s;
    status.tradingSuspended = false;
    status.warning = u"NONE"_s;
    return status;
}

} // namespace

TEST(StatusBadge, NothingToSayForAnActiveMarketOrAnApiThatDoesNotTell)
{
    EXPECT_TRUE(statusBadge(active()).text.isEmpty());
    EXPECT_TRUE(statusBadge(MarketStatus {}).text.isEmpty()); // API 1.0
}

TEST(StatusBadge, TheGravestFactFirstAndEveryFactInTheToolTip)
{
    MarketStatus status = active();
    status.warning = u"CAUTION"_s;
    EXPECT_EQ(statusBadge(status).text, u"Caution (투자유의)");
    EXPECT_EQ(statusBadge(status).severity, StatusBadge::Severity::Caution);

    status.delistingDate = QDate(2026, 12, 1);
    EXPECT_EQ(statusBadge(status).text, u"Delisting on 12/1/26");
    EXPECT_EQ(statusBadge(status).severity, StatusBadge::Severity::Danger);

    status.tradingSuspended = true;
    const StatusBadge badge = statusBadge(status);
    EXPECT_EQ(badge.text, u"Trading suspended");
    EXPECT_EQ(badge.toolTip,
        u"Bithumb reports: Trading suspended · Delisting on 12/1/26 · Caution (투자유의)");
}

TEST(StatusBadge, AnUndocumentedStateIsShownAsWritten)
{
    MarketStatus status = active();
    status.state = u"PREVIEW"_s;
    EXPECT_EQ(statusBadge(status).text, u"Market state: PREVIEW");
    EXPECT_EQ(statusBadge(status).severity, StatusBadge::Severity::Caution);
}
