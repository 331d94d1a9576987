//! Small components shared by the pages.
pub mod changes;
pub mod name;
