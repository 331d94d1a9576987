//! Errors the apply engine raises, named after the reference engine's exceptions.
//!
//! The names are the contract of the compliance suites (`expect.exception`) and of
//! `dconn apply` (`{"exception": ...}`), so they never change. Each carries a typed
//! [`Fault`]: which template record, which field, which value, and what is wrong
//! ([`Problem`]); [`fmt::Display`] is the one place it becomes a sentence.

use std::fmt;

/// Why a template could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApplyError {
    /// Bad record content or format after substitution (a host, an IP, a TTL…).
    InvalidData(Fault),
    /// The template itself is malformed or cannot be applied as configured.
    InvalidTemplate(Fault),
    /// A `%variable%` had no value.
    MissingParameter(Fault),
    /// The template has `hostRequired` and no host was given.
    HostRequired {
        /// The template's `providerId`.
        provider_id: String,
        /// The template's `serviceId`.
        service_id: String,
    },
    /// A record type that is neither a supported type nor a valid custom type (or a
    /// parameter value that is not a string, as the reference engine raises).
    TypeError(Fault),
    /// The request had to be signed and the signature did not verify.
    InvalidSignature {
        /// Why, as the signature verdict says.
        reason: crate::signature::SignatureProblem,
    },
}

/// Where an error is and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Fault {
    /// The template record (its index in `records`), when one is at fault.
    pub record: Option<usize>,
    /// That record's type, as the template writes it.
    pub record_type: Option<crate::record_type::RecordType>,
    /// The field (`host`, `pointsTo`, `ttl`…), when one is at fault.
    pub field: Option<&'static str>,
    /// The value at fault (after substitution, where there was one).
    pub value: Option<String>,
    /// The value as the template wrote it, when substitution changed it.
    pub template_value: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a template, a record or a value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Problem {
    /// The value is not valid for the field (a host, an address, a target…).
    #[default]
    InvalidValue,
    /// An integer field (TTL, priority, weight, port) is not an integer or one `%variable%`.
    NotAnIntegerField,
    /// An integer field resolved to something that is not an integer.
    NotAnInteger,
    /// `pointsTo` of an NS record is `@`: a circular delegation.
    CircularDelegation,
    /// An APEXCNAME has a host other than `@`.
    ApexCnameNotAtApex,
    /// A custom-type record has no data, or `@` as its data.
    EmptyCustomData,
    /// A wildcard anywhere but the leftmost label.
    BadWildcard,
    /// The record has no such field, and its type needs it.
    MissingField,
    /// A `%` without its closing `%`.
    UnpairedDelimiter,
    /// No value for this variable.
    NoValue {
        /// The variable.
        variable: String,
    },
    /// The parameter's value is not a string.
    NotText {
        /// The variable.
        variable: String,
    },
    /// Substitution made a value longer than the engine allows.
    TooLongAfterSubstitution {
        /// The limit, in bytes.
        limit: usize,
        /// The variable whose value made it too long.
        variable: String,
    },
    /// The record type is neither one the engine knows nor a valid custom type.
    UnknownType,
    /// REDIR301/302 without redirect records configured.
    NoRedirectRecords,
    /// `txtConflictMatchingMode` is `Prefix` without `txtConflictMatchingPrefix`.
    PrefixWithoutPrefix,
    /// Two records of the template conflict with each other.
    ConflictsWithTemplateRecord {
        /// The other template record.
        other: usize,
    },
    /// The template could not be read at all (a file, JSON that does not parse).
    TemplateNotRead {
        /// Why, as the reader says.
        reason: String,
    },
    /// A zone too large to index.
    ZoneTooLarge {
        /// Its number of records.
        records: usize,
    },
}

impl Fault {
    /// A fault that is only a problem, not yet placed.
    pub fn new(problem: Problem) -> Fault {
        Fault { problem, ..Fault::default() }
    }

    /// The same fault, placed at template record `index` of type `rtype`.
    pub fn at_record(mut self, index: usize, rtype: &crate::record_type::RecordType) -> Fault {
        self.record.get_or_insert(index);
        self.record_type.get_or_insert_with(|| rtype.clone());
        self
    }

    /// The same fault, about `field`.
    pub fn in_field(mut self, field: &'static str) -> Fault {
        self.field.get_or_insert(field);
        self
    }

    /// The same fault, about `value` (and the template's text it came from, when
    /// different).
    pub fn with_value(mut self, value: &str, template_value: Option<&str>) -> Fault {
        self.value = Some(value.to_string());
        self.template_value = template_value.filter(|t| *t != value).map(str::to_string);
        self
    }
}

impl ApplyError {
    /// The exception name as the compliance suites and the CLI spell it.
    pub fn name(&self) -> &'static str {
        match self {
            ApplyError::InvalidData(_) => "InvalidData",
            ApplyError::InvalidTemplate(_) => "InvalidTemplate",
            ApplyError::MissingParameter(_) => "MissingParameter",
            ApplyError::HostRequired { .. } => "HostRequired",
            ApplyError::TypeError(_) => "TypeError",
            ApplyError::InvalidSignature { .. } => "InvalidSignature",
        }
    }

    /// The fault, for the variants that have one.
    pub fn fault(&self) -> Option<&Fault> {
        match self {
            ApplyError::InvalidData(f) | ApplyError::InvalidTemplate(f) | ApplyError::MissingParameter(f) | ApplyError::TypeError(f) => Some(f),
            _ => None,
        }
    }

    /// The same error, placed at template record `index` of type `rtype` (where not
    /// placed already).
    pub fn at_record(self, index: usize, rtype: &crate::record_type::RecordType) -> ApplyError {
        match self {
            ApplyError::InvalidData(f) => ApplyError::InvalidData(f.at_record(index, rtype)),
            ApplyError::InvalidTemplate(f) => ApplyError::InvalidTemplate(f.at_record(index, rtype)),
            ApplyError::MissingParameter(f) => ApplyError::MissingParameter(f.at_record(index, rtype)),
            ApplyError::TypeError(f) => ApplyError::TypeError(f.at_record(index, rtype)),
            other => other,
        }
    }

    /// The message: the sentence without the exception's name.
    pub fn message(&self) -> String {
        match self {
            ApplyError::HostRequired { provider_id, service_id } => format!("Template {provider_id}/{service_id} requires a host name"),
            ApplyError::InvalidSignature { reason } => reason.to_string(),
            _ => self.fault().map(|f| f.to_string()).unwrap_or_default(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::InvalidValue => write!(f, "invalid value"),
            Problem::NotAnIntegerField => write!(f, "must be an integer or a single %variable%"),
            Problem::NotAnInteger => write!(f, "is not an integer"),
            Problem::CircularDelegation => write!(f, "@ would create a circular delegation"),
            Problem::ApexCnameNotAtApex => write!(f, "an APEXCNAME must be at @ (or have no host)"),
            Problem::EmptyCustomData => write!(f, "a custom record type needs data other than empty or @"),
            Problem::BadWildcard => write!(f, "a wildcard may only be the leftmost label"),
            Problem::MissingField => write!(f, "the record has no such field, and its type needs it"),
            Problem::UnpairedDelimiter => write!(f, "unpaired variable delimiter %"),
            Problem::NoValue { variable } => write!(f, "no value for parameter '{variable}'"),
            Problem::NotText { variable } => write!(f, "the value of parameter '{variable}' is not a string"),
            Problem::TooLongAfterSubstitution { limit, variable } => write!(f, "longer than {limit} bytes after substituting %{variable}%"),
            Problem::UnknownType => write!(f, "unknown record type"),
            Problem::NoRedirectRecords => write!(f, "REDIR301/REDIR302 are not supported here (no redirect records are configured)"),
            Problem::PrefixWithoutPrefix => write!(f, "txtConflictMatchingMode is Prefix but txtConflictMatchingPrefix is missing"),
            Problem::ConflictsWithTemplateRecord { other } => write!(f, "conflicts with records[{other}] of the same template"),
            Problem::TemplateNotRead { reason } => write!(f, "the template could not be read: {reason}"),
            Problem::ZoneTooLarge { records } => write!(f, "a zone of {records} records is too large to index"),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.record, &self.record_type) {
            (Some(i), Some(t)) => write!(f, "records[{i}] ({t}): ")?,
            (Some(i), None) => write!(f, "records[{i}]: ")?,
            _ => {}
        }
        if let Some(field) = self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.problem)?;
        if let Some(v) = &self.value {
            write!(f, ": {v:?}")?;
        }
        if let Some(t) = &self.template_value {
            write!(f, " (from {t:?})")?;
        }
        Ok(())
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
        st.serialize_field("message", &self.message())?;
        st.end()
    }
}
