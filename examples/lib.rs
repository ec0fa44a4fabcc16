//! Shared helpers of the example programs (none yet).
