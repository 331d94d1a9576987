//! Domain Connect protocol core. See the crate README section in `ARCHITECTURE.md`.
pub mod apply;
pub mod changeset;
pub mod error;
pub mod record;
pub mod signature;
pub mod template;
pub mod validate;
pub mod variables;
pub mod zone;

pub use apply::{apply_template, process_records, ApplyRequest, Dialect, ProcessOptions, SignatureGate};
pub use changeset::{ChangeSet, ConflictRule, DeletionReason};
pub use error::ApplyError;
pub use record::ZoneRecord;
pub use template::{Template, TemplateError, TemplateRecord};
pub use variables::Params;
