#include "bithumbticker/clockoffset.h"

#include <algorithm>
#include <cstdlib>

namespace ticker {

bool ClockOffset::sample(qint64 offsetMs)
{
    m_samples[std::size_t(m_next)] = offsetMs;
    m_next = (m_next + 1) % window;
    m_count = std::min(m_count + 1, window);
    m_offsetMs = *std::min_element(m_samples.begin(), m_samples.begin() + m_count);
    if (m_count < minSamples)
        return false;
    const qint64 distance = std::abs(m_offsetMs);
    const bool skewed = m_skewed ? distance > m_limitMs / 2 : distance > m_limitMs;
    if (skewed == m_skewed)
        return false;
    m_skewed = skewed;
    return true;
}

} // namespace ticker
