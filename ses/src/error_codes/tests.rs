//! Checks that the constants cover the documented codes exactly once and are named after them.

use std::collections::BTreeMap;

use super::*;

/// The codes of `spec/ses.md` §7.1–7.3, copied into the test fixtures.
const DOCUMENTED: &str = include_str!("../../tests/fixtures/error_codes.txt");

fn documented() -> Vec<&'static str> {
    DOCUMENTED
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[test]
fn every_documented_code_is_declared_exactly_once() {
    let mut declared: BTreeMap<&str, usize> = BTreeMap::new();
    for (code, _) in all() {
        *declared.entry(code).or_default() += 1;
    }
    for code in documented() {
        assert_eq!(
            declared.get(code),
            Some(&1),
            "`{code}` must be declared once"
        );
    }
    let documented: Vec<_> = documented();
    for code in declared.keys() {
        assert!(documented.contains(code), "`{code}` is not documented");
    }
}

/// `FailedOperation.AttachContentToolarge` → `ATTACH_CONTENT_TOOLARGE`: a word starts at
/// an upper-case letter that follows a lower-case one, or that precedes a lower-case one
/// after another upper-case letter (`MFAFailure` → `MFA_FAILURE`).
fn screaming_snake(code: &str) -> String {
    let detail = code.rsplit('.').next().unwrap_or(code);
    let chars: Vec<char> = detail.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        let next = chars.get(i + 1);
        let starts_word = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts_word {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

#[test]
fn every_constant_is_named_after_its_code() {
    for table in TABLES {
        for (name, code, _) in *table {
            assert_eq!(*name, screaming_snake(code), "constant for `{code}`");
        }
    }
}

#[test]
fn constant_names_are_the_wire_names_split_into_words() {
    assert_eq!(
        failed_operation::ATTACH_CONTENT_TOOLARGE,
        "FailedOperation.AttachContentToolarge"
    );
    assert_eq!(
        invalid_parameter_value::IN_VALID_TEMPLATE_DATA,
        "InvalidParameterValue.InValidTemplateData"
    );
    assert_eq!(auth_failure::MFA_FAILURE, "AuthFailure.MFAFailure");
    assert_eq!(REQUEST_LIMIT_EXCEEDED, "RequestLimitExceeded");
}

#[test]
fn codes_are_described_exactly_and_unknown_codes_are_not() {
    assert_eq!(
        describe("InternalError"),
        Some("Something went wrong inside Tencent Cloud.")
    );
    assert_eq!(describe("internalerror"), None);
    assert_eq!(describe("FailedOperation.NoSuchThing"), None);
    assert!(all().all(|(_, description)| !description.is_empty()));
}

#[test]
fn group_modules_hold_only_their_own_prefix() {
    let groups: [(&str, &[Entry]); 9] = [
        ("AuthFailure.", auth_failure::TABLE),
        ("FailedOperation.", failed_operation::TABLE),
        ("InternalError.", internal_error::TABLE),
        ("InvalidParameter.", invalid_parameter::TABLE),
        ("InvalidParameterValue.", invalid_parameter_value::TABLE),
        ("LimitExceeded.", limit_exceeded::TABLE),
        ("MissingParameter.", missing_parameter::TABLE),
        ("OperationDenied.", operation_denied::TABLE),
        ("RequestLimitExceeded.", request_limit_exceeded::TABLE),
    ];
    for (prefix, table) in groups {
        for (_, code, _) in table {
            assert!(
                code.starts_with(prefix),
                "`{code}` is filed under `{prefix}`"
            );
        }
    }
    assert!(TABLE.iter().all(|(_, code, _)| !code.contains('.')));
}
