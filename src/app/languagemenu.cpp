#include "languagemenu.h"

#include <QActionGroup>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const char *const languageProperty = "tickerLanguage";

} // namespace

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(u"languageMenu"_s);
    // Each language in its own words, so a user who cannot read the other one finds theirs.
    for (const auto &[label, language] :
        {std::pair {tr("System"), UiLanguage::System}, std::pair {u"한국어"_s, UiLanguage::Korean},
            std::pair {u"English"_s, UiLanguage::English}}) {
        QAction *action = addAction(label);
        action->setCheckable(true);
        action->setProperty(languageProperty, int(language));
        m_group->addAction(action);
    }
    setChoice(UiLanguage::System);
    addSeparator();
    addAction(tr("Applies after a restart"))->setEnabled(false);
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *action) {
        Q_EMIT chosen(UiLanguage(action->property(languageProperty).toInt()));
    });
}

UiLanguage LanguageMenu::choice() const
{
    const QAction *checked = m_group->checkedAction();
    return checked ? UiLanguage(checked->property(languageProperty).toInt()) : UiLanguage::System;
}

void LanguageMenu::setChoice(UiLanguage language)
{
    for (QAction *action : m_group->actions())
        action->setChecked(action->property(languageProperty).toInt() == int(language));
}

} // namespace ticker
