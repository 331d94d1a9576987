//! Errors the apply engine raises, named after the reference engine's exceptions.
//!
//! The names are the contract of the compliance suites (`expect.exception`) and of
//! `dconn apply` (`{"exception": ...}`), so they never change.

use std::fmt;

/// Why a template could not be applied. Every variant carries a human message that
/// names the record and field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// Bad record content or format after substitution (a host, an IP, a TTL…).
    InvalidData(String),
    /// The template itself is malformed or cannot be applied as configured.
    InvalidTemplate(String),
    /// A `%variable%` had no value.
    MissingParameter(String),
    /// The template has `hostRequired` and no host was given.
    HostRequired(String),
    /// A record type string that is neither a supported type nor a valid custom type
    /// (or a parameter value that is not a string, as the reference engine raises).
    TypeError(String),
    /// The request had to be signed and the signature did not verify.
    InvalidSignature(String),
}

impl ApplyError {
    /// The exception name as the compliance suites and the CLI spell it.
    pub fn name(&self) -> &'static str {
        match self {
            ApplyError::InvalidData(_) => "InvalidData",
            ApplyError::InvalidTemplate(_) => "InvalidTemplate",
            ApplyError::MissingParameter(_) => "MissingParameter",
            ApplyError::HostRequired(_) => "HostRequired",
            ApplyError::TypeError(_) => "TypeError",
            ApplyError::InvalidSignature(_) => "InvalidSignature",
        }
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        match self {
            ApplyError::InvalidData(m)
            | ApplyError::InvalidTemplate(m)
            | ApplyError::MissingParameter(m)
            | ApplyError::HostRequired(m)
            | ApplyError::TypeError(m)
            | ApplyError::InvalidSignature(m) => m,
        }
    }
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name(), self.message())
    }
}

impl std::error::Error for ApplyError {}

impl serde::Serialize for ApplyError {
    /// `{"exception": "InvalidData", "message": "…"}`, as `dconn apply` prints it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ApplyError", 2)?;
        st.serialize_field("exception", self.name())?;
        st.serialize_field("message", self.message())?;
        st.end()
    }
}
