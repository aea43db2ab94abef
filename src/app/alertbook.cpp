#include "alertbook.h"

#include "appsettings.h"
#include "bithumbticker/alertengine.h"

#include <algorithm>

namespace ticker {

AlertBook::AlertBook(AlertEngine *engine, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
{ }

void AlertBook::addRunOnly(const AlertSpec &alert)
{
    m_engine->add(alert);
    m_entries.append({alert, false});
    Q_EMIT changed();
}

void AlertBook::loadSaved()
{
    if (!m_settings)
        return;
    m_engine->setHysteresis(m_settings->alertHysteresisPercent() / 100);
    m_engine->setSnoozeMs(qint64(m_settings->alertSnoozeMinutes()) * 60'000);
    for (const AlertSpec &alert : m_settings->alerts()) {
        if (const int row = rowOf(alert.text); row >= 0) {
            m_entries[row].saved = true; // --alert named a saved one: watched once
            continue;
        }
        m_engine->add(alert);
        m_entries.append({alert, true});
    }
    Q_EMIT changed();
}

bool AlertBook::add(const AlertSpec &alert)
{
    if (rowOf(alert.text) >= 0)
        return false;
    m_engine->add(alert);
    m_entries.append({alert, true});
    save();
    Q_EMIT changed();
    return true;
}

void AlertBook::removeAt(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const bool saved = m_entries.at(row).saved;
    m_engine->removeAt(row);
    m_entries.removeAt(row);
    if (saved)
        save();
    Q_EMIT changed();
}

int AlertBook::rowOf(const QString &text) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).spec.text == text)
            return row;
    }
    return -1;
}

double AlertBook::hysteresisPercent() const
{
    return m_engine->hysteresis() * 100;
}

int AlertBook::snoozeMinutes() const
{
    return int(m_engine->snoozeMs() / 60'000);
}

void AlertBook::setHysteresisPercent(double percent)
{
    percent = std::clamp(percent, 0.0, AppSettings::maxHysteresisPercent);
    m_engine->setHysteresis(percent / 100);
    if (m_settings) {
        m_settings->setAlertHysteresisPercent(percent);
        m_settings->sync();
    }
}

void AlertBook::setSnoozeMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, AppSettings::maxSnoozeMinutes);
    m_engine->setSnoozeMs(qint64(minutes) * 60'000);
    if (m_settings) {
        m_settings->setAlertSnoozeMinutes(minutes);
        m_settings->sync();
    }
}

void AlertBook::save()
{
    if (!m_settings)
        return;
    QList<AlertSpec> saved;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.saved)
            saved.append(entry.spec);
    }
    m_settings->setAlerts(saved);
    m_settings->sync();
}

} // namespace ticker
