#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace ticker::test {

inline QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TICKER_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace ticker::test
