#pragma once

#include <QString>

#include <ostream>

// GoogleTest prints a QString (and so a QStringList) as its text, not as UTF-16 code units.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
