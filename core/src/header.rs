//! Header and parameter names of the protocol, in one place (stub).
