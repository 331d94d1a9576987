//! Reading a template and its records: a map visitor per struct, which keeps the
//! properties the spec does not define in `extra` as it meets them. (serde's
//! `#[serde(flatten)]` would buffer every template into its `Content` tree first: more
//! code in every wasm bundle, and errors placed at the end of their object rather than
//! at the value that is wrong.)

use super::{IntField, Template, TemplateRecord};
use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};
use std::fmt;

/// Read the next value into `slot`, refusing a second one as serde's derive does.
fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// An optional field (`null` is absent): read once, a second time refused.
fn optional<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, slot: &mut Option<T>, seen: &mut bool, name: &'static str) -> Result<(), A::Error> {
    if std::mem::replace(seen, true) {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = map.next_value()?;
    Ok(())
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(TemplateVisitor)
    }
}

struct TemplateVisitor;

impl<'de> Visitor<'de> for TemplateVisitor {
    type Value = Template;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Template")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Template, A::Error> {
        let (mut provider_id, mut service_id, mut records) = (None, None, None);
        let mut t = Template {
            provider_id: String::new(),
            provider_name: None,
            service_id: String::new(),
            service_name: None,
            version: None,
            logo_url: None,
            description: None,
            variable_description: None,
            shared: None,
            sync_block: None,
            shared_provider_name: None,
            shared_service_name: None,
            sync_pub_key_domain: None,
            sync_redirect_domain: None,
            multi_instance: None,
            warn_phishing: None,
            host_required: None,
            records: Vec::new(),
            extra: Default::default(),
        };
        let mut seen = [false; 15];
        while let Some(key) = map.next_key::<String>()? {
            let m = &mut map;
            match key.as_str() {
                "providerId" => once(m, &mut provider_id, "providerId")?,
                "serviceId" => once(m, &mut service_id, "serviceId")?,
                "records" => once(m, &mut records, "records")?,
                "providerName" => optional(m, &mut t.provider_name, &mut seen[0], "providerName")?,
                "serviceName" => optional(m, &mut t.service_name, &mut seen[1], "serviceName")?,
                "version" => optional(m, &mut t.version, &mut seen[2], "version")?,
                "logoUrl" => optional(m, &mut t.logo_url, &mut seen[3], "logoUrl")?,
                "description" => optional(m, &mut t.description, &mut seen[4], "description")?,
                "variableDescription" => optional(m, &mut t.variable_description, &mut seen[5], "variableDescription")?,
                "shared" => optional(m, &mut t.shared, &mut seen[6], "shared")?,
                "syncBlock" => optional(m, &mut t.sync_block, &mut seen[7], "syncBlock")?,
                "sharedProviderName" => optional(m, &mut t.shared_provider_name, &mut seen[8], "sharedProviderName")?,
                "sharedServiceName" => optional(m, &mut t.shared_service_name, &mut seen[9], "sharedServiceName")?,
                "syncPubKeyDomain" => optional(m, &mut t.sync_pub_key_domain, &mut seen[10], "syncPubKeyDomain")?,
                "syncRedirectDomain" => optional(m, &mut t.sync_redirect_domain, &mut seen[11], "syncRedirectDomain")?,
                "multiInstance" => optional(m, &mut t.multi_instance, &mut seen[12], "multiInstance")?,
                "warnPhishing" => optional(m, &mut t.warn_phishing, &mut seen[13], "warnPhishing")?,
                "hostRequired" => optional(m, &mut t.host_required, &mut seen[14], "hostRequired")?,
                _ => {
                    let value = map.next_value()?;
                    t.extra.insert(key, value);
                }
            }
        }
        t.provider_id = provider_id.ok_or_else(|| A::Error::missing_field("providerId"))?;
        t.service_id = service_id.ok_or_else(|| A::Error::missing_field("serviceId"))?;
        t.records = records.ok_or_else(|| A::Error::missing_field("records"))?;
        Ok(t)
    }
}

impl<'de> Deserialize<'de> for TemplateRecord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = TemplateRecord;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct TemplateRecord")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TemplateRecord, A::Error> {
        let mut rtype = None;
        let mut r = TemplateRecord::default();
        let mut seen = [false; 16];
        while let Some(key) = map.next_key::<String>()? {
            let m = &mut map;
            let int = |m: &mut A, slot: &mut Option<IntField>, seen: &mut bool, name| optional(m, slot, seen, name);
            match key.as_str() {
                "type" => once(m, &mut rtype, "type")?,
                "groupId" => optional(m, &mut r.group_id, &mut seen[0], "groupId")?,
                "essential" => optional(m, &mut r.essential, &mut seen[1], "essential")?,
                "host" => optional(m, &mut r.host, &mut seen[2], "host")?,
                "name" => optional(m, &mut r.name, &mut seen[3], "name")?,
                "pointsTo" => optional(m, &mut r.points_to, &mut seen[4], "pointsTo")?,
                "ttl" => int(m, &mut r.ttl, &mut seen[5], "ttl")?,
                "data" => optional(m, &mut r.data, &mut seen[6], "data")?,
                "txtConflictMatchingMode" => optional(m, &mut r.txt_conflict_matching_mode, &mut seen[7], "txtConflictMatchingMode")?,
                "txtConflictMatchingPrefix" => optional(m, &mut r.txt_conflict_matching_prefix, &mut seen[8], "txtConflictMatchingPrefix")?,
                "priority" => int(m, &mut r.priority, &mut seen[9], "priority")?,
                "weight" => int(m, &mut r.weight, &mut seen[10], "weight")?,
                "port" => int(m, &mut r.port, &mut seen[11], "port")?,
                "protocol" => optional(m, &mut r.protocol, &mut seen[12], "protocol")?,
                "service" => optional(m, &mut r.service, &mut seen[13], "service")?,
                "target" => optional(m, &mut r.target, &mut seen[14], "target")?,
                "spfRules" => optional(m, &mut r.spf_rules, &mut seen[15], "spfRules")?,
                _ => {
                    let value = map.next_value()?;
                    r.extra.insert(key, value);
                }
            }
        }
        r.rtype = rtype.ok_or_else(|| A::Error::missing_field("type"))?;
        Ok(r)
    }
}
