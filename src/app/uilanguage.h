#pragma once

#include <QLocale>
#include <QString>

#include <optional>

class QObject;

namespace ticker {

// The window's language: Korean or English, or whatever the system's locale says (Korean
// there gives Korean, anything else English). Numbers, dates and ages follow the same choice.
enum class UiLanguage { System, Korean, English };

// "ko", "en", "system" (the settings' and --lang's spelling); nothing for any other text.
std::optional<UiLanguage> parseUiLanguage(const QString &code);
QString uiLanguageCode(UiLanguage language);

// The locale the window formats with: the system's own when it speaks the chosen language
// (so en_GB keeps its dates), else that language's default country.
QLocale uiLocale(UiLanguage language, const QLocale &system);

// Makes locale the default and installs the app's translation for its language (built into
// the binary), and Qt's own where Debian's are installed. The translators are owner's
// children: deleting owner uninstalls them. False if the app's could not be loaded.
bool installUiLanguage(const QLocale &locale, QObject *owner);

} // namespace ticker
