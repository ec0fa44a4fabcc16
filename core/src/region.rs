//! Regions (stub).

/// A region (stub).
pub struct Region;
