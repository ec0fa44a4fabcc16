//! The emulator's compact SES schema (`src/ses/schema.json`, which decides `UnknownParameter`,
//! `MissingParameter` and `InvalidParameter`) is a hand-made copy of the input side of Tencent's
//! schema. This test ties it to the upstream file the ses crate tests with
//! (`ses/tests/fixtures/api_schema.json`): the same actions, the same members of each action
//! and of each data type they reach, with the same types and required flags.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use serde_json::Value;

/// Members of an action or data type: wire name to type text (`string`, `uint64`, `[T]`, a
/// data type's name, with `!` when required), as the compact schema writes them.
type Members = BTreeMap<String, String>;

fn load(relative: &str) -> Value {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The compact type text of one upstream member.
fn type_text(member: &Value) -> String {
    let text = |field: &str| member[field].as_str().unwrap_or_default().to_owned();
    // Upstream names the element type in `member`; a `date` travels as a string.
    let named = match text("member").as_str() {
        "date" => "string".to_owned(),
        other => other.to_owned(),
    };
    let base = match text("type").as_str() {
        "list" => format!("[{named}]"),
        "string" | "int" | "bool" | "object" => named,
        other => panic!("upstream type `{other}` of {member} is not mapped by this test"),
    };
    if member["required"].as_bool() == Some(true) {
        base + "!"
    } else {
        base
    }
}

/// The members of upstream object `name`, in compact form.
fn upstream_members(upstream: &Value, name: &str) -> Members {
    let members = upstream["objects"][name]["members"]
        .as_array()
        .unwrap_or_else(|| panic!("upstream object {name} has no members"));
    members
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap_or_default().to_owned(),
                type_text(m),
            )
        })
        .collect()
}

/// The data types a member's type text names, if any (`[Attachment]!` names `Attachment`).
fn named_type(text: &str) -> Option<&str> {
    let bare = text.trim_end_matches('!');
    let bare = bare
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(bare);
    (!matches!(bare, "string" | "uint64" | "int64" | "bool")).then_some(bare)
}

/// A compact map (`actions` or `types`) of the emulator's file.
fn compact(emulator: &Value, key: &str) -> BTreeMap<String, Members> {
    serde_json::from_value(emulator[key].clone()).unwrap_or_else(|e| panic!("{key}: {e}"))
}

#[test]
fn the_emulator_schema_matches_the_upstream_one() {
    let upstream = load("../ses/tests/fixtures/api_schema.json");
    let emulator = load("src/ses/schema.json");
    assert_eq!(emulator["version"], upstream["version"]);

    let mut expected_actions = BTreeMap::new();
    let actions = upstream["actions"].as_object().expect("upstream actions");
    for (name, action) in actions {
        let input = action["input"].as_str().unwrap_or_default();
        expected_actions.insert(name.clone(), upstream_members(&upstream, input));
    }
    assert_eq!(expected_actions.len(), 36, "SES 2020-10-02 has 36 actions");
    let actions = compact(&emulator, "actions");
    for (name, members) in &expected_actions {
        assert_eq!(actions.get(name), Some(members), "action {name}");
    }
    let extra: Vec<&String> = actions
        .keys()
        .filter(|name| !expected_actions.contains_key(*name))
        .collect();
    assert!(extra.is_empty(), "actions upstream lacks: {extra:?}");

    // Every data type reachable from the parameters, and no other.
    let mut expected_types = BTreeMap::new();
    let mut pending: Vec<String> = expected_actions
        .values()
        .flat_map(Members::values)
        .filter_map(|text| named_type(text).map(str::to_owned))
        .collect();
    while let Some(name) = pending.pop() {
        if expected_types.contains_key(&name) {
            continue;
        }
        let members = upstream_members(&upstream, &name);
        pending.extend(
            members
                .values()
                .filter_map(|t| named_type(t).map(str::to_owned)),
        );
        expected_types.insert(name, members);
    }
    let types = compact(&emulator, "types");
    assert_eq!(
        types.keys().collect::<BTreeSet<_>>(),
        expected_types.keys().collect::<BTreeSet<_>>()
    );
    for (name, members) in &expected_types {
        assert_eq!(types.get(name), Some(members), "data type {name}");
    }
}
