//! Small components shared by the pages.
pub mod changes;
pub mod download;
pub mod name;
pub mod open_file;
pub mod text_editor;
