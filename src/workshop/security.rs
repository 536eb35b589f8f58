//! The workshop's secrets and limits: the join code, the facilitator secret, anonymous participant tokens, salted hashes compared in constant time, and rate limits.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;
use subtle::ConstantTimeEq;

/// Largest request body accepted, in bytes; larger ones get 413.
pub const BODY_LIMIT: usize = 16 * 1024;

/// Longest note a participant may add to an answer, in characters.
pub const NOTE_LIMIT: usize = 1000;

/// How many people may join one session: bounds the memory a stranger can make the server use.
pub const MAX_PARTICIPANTS: usize = 5000;

/// Join codes avoid letters and digits that look alike (I/1, O/0) when read off a screen.
/// 32 symbols, so a random byte maps onto them without bias.
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 6;

/// Fills a buffer from the operating system's random source.
pub fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
    bytes
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [DIGITS[(b >> 4) as usize] as char, DIGITS[(b & 15) as usize] as char]).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// A new join code: six symbols, about 30 bits, shown on the wall and typed on phones.
pub fn new_join_code() -> String {
    random::<CODE_LEN>().iter().map(|b| CODE_ALPHABET[(b % 32) as usize] as char).collect()
}

/// A new facilitator secret: 256 random bits, held by the studio or the CLI only.
pub fn new_secret() -> String {
    hex(&random::<32>())
}

/// A new participant token: 128 random bits, kept by the phone; the server keeps only its hash.
pub fn new_token() -> String {
    hex(&random::<16>())
}

/// Codes are read off a screen: case, spaces and dashes do not matter.
pub fn normalize_code(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect()
}

/// Whether a code someone chose is acceptable: 4 to 32 letters or digits once normalized.
pub fn is_valid_code(code: &str) -> bool {
    let code = normalize_code(code);
    (4..=32).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The anonymous id a participant's answers carry: derived from their token, so the file never
/// holds the token and the id cannot be turned back into one.
pub fn respondent_of(token: &str) -> String {
    let digest = Sha256::new().chain_update(b"trellis-workshop-participant:").chain_update(token.as_bytes()).finalize();
    format!("ws-{}", &hex(&digest)[..16])
}

/// A salted SHA-256 of a secret, as the engagement file keeps it: `salt$digest` in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretHash {
    salt: [u8; 16],
    digest: [u8; 32],
}

impl SecretHash {
    /// Hashes a secret under a fresh random salt.
    pub fn of(secret: &str) -> SecretHash {
        let salt = random::<16>();
        SecretHash { salt, digest: digest(&salt, secret) }
    }

    pub fn parse(stored: &str) -> Option<SecretHash> {
        let (salt, digest) = stored.split_once('$')?;
        Some(SecretHash { salt: unhex(salt)?.try_into().ok()?, digest: unhex(digest)?.try_into().ok()? })
    }

    pub fn to_stored(&self) -> String {
        format!("{}${}", hex(&self.salt), hex(&self.digest))
    }

    /// Whether `presented` is the secret. The digests are compared in constant time, so the
    /// time taken does not tell an attacker how much of a guess was right.
    pub fn verifies(&self, presented: &str) -> bool {
        digest(&self.salt, presented).ct_eq(&self.digest).into()
    }
}

fn digest(salt: &[u8], secret: &str) -> [u8; 32] {
    Sha256::new().chain_update(salt).chain_update(secret.as_bytes()).finalize().into()
}

/// A token bucket per key (a participant, or an address for failed joins).
pub struct RateLimit {
    capacity: f64,
    per_second: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// Keys kept before full buckets are forgotten, so the table stays bounded.
const MAX_KEYS: usize = 20_000;

impl RateLimit {
    pub fn new(capacity: u32, per_second: f64) -> RateLimit {
        RateLimit { capacity: f64::from(capacity), per_second, buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether `key` has no token left at `now`, without taking one.
    pub fn exhausted(&self, key: &str, now: Instant) -> bool {
        let buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        buckets
            .get(key)
            .is_some_and(|(tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * self.per_second < 1.0)
    }

    /// Takes one token for `key` at `now`; false when the bucket is empty.
    pub fn allow(&self, key: &str, now: Instant) -> bool {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            let (capacity, rate) = (self.capacity, self.per_second);
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < capacity);
        }
        let (tokens, at) = buckets.entry(key.to_owned()).or_insert((self.capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_hash_verifies_its_secret_only_and_survives_the_file() {
        let h = SecretHash::of("K7PQ3X");
        assert!(h.verifies("K7PQ3X"));
        assert!(!h.verifies("K7PQ3Y"));
        assert!(!h.verifies(""));
        let back = SecretHash::parse(&h.to_stored()).unwrap();
        assert_eq!(back, h);
        assert!(SecretHash::parse("nonsense").is_none());
        assert_ne!(SecretHash::of("same").to_stored(), SecretHash::of("same").to_stored(), "salted");
    }

    #[test]
    fn codes_are_easy_to_read_and_tokens_stay_anonymous() {
        let code = new_join_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_eq!(normalize_code(" k7p-q3x "), "K7PQ3X");
        assert!(is_valid_code("acme-24") && !is_valid_code("ab") && !is_valid_code("a<b>c"));
        let token = new_token();
        let id = respondent_of(&token);
        assert!(id.starts_with("ws-") && id.len() == 19 && !id.contains(&token));
        assert_eq!(id, respondent_of(&token));
    }

    #[test]
    fn the_rate_limit_refills_over_time() {
        let limit = RateLimit::new(3, 1.0);
        let t0 = Instant::now();
        assert!((0..3).all(|_| limit.allow("p", t0)));
        assert!(limit.exhausted("p", t0));
        assert!(!limit.allow("p", t0));
        assert!(limit.allow("q", t0), "buckets are per key");
        assert!(limit.allow("p", t0 + Duration::from_millis(1100)));
    }
}
