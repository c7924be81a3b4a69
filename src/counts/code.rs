//! The staff code. The office never writes the code itself in the kiosk's configuration: only a
//! random salt and a salted, iterated SHA-256 of the code (`staff=SALT.HASH`), which
//! `catalog staff-code` prints. The kiosk hashes what staff type and compares.
//!
//! The hash is `SHA-256("bousla-staff|SALT|CODE")`, then [`ROUNDS`] − 1 times
//! `SHA-256(previous digest ‖ SALT)`, its first 16 bytes in lowercase hex. The rounds make each
//! guess cost about as much as [`ROUNDS`] hashes; a short code can still be found by trying
//! them all against a stolen configuration, so offices should choose 8 characters or more.

use crate::catalog::text_table::sha256;

pub const ROUNDS: u32 = 20_000;
/// Hex digits of the stored hash (128 bits).
pub const HASH_HEX: usize = 32;

/// The office's staff code as the kiosk knows it: salt and hash, never the code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffCode {
    pub salt: String,
    pub hash: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of `code` with `salt`. Spaces around the code are not part of it.
pub fn hash(salt: &str, code: &str) -> String {
    let mut h = sha256(format!("bousla-staff|{salt}|{}", code.trim()).as_bytes());
    let mut buf = Vec::with_capacity(32 + salt.len());
    for _ in 1..ROUNDS {
        buf.clear();
        buf.extend_from_slice(&h);
        buf.extend_from_slice(salt.as_bytes());
        h = sha256(&buf);
    }
    hex(&h[..HASH_HEX / 2])
}

impl StaffCode {
    /// A new salt and hash for `code` (the salt from the caller: `catalog staff-code` draws it
    /// from the system's randomness).
    pub fn new(salt: &str, code: &str) -> StaffCode {
        StaffCode {
            salt: salt.to_string(),
            hash: hash(salt, code),
        }
    }

    /// Reads the `staff` option: `SALT.HASH`, a salt of 8 to 64 lowercase letters and digits
    /// and [`HASH_HEX`] lowercase hex digits.
    pub fn parse(v: &str) -> Result<StaffCode, &'static str> {
        let (salt, hash) = v
            .split_once('.')
            .ok_or("use SALT.HASH as `catalog staff-code` prints it")?;
        let salt_ok = (8..=64).contains(&salt.len())
            && salt
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        let hash_ok = hash.len() == HASH_HEX
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if salt_ok && hash_ok {
            Ok(StaffCode {
                salt: salt.to_string(),
                hash: hash.to_string(),
            })
        } else {
            Err("use SALT.HASH as `catalog staff-code` prints it")
        }
    }

    /// The value of the `staff` option.
    pub fn option(&self) -> String {
        format!("{}.{}", self.salt, self.hash)
    }

    /// Whether `code` is the staff code.
    pub fn matches(&self, code: &str) -> bool {
        !code.trim().is_empty() && hash(&self.salt, code) == self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_code_opens_and_nothing_else() {
        let c = StaffCode::new("k3x9q2m7", "office-2026");
        assert!(c.matches("office-2026"));
        assert!(c.matches("  office-2026\n"));
        for wrong in [
            "",
            " ",
            "office-2025",
            "OFFICE-2026",
            "office-202",
            "office-20266",
        ] {
            assert!(!c.matches(wrong), "{wrong}");
        }
    }

    #[test]
    fn the_option_holds_salt_and_hash_never_the_code() {
        let c = StaffCode::new("k3x9q2m7", "office-2026");
        let option = c.option();
        assert!(!option.contains("office"));
        assert_eq!(option.len(), 8 + 1 + HASH_HEX);
        assert_eq!(StaffCode::parse(&option), Ok(c));
    }

    #[test]
    fn the_salt_changes_the_hash() {
        assert_ne!(hash("aaaaaaaa", "1234"), hash("aaaaaaab", "1234"));
    }

    /// The same value as tests/e2e/counts.spec.ts computes with Node's crypto, so the kiosk and
    /// the documented scheme agree.
    #[test]
    fn a_known_value() {
        assert_eq!(
            hash("e2etestsalt", "2468-bousla"),
            "979f6b1b2c7ef6bf20368ecdcc819b60"
        );
    }

    #[test]
    fn malformed_options_are_refused() {
        for bad in [
            "",
            "abc",
            "short.0123456789abcdef0123456789abcdef",
            "goodsalt1.0123456789ABCDEF0123456789ABCDEF",
            "goodsalt1.0123",
            "good salt.0123456789abcdef0123456789abcdef",
            "goodsalt1.0123456789abcdef0123456789abcdef.x",
        ] {
            assert!(StaffCode::parse(bad).is_err(), "{bad}");
        }
    }
}
