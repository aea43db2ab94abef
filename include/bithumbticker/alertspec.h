#pragma once

#include "bithumbticker/marketid.h"

#include <QString>

#include <variant>

namespace ticker {

// One price alert as written on the command line: `BTC_KRW>135000000` (at or above),
// `KRW-BTC<120000000` (at or below), `BTC_KRW%5/10m` (a move of 5 % either way within
// 10 minutes; `%+5/10m` only up, `%-5/10m` only down). A pure value; parse() never throws.
struct AlertSpec
{
    enum class Kind { Above, Below, Move };
    enum class Direction { Either, Up, Down }; // of a Move
    // Why a text is no alert: a value, phrased by the app.
    enum class Error {
        Empty,         // nothing written
        NoCondition,   // none of >, < or %
        BadMarket,     // what precedes the condition is no market
        BadThreshold,  // not a plain positive decimal (no sign, exponent or separators)
        BadPercent,    // not a plain positive decimal up to maxPercent
        MissingWindow, // a move without /WINDOW
        BadWindow,     // not a whole number above 0 with s, m or h, at most maxWindowMs
    };

    static constexpr double maxPercent = 1000;
    static constexpr qint64 maxWindowMs = 24 * 3600'000; // the longest history a market keeps

    QString text;       // as written, whole: the alert's name in output
    QString marketText; // the market as written (trimmed): its spelling in output
    MarketId market;
    Kind kind = Kind::Above;
    QString thresholdText; // Above, Below: the exact decimal text
    double threshold = 0;
    Direction direction = Direction::Either; // Move
    double percent = 0;                      // Move: 5 means 5 %
    qint64 windowMs = 0;                     // Move

    static std::variant<AlertSpec, Error> parse(const QString &text);
};

} // namespace ticker
