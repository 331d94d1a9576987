//! One module per route.
pub mod consent;
pub mod home;
pub mod preview;
pub mod replay;
