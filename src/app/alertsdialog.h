#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ticker {

class AlertBook;

// Add, list and remove alerts, and set their band and snooze. A new alert is written as on
// the command line and checked as it is typed (AlertSpec's parser; its reason in words);
// alerts from --alert are listed as for this run only.
class AlertsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AlertsDialog(AlertBook *book, QWidget *parent = nullptr);

    QLineEdit *specEdit() const { return m_spec; }
    QListWidget *list() const { return m_list; }
    QString errorText() const; // why the text typed is no alert; empty when it is one
    bool addTyped();           // adds what is typed, if it is an alert
    void removeSelected();

private:
    void fill();
    void check();

    AlertBook *m_book;
    QListWidget *m_list;
    QLineEdit *m_spec;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
    QDoubleSpinBox *m_hysteresis;
    QSpinBox *m_snooze;
};

} // namespace ticker
