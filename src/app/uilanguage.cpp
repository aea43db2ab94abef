#include "uilanguage.h"

#include "bithumbticker/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace ticker {

std::optional<UiLanguage> parseUiLanguage(const QString &code)
{
    if (code == u"ko")
        return UiLanguage::Korean;
    if (code == u"en")
        return UiLanguage::English;
    if (code == u"system")
        return UiLanguage::System;
    return std::nullopt;
}

QString uiLanguageCode(UiLanguage language)
{
    switch (language) {
    case UiLanguage::Korean:
        return u"ko"_s;
    case UiLanguage::English:
        return u"en"_s;
    case UiLanguage::System:
        break;
    }
    return u"system"_s;
}

QLocale uiLocale(UiLanguage language, const QLocale &system)
{
    if (language == UiLanguage::System)
        language = system.language() == QLocale::Korean ? UiLanguage::Korean : UiLanguage::English;
    const QLocale::Language wanted
        = language == UiLanguage::Korean ? QLocale::Korean : QLocale::English;
    if (system.language() == wanted)
        return system;
    return wanted == QLocale::Korean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                     : QLocale(QLocale::English, QLocale::UnitedStates);
}

bool installUiLanguage(const QLocale &locale, QObject *owner)
{
    QLocale::setDefault(locale);
    // Qt's own words (the file dialog, a line edit's menu), where Debian's translations are
    // installed; the app does without them.
    auto *qt = new QTranslator(owner);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // The English file holds the plural forms ("1 s ago"), so both languages load one.
    auto *own = new QTranslator(owner);
    if (!own->load(locale, u"bithumbticker"_s, u"_"_s, u":/i18n"_s)) {
        qCWarning(lcUi) << "no translation for" << locale.name();
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace ticker
