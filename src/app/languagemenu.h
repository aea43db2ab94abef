#pragma once

#include "uilanguage.h"

#include <QMenu>

class QActionGroup;

namespace ticker {

// The Language menu: System, 한국어, English. The choice is remembered (main() saves what
// chosen() says) and applies from the next start: every view phrases its words once, as it
// is built, so the menu says so rather than half-translating a running window.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    UiLanguage choice() const;
    void setChoice(UiLanguage language); // checks it; emits nothing

Q_SIGNALS:
    void chosen(ticker::UiLanguage language);

private:
    QActionGroup *m_group;
};

} // namespace ticker
