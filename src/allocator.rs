//! The one setting the binary makes to glibc's allocator, before any thread starts.
//!
//! glibc serves a request of 128 KB or more with a mapping of its own, returned to the system when
//! freed, but the first time such a block is freed it raises that threshold to the block's size,
//! up to 32 MB: from then on the large lists of a comparison (a report's text, its sections and
//! sentences, the rows) come out of the heap, and the room they leave when freed or moved stays
//! with the process. Comparing two reports of 1 MB, the first large block freed is the file
//! read, and the process ended holding 11.3 MB of anonymous memory where its lists came to 8.4;
//! with the threshold held, 14.3 MB at the peak instead of 15.8 (docs/performance.md).

/// Holds the allocator's mapping threshold at its default, 128 KB. Call before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn hold_mmap_threshold() {
    const MMAP_THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: `mallopt` sets one of the allocator's parameters and touches no memory of ours;
    // glibc takes its own lock, and no other thread exists yet. Its result (0 when refused) needs
    // no answer: the allocator then keeps its own setting.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Other systems' allocators are left as they are.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn hold_mmap_threshold() {}
