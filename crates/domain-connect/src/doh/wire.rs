//! RFC 1035 §4 messages, as far as one TXT lookup needs: the query, and in the answer
//! the header, the question and each answer record's owner, type and data.
//!
//! Written here rather than with hickory-proto's codecs: hickory's `Name` carries its
//! IDNA (Unicode) tables and every protocol error message it knows into whatever
//! links it, about 50 KB brotli of the consent page. hickory stays the zone-file
//! parser, and the tests build every answer this reads with hickory
//! (`doh/tests.rs`), so the two agree on the wire format.
//!
//! Names are compared as DNS compares them (RFC 4343: ASCII letters without regard to
//! case, every other octet exactly). Compression pointers must point before every
//! label read so far for the name, so a pointer can never loop.

use super::DohError;

/// Record types read from answers.
pub(super) const A: u16 = 1;
pub(super) const NS: u16 = 2;
pub(super) const CNAME: u16 = 5;
pub(super) const MX: u16 = 15;
pub(super) const TXT: u16 = 16;
pub(super) const AAAA: u16 = 28;
pub(super) const SRV: u16 = 33;
const CLASS_IN: u16 = 1;
/// The longest name, in wire form (RFC 1035 §3.1).
const MAX_NAME: usize = 255;

/// A name in uncompressed wire form, ASCII letters lowercased: equal names are equal
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WireName(Vec<u8>);

impl WireName {
    /// A name from its text form (trailing dot optional). Key hosts are ASCII: letters,
    /// digits, `-` and `_`, labels of 1 to 63 octets, 253 in all.
    pub(super) fn from_ascii(text: &str) -> Result<WireName, DohError> {
        let text = text.strip_suffix('.').unwrap_or(text);
        let bad = || DohError::BadName(format!("{text:?} is not an ASCII name of labels of at most 63 characters, 253 in all"));
        if text.is_empty() || text.len() > 253 {
            return Err(bad());
        }
        let mut out = Vec::with_capacity(text.len() + 2);
        for label in text.split('.') {
            let ok = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
            if label.is_empty() || label.len() > 63 || !label.bytes().all(ok) {
                return Err(bad());
            }
            out.push(label.len() as u8);
            out.extend(label.bytes().map(|b| b.to_ascii_lowercase()));
        }
        out.push(0);
        Ok(WireName(out))
    }

    /// The name as text, for messages: dotted, other than letters, digits, `-` and `_`
    /// written as `\DDD`.
    pub(super) fn to_text(&self) -> String {
        let mut out = String::new();
        let mut rest = &self.0[..];
        while let Some((&len, tail)) = rest.split_first() {
            if len == 0 {
                break;
            }
            let (label, tail) = tail.split_at(usize::from(len).min(tail.len()));
            for &b in label {
                if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                    out.push(char::from(b));
                } else {
                    out.push_str(&format!("\\{b:03}"));
                }
            }
            out.push('.');
            rest = tail;
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }
}

/// The query for the `qtype` records at `name`, recursion desired.
pub(super) fn query(name: &WireName, qtype: u16, id: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(12 + name.0.len() + 4);
    out.extend(id.to_be_bytes());
    out.extend(0x0100u16.to_be_bytes()); // RD
    out.extend([0, 1, 0, 0, 0, 0, 0, 0]); // one question
    out.extend(&name.0);
    out.extend(qtype.to_be_bytes());
    out.extend(CLASS_IN.to_be_bytes());
    out
}

/// The header fields a lookup looks at.
pub(super) struct Header {
    pub id: u16,
    /// QR: a response, not a query.
    pub response: bool,
    /// TC: truncated.
    pub truncated: bool,
    pub rcode: u16,
    pub questions: u16,
    pub answers: u16,
}

/// One answer record: owner, type, and where its data lies in the message.
pub(super) struct Record {
    pub owner: WireName,
    pub rtype: u16,
    pub data: std::ops::Range<usize>,
}

/// A cursor over a message.
pub(super) struct Reader<'a> {
    msg: &'a [u8],
    pos: usize,
}

fn ends_early() -> DohError {
    DohError::Malformed("it ends in the middle of a field".into())
}

impl<'a> Reader<'a> {
    pub(super) fn new(msg: &'a [u8]) -> Self {
        Reader { msg, pos: 0 }
    }

    pub(super) fn at(msg: &'a [u8], pos: usize) -> Self {
        Reader { msg, pos }
    }

    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    pub(super) fn bytes(&mut self, n: usize) -> Result<&'a [u8], DohError> {
        let s = self.msg.get(self.pos..self.pos + n).ok_or_else(ends_early)?;
        self.pos += n;
        Ok(s)
    }

    pub(super) fn u8(&mut self) -> Result<u8, DohError> {
        Ok(self.bytes(1)?[0])
    }

    pub(super) fn u16(&mut self) -> Result<u16, DohError> {
        let b = self.bytes(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub(super) fn header(&mut self) -> Result<Header, DohError> {
        let id = self.u16()?;
        let flags = self.u16()?;
        let questions = self.u16()?;
        let answers = self.u16()?;
        self.bytes(4)?; // authority and additional counts
        Ok(Header { id, response: flags & 0x8000 != 0, truncated: flags & 0x0200 != 0, rcode: flags & 0x000f, questions, answers })
    }

    /// A possibly compressed name (RFC 1035 §4.1.4).
    pub(super) fn name(&mut self) -> Result<WireName, DohError> {
        let bad = |why: &str| DohError::Malformed(why.to_string());
        let mut out = Vec::new();
        let mut pos = self.pos;
        // Every pointer must point before all that was read for this name.
        let mut lowest = pos;
        let mut resume = None;
        loop {
            let len = *self.msg.get(pos).ok_or_else(ends_early)?;
            match len & 0xc0 {
                0x00 if len == 0 => {
                    out.push(0);
                    pos += 1;
                    break;
                }
                0x00 => {
                    let label = self.msg.get(pos + 1..pos + 1 + usize::from(len)).ok_or_else(ends_early)?;
                    out.push(len);
                    out.extend(label.iter().map(u8::to_ascii_lowercase));
                    if out.len() >= MAX_NAME {
                        return Err(bad("a name is longer than DNS allows"));
                    }
                    pos += 1 + usize::from(len);
                }
                0xc0 => {
                    let low = *self.msg.get(pos + 1).ok_or_else(ends_early)?;
                    let target = usize::from(u16::from_be_bytes([len & 0x3f, low]));
                    if target >= lowest {
                        return Err(bad("a name's compression pointer does not point back"));
                    }
                    resume.get_or_insert(pos + 2);
                    lowest = target;
                    pos = target;
                }
                _ => return Err(bad("a name has a label type DNS does not define")),
            }
        }
        self.pos = resume.unwrap_or(pos);
        Ok(WireName(out))
    }

    /// A question's name and type (its class is not looked at).
    pub(super) fn question(&mut self) -> Result<(WireName, u16), DohError> {
        let name = self.name()?;
        let qtype = self.u16()?;
        self.u16()?;
        Ok((name, qtype))
    }

    /// A record's owner, type, and the span of its data, which is skipped.
    pub(super) fn record(&mut self) -> Result<Record, DohError> {
        let owner = self.name()?;
        let rtype = self.u16()?;
        self.bytes(6)?; // class, TTL
        let len = usize::from(self.u16()?);
        let start = self.pos;
        self.bytes(len)?;
        Ok(Record { owner, rtype, data: start..start + len })
    }
}
