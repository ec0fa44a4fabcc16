//! Builds the tree that dotted parameters describe (`Filters.0.Values.1=x`): objects by name,
//! lists by 0-based index. The first half of [`from_pairs`](super::from_pairs).

use std::collections::BTreeMap;

use super::{DecodeError, DecodeErrorKind};

/// Nesting deeper than this is refused, so a hostile name such as `A.A.A...` cannot exhaust
/// the stack. Real APIs nest three or four levels.
const MAX_DEPTH: usize = 32;

/// One position in the tree, borrowing its name and text from the parameters.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    /// The dotted name of this position (empty for the root).
    pub(crate) path: &'a str,
    pub(crate) kind: Kind<'a>,
}

/// What sits at a position.
#[derive(Debug)]
pub(crate) enum Kind<'a> {
    /// A value, still as text.
    Value(&'a str),
    /// Named children, sorted by name.
    Object(BTreeMap<&'a str, Node<'a>>),
    /// Children numbered `0..n` without gaps.
    List(Vec<Node<'a>>),
}

impl<'a> Node<'a> {
    fn object(path: &'a str) -> Self {
        Self {
            path,
            kind: Kind::Object(BTreeMap::new()),
        }
    }

    /// The last segment of the name: a map key or a list index.
    pub(crate) fn segment(&self) -> &'a str {
        self.path.rsplit('.').next().unwrap_or(self.path)
    }

    /// Converts the tree to JSON, every value a string.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        match &self.kind {
            Kind::Value(text) => serde_json::Value::String((*text).to_owned()),
            Kind::Object(children) => serde_json::Value::Object(
                children
                    .iter()
                    .map(|(name, child)| ((*name).to_owned(), child.to_json()))
                    .collect(),
            ),
            Kind::List(children) => {
                serde_json::Value::Array(children.iter().map(Node::to_json).collect())
            }
        }
    }
}

/// How [`build`] treats parameters that do not fit the tree.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The first misfit is an error.
    Strict,
    /// A misfit parameter is left out, and an object whose digit names are not `0..n` stays an
    /// object; for looking at what was sent rather than decoding it.
    Lenient,
}

/// Builds the tree of `pairs`. Objects whose children are all named by digits become lists.
///
/// # Errors
/// In [`Mode::Strict`] only: a name with an empty segment or nested too deep, a name given
/// twice, a name given both a value and nested parameters, list indices that do not run from 0
/// without gaps or have a leading zero.
pub(crate) fn build(pairs: &[(String, String)], mode: Mode) -> Result<Node<'_>, DecodeError> {
    let mut root = Node::object("");
    for (name, value) in pairs {
        let placed = check_name(name).and_then(|()| insert(&mut root, name, value));
        if mode == Mode::Strict {
            placed?;
        }
    }
    finish(&mut root, mode)?;
    Ok(root)
}

fn structure(parameter: &str, message: String) -> DecodeError {
    DecodeError::at(DecodeErrorKind::Structure, parameter, message)
}

/// Checks the shape of a name before anything is placed, so a refused name leaves no trace.
fn check_name(name: &str) -> Result<(), DecodeError> {
    let mut depth = 0;
    for segment in name.split('.') {
        if segment.is_empty() {
            return Err(structure(
                name,
                "the name has an empty segment (`..`, or a leading or trailing `.`)".to_owned(),
            ));
        }
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(structure(
                name,
                format!("the name nests deeper than {MAX_DEPTH} levels"),
            ));
        }
    }
    Ok(())
}

/// Places one parameter, creating the objects on its way. A conflict can only arise at a
/// position that existed before, so a refused parameter leaves no new objects behind.
fn insert<'a>(root: &mut Node<'a>, name: &'a str, value: &'a str) -> Result<(), DecodeError> {
    let mut node = root;
    let mut start = 0;
    loop {
        let end = name[start..].find('.').map_or(name.len(), |at| start + at);
        let segment = &name[start..end];
        let path = &name[..end];
        let Kind::Object(children) = &mut node.kind else {
            return Err(both(node.path, name));
        };
        if end == name.len() {
            return match children.get(segment) {
                None => {
                    children.insert(
                        segment,
                        Node {
                            path,
                            kind: Kind::Value(value),
                        },
                    );
                    Ok(())
                }
                Some(Node {
                    kind: Kind::Value(_),
                    ..
                }) => Err(structure(
                    name,
                    "the parameter is given more than once".to_owned(),
                )),
                Some(_) => Err(both(name, name)),
            };
        }
        node = children
            .entry(segment)
            .or_insert_with(|| Node::object(path));
        start = end + 1;
    }
}

/// `A=1` together with `A.B=2`: no value can be both text and an object.
fn both(parameter: &str, nested: &str) -> DecodeError {
    let message = if parameter == nested {
        "the parameter is given both a value and nested parameters".to_owned()
    } else {
        format!("the parameter is given both a value and nested parameters such as `{nested}`")
    };
    structure(parameter, message)
}

/// Turns digit-named objects into lists, bottom up, checking their indices.
fn finish(node: &mut Node<'_>, mode: Mode) -> Result<(), DecodeError> {
    let Kind::Object(children) = &mut node.kind else {
        return Ok(());
    };
    for child in children.values_mut() {
        finish(child, mode)?;
    }
    let is_list = !children.is_empty()
        && children
            .keys()
            .all(|name| name.bytes().all(|byte| byte.is_ascii_digit()));
    if is_list {
        match list_order(children) {
            Ok(order) => {
                let mut indexed: Vec<_> = order
                    .into_iter()
                    .zip(std::mem::take(children).into_values())
                    .collect();
                indexed.sort_unstable_by_key(|(index, _)| *index);
                node.kind = Kind::List(indexed.into_iter().map(|(_, child)| child).collect());
            }
            Err(error) if mode == Mode::Strict => return Err(error),
            Err(_) => {}
        }
    }
    Ok(())
}

/// The index of each child, in the map's order, once checked to be exactly `0..n`.
fn list_order(children: &BTreeMap<&str, Node<'_>>) -> Result<Vec<usize>, DecodeError> {
    let mut order = Vec::with_capacity(children.len());
    for (name, child) in children {
        if name.len() > 1 && name.starts_with('0') {
            return Err(structure(
                child.path,
                format!("the list index `{name}` has a leading zero"),
            ));
        }
        let index: usize = name
            .parse()
            .map_err(|_| structure(child.path, format!("the list index `{name}` is too large")))?;
        order.push((index, child.path));
    }
    let mut sorted = order.clone();
    sorted.sort_unstable_by_key(|(index, _)| *index);
    for (expected, (index, path)) in sorted.into_iter().enumerate() {
        if index != expected {
            return Err(structure(
                path,
                format!(
                    "list indices must run from 0 without gaps, but index {expected} is missing"
                ),
            ));
        }
    }
    Ok(order.into_iter().map(|(index, _)| index).collect())
}
