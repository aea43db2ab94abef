#pragma once

#include <QtGlobal>

#include <array>
#include <optional>

namespace ticker {

// How far this machine's clock is from the exchange's, from the offsets (receive time less
// the exchange's send time) of frames sent live. The trip only ever adds to an offset, so the
// smallest of the last few is the best estimate. The clocks are judged to disagree beyond a
// limit, and to agree again only under half of it, so a value near the limit does not flap.
class ClockOffset
{
public:
    static constexpr int window = 8;     // offsets kept
    static constexpr int minSamples = 3; // before any judgement

    explicit ClockOffset(qint64 limitMs = 5'000)
        : m_limitMs(limitMs)
    { }

    // Returns true when the judgement (skewed or not) changed with this sample.
    bool sample(qint64 offsetMs);
    bool isSkewed() const { return m_skewed; }
    qint64 offsetMs() const { return m_offsetMs; } // the estimate; 0 before any sample

private:
    qint64 m_limitMs;
    std::array<qint64, window> m_samples {};
    int m_count = 0;
    int m_next = 0;
    qint64 m_offsetMs = 0;
    bool m_skewed = false;
};

} // namespace ticker
