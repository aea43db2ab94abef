#pragma once

#include "bithumbticker/marketcatalog.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace ticker {

// Finding a market the way Korean exchange apps do: by symbol (BTC, btc_krw, KRW-BTC), Korean
// or English name, any case, anywhere in it, blanks ignored; and by 초성, the initial consonants
// of the Korean name (ㅂㅌ finds 비트코인). Pure functions, no Widgets.

// Each precomposed Hangul syllable (U+AC00–U+D7A3) becomes its initial consonant as a
// compatibility jamo, the letter a Korean keyboard types (비트코인 → ㅂㅌㅋㅇ); the rest is kept.
QString hangulInitials(QStringView text);
// ㄱ…ㅎ as a Korean keyboard types them (compatibility jamo U+3131–U+314E, doubles included).
bool isHangulConsonant(QChar c);

// How an entry matches a query, best first: the order the picker lists them in.
enum class MarketMatch { ExactSymbol, SymbolPrefix, NamePrefix, Contains, None };

// What matching reads of one entry, folded once per entry rather than once per keystroke.
struct MarketSearchKey
{
    QString base;    // btc
    QString v1;      // btc_krw
    QString v2;      // krw-btc
    QString korean;  // 비트코인캐시: blanks removed
    QString english; // bitcoincash: folded, blanks removed
    bool isKrw = false;

    static MarketSearchKey of(const MarketCatalog::Entry &entry);
};

// A query, prepared once per keystroke. Blanks anywhere are ignored, on both sides. A query
// with _ or - is a market spelling and is matched against BTC_KRW and KRW-BTC; without, against
// the base symbol. Names are compared position by position, where a typed consonant ㄱ…ㅎ also
// matches a syllable starting with it: ㅂㅌ and 비ㅌ find 비트코인 alike, 비트 only syllables.
class MarketQuery
{
public:
    explicit MarketQuery(QStringView text = {});

    bool isEmpty() const { return m_text.isEmpty(); }
    // Every entry matches the empty query, as Contains.
    MarketMatch match(const MarketSearchKey &key) const;
    bool matches(const MarketSearchKey &key) const { return match(key) != MarketMatch::None; }
    const QString &text() const { return m_text; } // as compared: folded, no blanks

private:
    QString m_text;
    bool m_spellsMarket = false;
    bool m_hasConsonants = false;
};

MarketMatch marketMatch(const MarketCatalog::Entry &entry, QStringView query);
bool matchesMarketQuery(const MarketCatalog::Entry &entry, QStringView query);

// The one line that names an entry: "BTC · 비트코인 · Bitcoin"; a market not quoted in KRW shows
// its quote: "ETH/BTC · 이더리움 · Ethereum". Data only, nothing to translate.
QString marketLabel(const MarketCatalog::Entry &entry);

// What Enter on a typed text means, given the catalogue.
struct MarketChoice
{
    enum class Outcome {
        Chosen,    // market: a listed one
        Empty,     // nothing typed
        NotListed, // market: spelled like a market (KRW-NOPE) but not in the catalogue
        NoMatch,   // neither a market nor any entry's symbol or name
        Ambiguous, // matches: more than one entry and none exactly
    };
    Outcome outcome = Outcome::Empty;
    MarketId market;
    int matches = 0;
};

// In this order: a market spelling (BTC_KRW, krw-btc), listed or not; an entry's label; a bare
// symbol or a whole name, the KRW market first when several share it; else the one entry the
// query matches.
MarketChoice chooseMarket(const std::vector<MarketCatalog::Entry> &entries, QStringView text);

} // namespace ticker
