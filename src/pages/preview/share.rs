//! What the workbench's permalink holds (see [`crate::permalink`]).

use serde::{Deserialize, Serialize};

/// What the page holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    pub template: String,
    pub vars: String,
    pub domain: String,
    pub host: String,
    pub zone: String,
    /// The groups ticked (none: all).
    #[serde(default)]
    pub groups: Vec<String>,
    /// Whether the provider is taken to be multi-aware (links made before it: yes).
    #[serde(default = "yes")]
    pub multi_aware: bool,
}

fn yes() -> bool {
    true
}
