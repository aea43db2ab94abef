#pragma once

#include <QEvent>
#include <QObject>

namespace ticker::test {

// Counts a window's paint passes (installed on it as an event filter): each is one
// UpdateRequest to the top-level window, in which every widget marked dirty since the last
// pass paints and the backing store is flushed.
class PaintPasses : public QObject
{
public:
    qint64 count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        count += event->type() == QEvent::UpdateRequest;
        return false;
    }
};

} // namespace ticker::test
