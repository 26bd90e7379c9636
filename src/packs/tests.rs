//! Pack parsing: the packs the build wrote load; anything else is an error
//! saying what is wrong, never a panic.

use super::*;

#[test]
fn every_pack_language_has_a_pack_that_loads() {
    assert!(!PACKS.is_empty());
    for (code, bytes) in builtin() {
        assert_eq!(check(bytes), Ok(code));
        assert_eq!(load(bytes), Ok(code));
        assert_eq!(load(bytes), Ok(code), "loading again is a no-op");
        assert_eq!(code_of(bytes), Some(code));
        let p = get(code).expect("loaded");
        assert_eq!(missing(code), None);
        assert!(is_pack(code));
        if code == crate::towns::PACK {
            // The gazetteer pack: its towns only, fetched when needed.
            assert!(p
                .file("towns.tsv")
                .is_some_and(|t| t.lines().count() > 1000));
            assert!(on_demand(code));
            continue;
        }
        assert!(p.file("names.tsv").is_some_and(|t| !t.is_empty()));
        assert!(
            p.file("stopwords.txt").is_none(),
            "function words stay in the core"
        );
        assert!(p.common.is_some() && p.demonyms.is_some());
        assert!(p.country_names.iter().any(|n| !n.is_empty()));
        assert_eq!(missing(code), None);
        assert!(is_pack(code));
    }
    assert!(!is_pack("und"));
    assert_eq!(missing("und"), None);
}

fn with_header(bytes: &[u8], at: usize, patch: &[u8]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    b[at..at + patch.len()].copy_from_slice(patch);
    b
}

#[test]
fn a_bad_header_says_what_is_wrong() {
    let (code, bytes) = builtin().next().unwrap();
    assert_eq!(
        check(&with_header(bytes, 0, b"XXXXXXXX")),
        Err(PackError::Magic)
    );
    assert_eq!(
        check(&with_header(bytes, 8, &[9, 0])),
        Err(PackError::Format(9))
    );
    // Another language, same length: "xx".
    let other = "x".repeat(code.len());
    assert_eq!(
        check(&with_header(bytes, 11, other.as_bytes())),
        Err(PackError::Language(other.clone()))
    );
    let v = 11 + code.len();
    let err = check(&with_header(bytes, v, &[0; 8])).unwrap_err();
    assert_eq!(
        err,
        PackError::Version {
            pack: 0,
            core: CORE_VERSION
        }
    );
    assert!(err.to_string().starts_with("PACK_VERSION"), "{err}");
    assert!(PackError::Language(other).to_string().contains(code));
}

#[test]
fn a_truncated_pack_is_an_error_at_every_length() {
    for (_, bytes) in builtin() {
        let step = (bytes.len() / 200).max(1);
        for n in (0..bytes.len())
            .step_by(step)
            .chain(bytes.len() - 64..bytes.len())
        {
            let err = check(&bytes[..n]).unwrap_err();
            assert!(!err.to_string().is_empty());
            // The structure alone is checked too (as if the digest matched).
            if n > 30 {
                assert!(parse(&bytes[..n], "es").is_err(), "cut at {n}");
            }
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert_eq!(check(&longer), Err(PackError::Digest));
        assert!(matches!(parse(&longer, "es"), Err(PackError::Corrupt(_))));
    }
}

#[test]
fn a_damaged_pack_is_an_error() {
    for (_, bytes) in builtin() {
        // Flip bytes all over the body: the digest refuses them, and the
        // structure checks alone never panic.
        let step = (bytes.len() / 80).max(1);
        for at in (20..bytes.len()).step_by(step) {
            let mut b = bytes.to_vec();
            b[at] ^= 0x5a;
            assert!(check(&b).is_err(), "flip at {at}");
            let _ = parse(&b, "es");
        }
    }
}

#[test]
fn garbage_is_an_error() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for len in [0usize, 1, 7, 8, 9, 12, 40, 1000, 70_000] {
        let mut b: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        assert!(check(&b).is_err());
        assert!(load(&b).is_err());
        // Garbage behind a good magic and format.
        if len >= 10 {
            b[..8].copy_from_slice(MAGIC);
            b[8..10].copy_from_slice(&FORMAT.to_le_bytes());
            assert!(check(&b).is_err());
        }
    }
}
