#include "bithumbticker/marketsearch.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr char16_t firstSyllable = 0xAC00, lastSyllable = 0xD7A3;
constexpr int syllablesPerInitial = 21 * 28; // medial vowels × finals (none included)
// The 19 initials in Unicode's syllable order, as compatibility jamo: not contiguous there,
// because that block interleaves the consonants that only end a syllable (ㄳ, ㄵ, …).
constexpr char16_t initials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142,
    0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
// Conjoining initial jamo (U+1100…), which some input methods send: same order as above.
constexpr char16_t firstConjoiningInitial = 0x1100;

QChar initialOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u < firstSyllable || u > lastSyllable)
        return c;
    return QChar(initials[(u - firstSyllable) / syllablesPerInitial]);
}

// Case-folded, without blanks, so "Bitcoin Cash" and "bitcoincash" compare equal.
QString searchable(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out.append(c.toCaseFolded());
    }
    return out;
}

bool charMatches(QChar typed, QChar name)
{
    return typed == name || (isHangulConsonant(typed) && initialOf(name) == typed);
}

// Where needle first matches in hay, a typed consonant matching the syllables it starts; -1.
qsizetype find(QStringView hay, QStringView needle, bool hasConsonants)
{
    if (!hasConsonants)
        return hay.indexOf(needle);
    for (qsizetype at = 0; at + needle.size() <= hay.size(); ++at) {
        qsizetype i = 0;
        while (i < needle.size() && charMatches(needle[i], hay[at + i]))
            ++i;
        if (i == needle.size())
            return at;
    }
    return -1;
}

MarketMatch symbolMatch(QStringView symbol, QStringView query)
{
    if (symbol == query)
        return MarketMatch::ExactSymbol;
    if (symbol.startsWith(query))
        return MarketMatch::SymbolPrefix;
    return symbol.contains(query) ? MarketMatch::Contains : MarketMatch::None;
}

MarketMatch nameMatch(QStringView name, QStringView query, bool hasConsonants)
{
    const qsizetype at = find(name, query, hasConsonants);
    if (at < 0)
        return MarketMatch::None;
    return at == 0 ? MarketMatch::NamePrefix : MarketMatch::Contains;
}

} // namespace

bool isHangulConsonant(QChar c)
{
    return c.unicode() >= 0x3131 && c.unicode() <= 0x314E;
}

QString hangulInitials(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out.append(initialOf(c));
    return out;
}

MarketSearchKey MarketSearchKey::of(const MarketCatalog::Entry &entry)
{
    return {entry.market.base().toCaseFolded(), entry.market.toV1().toCaseFolded(),
        entry.market.toV2().toCaseFolded(), searchable(entry.koreanName),
        searchable(entry.englishName), entry.market.quote() == u"KRW"};
}

MarketQuery::MarketQuery(QStringView text)
{
    QString composed = text.toString().normalized(QString::NormalizationForm_C);
    for (QChar &c : composed) {
        const char16_t u = c.unicode();
        if (u >= firstConjoiningInitial && u < firstConjoiningInitial + std::size(initials))
            c = QChar(initials[u - firstConjoiningInitial]);
    }
    m_text = searchable(composed);
    m_spellsMarket = m_text.contains(u'_') || m_text.contains(u'-');
    m_hasConsonants = std::any_of(m_text.cbegin(), m_text.cend(), isHangulConsonant);
}

MarketMatch MarketQuery::match(const MarketSearchKey &key) const
{
    if (m_text.isEmpty())
        return MarketMatch::Contains;
    const MarketMatch symbol = m_spellsMarket
        ? std::min(symbolMatch(key.v1, m_text), symbolMatch(key.v2, m_text))
        : symbolMatch(key.base, m_text);
    return std::min({symbol, nameMatch(key.korean, m_text, m_hasConsonants),
        nameMatch(key.english, m_text, m_hasConsonants)});
}

MarketMatch marketMatch(const MarketCatalog::Entry &entry, QStringView query)
{
    return MarketQuery(query).match(MarketSearchKey::of(entry));
}

bool matchesMarketQuery(const MarketCatalog::Entry &entry, QStringView query)
{
    return marketMatch(entry, query) != MarketMatch::None;
}

QString marketLabel(const MarketCatalog::Entry &entry)
{
    QString label = entry.market.base();
    if (entry.market.quote() != u"KRW")
        label += u'/' + entry.market.quote();
    for (const QString &name : {entry.koreanName, entry.englishName}) {
        if (!name.isEmpty())
            label += u" · "_s + name;
    }
    return label;
}

MarketChoice chooseMarket(const std::vector<MarketCatalog::Entry> &entries, QStringView text)
{
    using Outcome = MarketChoice::Outcome;
    const QStringView typed = text.trimmed();
    if (typed.isEmpty())
        return {};
    if (const auto market = MarketId::fromUser(typed)) {
        const bool listed = std::any_of(entries.cbegin(), entries.cend(),
            [&](const MarketCatalog::Entry &entry) { return entry.market == *market; });
        return {listed ? Outcome::Chosen : Outcome::NotListed, *market};
    }
    const MarketQuery query(typed);
    const MarketCatalog::Entry *exact = nullptr, *matched = nullptr;
    bool exactIsKrw = false;
    int matches = 0;
    for (const auto &entry : entries) {
        if (marketLabel(entry) == typed)
            return {Outcome::Chosen, entry.market};
        const auto key = MarketSearchKey::of(entry);
        const QString &q = query.text();
        if ((key.base == q || key.korean == q || key.english == q)
            && (!exact || (key.isKrw && !exactIsKrw))) {
            exact = &entry;
            exactIsKrw = key.isKrw;
        }
        if (query.matches(key)) {
            ++matches;
            matched = &entry;
        }
    }
    if (exact)
        return {Outcome::Chosen, exact->market};
    if (matches == 1)
        return {Outcome::Chosen, matched->market};
    return {matches == 0 ? Outcome::NoMatch : Outcome::Ambiguous, {}, matches};
}

} // namespace ticker
