#include "alertsdialog.h"

#include "alertbook.h"
#include "appsettings.h"
#include "presentation.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ticker {

AlertsDialog::AlertsDialog(AlertBook *book, QWidget *parent)
    : QDialog(parent)
    , m_book(book)
{
    setWindowTitle(tr("Alerts"));
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setEnabled(false);
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch();
    removeRow->addWidget(m_remove);
    layout->addLayout(removeRow);

    auto *addRow = new QHBoxLayout;
    m_spec = new QLineEdit(this);
    m_spec->setPlaceholderText(tr("BTC_KRW>135000000, BTC_KRW<120000000 or BTC_KRW%5/10m"));
    m_spec->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setEnabled(false);
    addRow->addWidget(m_spec, 1);
    addRow->addWidget(m_add);
    layout->addLayout(addRow);
    m_error = new QLabel(this);
    m_error->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    auto *form = new QFormLayout;
    m_hysteresis = new QDoubleSpinBox(this);
    m_hysteresis->setRange(0, AppSettings::maxHysteresisPercent);
    m_hysteresis->setDecimals(2);
    m_hysteresis->setSingleStep(0.1);
    m_hysteresis->setSuffix(tr(" %"));
    m_hysteresis->setValue(book->hysteresisPercent());
    m_hysteresis->setToolTip(
        tr("A fired alert re-arms once the price is back this far past its threshold"));
    form->addRow(tr("Re-arm &band:"), m_hysteresis);
    m_snooze = new QSpinBox(this);
    m_snooze->setRange(1, AppSettings::maxSnoozeMinutes);
    m_snooze->setSuffix(tr(" min"));
    m_snooze->setValue(book->snoozeMinutes());
    m_snooze->setToolTip(tr("…or once this long has passed since it fired"));
    form->addRow(tr("&Snooze:"), m_snooze);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_spec, &QLineEdit::textChanged, this, &AlertsDialog::check);
    connect(m_spec, &QLineEdit::returnPressed, this, &AlertsDialog::addTyped);
    connect(m_add, &QPushButton::clicked, this, &AlertsDialog::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &AlertsDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_remove->setEnabled(row >= 0 && m_list->item(row)->flags().testFlag(Qt::ItemIsEnabled));
    });
    connect(m_hysteresis, &QDoubleSpinBox::valueChanged, book, &AlertBook::setHysteresisPercent);
    connect(m_snooze, &QSpinBox::valueChanged, book, &AlertBook::setSnoozeMinutes);
    connect(book, &AlertBook::changed, this, &AlertsDialog::fill);
    fill();
    resize(460, 360);
}

QString AlertsDialog::errorText() const
{
    return m_error->text();
}

void AlertsDialog::fill()
{
    m_list->clear();
    for (const AlertBook::Entry &entry : m_book->entries()) {
        auto *item = new QListWidgetItem(
            entry.saved ? entry.spec.text : tr("%1 · this run only").arg(entry.spec.text), m_list);
        if (!entry.saved) {
            // --alert's are the command line's to keep: not removed here.
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(tr("From --alert: watched for this run, not saved"));
        }
    }
    m_remove->setEnabled(false);
}

void AlertsDialog::check()
{
    const QString text = m_spec->text().trimmed();
    QString error;
    if (!text.isEmpty()) {
        const auto parsed = AlertSpec::parse(text);
        if (const auto *why = std::get_if<AlertSpec::Error>(&parsed))
            error = tr("Not an alert: %1").arg(presentAlertError(*why));
        else if (m_book->rowOf(std::get<AlertSpec>(parsed).text) >= 0)
            error = tr("Already watched");
    }
    m_error->setText(error);
    m_add->setEnabled(!text.isEmpty() && error.isEmpty());
}

bool AlertsDialog::addTyped()
{
    check();
    if (!m_add->isEnabled())
        return false;
    const auto parsed = AlertSpec::parse(m_spec->text().trimmed());
    if (!m_book->add(std::get<AlertSpec>(parsed)))
        return false;
    m_spec->clear();
    return true;
}

void AlertsDialog::removeSelected()
{
    const int row = m_list->currentRow();
    if (row >= 0 && m_list->item(row)->flags().testFlag(Qt::ItemIsEnabled))
        m_book->removeAt(row);
}

} // namespace ticker
