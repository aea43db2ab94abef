#pragma once

#include "bithumbticker/alertspec.h"

#include <QList>
#include <QObject>

namespace ticker {

class AlertEngine;
class AppSettings;

// The alerts the app watches, each either saved (in settings, edited in the Alerts dialog)
// or for this run only (--alert). The engine holds them in the same order, so a row here is
// an index there. The band and the snooze are settings too, fed to the engine.
class AlertBook : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        AlertSpec spec;
        bool saved = false;
    };

    // settings may be null: nothing is read or saved.
    AlertBook(AlertEngine *engine, AppSettings *settings, QObject *parent = nullptr);

    void addRunOnly(const AlertSpec &alert);
    void loadSaved();                 // the saved alerts, band and snooze
    bool add(const AlertSpec &alert); // saved; false when the same text is already watched
    void removeAt(int row);
    QList<Entry> entries() const { return m_entries; }
    int rowOf(const QString &text) const; // -1: not watched

    double hysteresisPercent() const;
    int snoozeMinutes() const;
    void setHysteresisPercent(double percent);
    void setSnoozeMinutes(int minutes);

Q_SIGNALS:
    void changed();

private:
    void save();

    AlertEngine *m_engine;
    AppSettings *m_settings;
    QList<Entry> m_entries;
};

} // namespace ticker
