#include "bithumbticker/fakemarkets.h"

#include "bithumbticker/marketcatalog.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr int krwMarkets = 480, btcMarkets = 13; // notes 3.2

// Syllables of the made-up names, in Latin letters and in Hangul as Bithumb transcribes them.
struct Syllable
{
    const char *latin;
    const char *hangul;
};
constexpr Syllable syllables[]
    = {{"ka", "카"}, {"ro", "로"}, {"mi", "미"}, {"na", "나"}, {"ri", "리"}, {"so", "소"},
        {"te", "테"}, {"lu", "루"}, {"vo", "보"}, {"ze", "제"}, {"di", "디"}, {"po", "포"},
        {"da", "다"}, {"ne", "네"}, {"ki", "키"}, {"mo", "모"}, {"ra", "라"}, {"se", "세"},
        {"to", "토"}, {"ve", "베"}, {"xa", "자"}, {"bi", "비"}, {"fu", "푸"}, {"ga", "가"}};
struct Suffix
{
    const char *english;
    const char *korean;
};
constexpr Suffix suffixes[] = {{"", ""}, {"", ""}, {"", ""}, {" Protocol", "프로토콜"},
    {" Network", "네트워크"}, {" Finance", "파이낸스"}, {" Coin", "코인"}, {" Chain", "체인"}};

FakeListing madeUp(quint64 seed)
{
    QString latin, hangul;
    const int count = 2 + int(splitMix64(seed) % 2);
    for (int i = 0; i < count; ++i) {
        const Syllable &s = syllables[splitMix64(seed * 8 + quint64(i) + 1) % std::size(syllables)];
        latin += QString::fromLatin1(s.latin);
        hangul += QString::fromUtf8(s.hangul);
    }
    const Suffix &suffix = suffixes[splitMix64(seed ^ 0x5eed) % std::size(suffixes)];
    latin[0] = latin[0].toUpper();
    const QString code = latin.left(5).toUpper();
    return {*MarketId::fromV1(code.toStdString() + "_KRW"),
        hangul + QString::fromUtf8(suffix.korean), latin + QString::fromLatin1(suffix.english),
        splitMix64(seed ^ 0xca5e) % 29 == 0};
}

QList<FakeListing> makeCatalog()
{
    QList<FakeListing> list;
    QSet<QString> bases;
    QHash<QString, FakeListing> real;
    for (const MarketCatalog::Entry &entry : MarketCatalog::bundled()) {
        const FakeListing listing {entry.market, entry.koreanName, entry.englishName,
            entry.market.base() == u"PEPE"}; // as on Bithumb, the demo's caution market
        list.append(listing);
        bases.insert(entry.market.base());
        real.insert(entry.market.base(), listing);
    }
    Q_ASSERT(list.size() >= 30);
    for (quint64 seed = 1; list.size() < krwMarkets; ++seed) {
        const FakeListing listing = madeUp(seed);
        if (!bases.contains(listing.market.base())) {
            bases.insert(listing.market.base());
            list.append(listing);
        }
    }
    // Bithumb's BTC market quotes some of the large coins in bitcoin.
    int btc = 0;
    for (const char *base : {"ETH", "XRP", "SOL", "DOGE", "ADA", "TRX", "LINK", "AVAX", "DOT",
             "BCH", "ETC", "XLM", "SUI"}) {
        FakeListing listing = real.value(QString::fromLatin1(base));
        listing.market = *MarketId::fromV1(std::string(base) + "_BTC");
        list.append(listing);
        ++btc;
    }
    Q_ASSERT(btc == btcMarkets);
    return list;
}

} // namespace

const QList<FakeListing> &fakeCatalog()
{
    static const QList<FakeListing> catalog = makeCatalog();
    return catalog;
}

const QList<MarketId> &fakeListedMarkets()
{
    static const QList<MarketId> markets = [] {
        QList<MarketId> list;
        for (const FakeListing &listing : fakeCatalog())
            list.append(listing.market);
        return list;
    }();
    return markets;
}

bool isFakeListed(const MarketId &market)
{
    static const QSet<MarketId> listed(fakeListedMarkets().cbegin(), fakeListedMarkets().cend());
    return listed.contains(market);
}

MarketStatus fakeListedStatus(const MarketId &market)
{
    static const QSet<MarketId> caution = [] {
        QSet<MarketId> set;
        for (const FakeListing &listing : fakeCatalog()) {
            if (listing.caution)
                set.insert(listing.market);
        }
        return set;
    }();
    MarketStatus status = MarketStatus::active();
    if (caution.contains(market))
        status.warning = u"CAUTION"_s;
    return status;
}

} // namespace ticker
