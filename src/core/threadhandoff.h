#pragma once

// Debian's Qt is not built with ThreadSanitizer: the futex-based locks of its event queues are
// invisible to it, so data handed from one thread to another through a queued signal looks
// unsynchronised. Each hand-off between the feed thread and the GUI thread is declared here
// instead, on one process-wide channel: its address is known without reading any captured
// state, which would itself be a read before the acquire. Outside TSan builds these are no-ops.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace ticker::handoff {

inline char channel; // only its address is used

// Everything this thread did before release() happens before what another thread does after
// its acquire().
inline void release()
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(&channel);
#endif
}

inline void acquire()
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(&channel);
#endif
}

} // namespace ticker::handoff
