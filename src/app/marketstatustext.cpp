#include "marketstatustext.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

// The context lupdate files these words under (a free function's tr() would have none).
struct StatusBadgeWords
{
    Q_DECLARE_TR_FUNCTIONS(ticker::StatusBadgeWords)
};

} // namespace

StatusBadge statusBadge(const MarketStatus &status)
{
    if (!status.reported || status.isNormal())
        return {};
    QStringList facts;
    StatusBadge badge;
    const auto add = [&](const QString &fact, StatusBadge::Severity severity) {
        if (badge.text.isEmpty())
            badge.text = fact;
        badge.severity = std::max(badge.severity, severity);
        facts.append(fact);
    };
    if (status.isSuspended())
        add(StatusBadgeWords::tr("Trading suspended"), StatusBadge::Severity::Danger);
    if (status.isDelisting())
        add(StatusBadgeWords::tr("Delisting on %1")
                .arg(QLocale().toString(status.delistingDate, QLocale::ShortFormat)),
            StatusBadge::Severity::Danger);
    if (status.hasUnusualState())
        add(StatusBadgeWords::tr("Market state: %1").arg(status.state),
            StatusBadge::Severity::Caution);
    if (status.isCaution())
        add(StatusBadgeWords::tr("Caution (투자유의)"), StatusBadge::Severity::Caution);
    badge.toolTip = StatusBadgeWords::tr("Bithumb reports: %1").arg(facts.join(u" · "_s));
    return badge;
}

} // namespace ticker
