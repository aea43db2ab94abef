#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/tick.h"

#include <QHash>
#include <QObject>

#include <cstdio>

namespace ticker {

// --headless: one JSON object per tick per line, flushed per line, so a pipe sees each tick
// the moment it arrives.
class HeadlessPrinter : public QObject
{
    Q_OBJECT
public:
    HeadlessPrinter(QHash<MarketId, QString> spelling, std::FILE *out, qint64 limit = 0,
        QObject *parent = nullptr);

    static QByteArray toJsonLine(const Tick &tick, const QString &symbol);
    // {"alert":SPEC,"symbol":…,"closePrice":…,"time":…}: the market as the spec spells it, the
    // price and trade time of the tick that fired it.
    static QByteArray alertJsonLine(const AlertSpec &alert, const Tick &tick);
    // Only these markets' ticks are printed (others are subscribed for alerts); empty: all.
    void setPrinted(QList<MarketId> markets) { m_printedMarkets = std::move(markets); }
    qint64 printed() const { return m_printed; }

public Q_SLOTS:
    void print(const ticker::TickBatch &ticks);
    void printAlert(const ticker::AlertSpec &alert, const ticker::Tick &tick);

Q_SIGNALS:
    void limitReached(); // printed `limit` ticks; nothing more is printed

private:
    QHash<MarketId, QString> m_spelling;
    QList<MarketId> m_printedMarkets;
    std::FILE *m_out;
    qint64 m_limit;
    qint64 m_printed = 0;
};

} // namespace ticker
