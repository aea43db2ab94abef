#pragma once

#include <QRandomGenerator>

namespace ticker {

struct BackoffPolicy
{
    int firstMs = 1000; // the ceiling of the first delay
    int capMs = 30000;  // no delay is longer
    int floorMs = 250;  // no delay is shorter: at most four dials a second
};

// When to dial again after a failed or lost link: exponential backoff with full jitter, a
// floor so a tight failure loop never dials more than a few times a second (Bithumb bans an IP
// for ten minutes after bursts over 10 connects/s), and a cap. A plain value, stepped in tests.
class Backoff
{
public:
    explicit Backoff(
        BackoffPolicy policy = {}, quint32 seed = QRandomGenerator::global()->generate());

    // A uniformly random delay in [floor, min(cap, first * 2^failures)]; counts one failure.
    int nextDelayMs();
    // The floor, for the first retry of a link that was healthy; counts one failure, so a
    // link that keeps dropping still backs off.
    int quickRetryMs()
    {
        ++m_failures;
        return m_policy.floorMs;
    }
    void reset() { m_failures = 0; } // the link has been healthy for a while
    int failures() const { return m_failures; }
    int ceilingMs() const; // the upper bound of the next delay
    const BackoffPolicy &policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    QRandomGenerator m_random;
    int m_failures = 0;
};

} // namespace ticker
