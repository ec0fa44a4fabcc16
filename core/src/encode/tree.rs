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

/// Builds the tree of `pairs`. Objects whose children are all named by digits become lists.
///
/// # Errors
/// A name with an empty segment or nested too deep, a name given twice, a name given both a
/// value and nested parameters, list indices that do not run from 0 without gaps or have a
/// leading zero.
pub(crate) fn build(pairs: &[(String, String)]) -> Result<Node<'_>, DecodeError> {
    let mut root = Node::object("");
    for (name, value) in pairs {
        insert(&mut root, name, value)?;
    }
    finish(&mut root)?;
    Ok(root)
}

fn structure(parameter: &str, message: String) -> DecodeError {
    DecodeError::at(DecodeErrorKind::Structure, parameter, message)
}

/// Places one parameter, creating the objects on its way.
fn insert<'a>(root: &mut Node<'a>, name: &'a str, value: &'a str) -> Result<(), DecodeError> {
    let mut node = root;
    let mut start = 0;
    let mut depth = 0;
    loop {
        depth += 1;
        let end = name[start..].find('.').map_or(name.len(), |at| start + at);
        let segment = &name[start..end];
        if segment.is_empty() {
            return Err(structure(
                name,
                "the name has an empty segment (`..`, or a leading or trailing `.`)".to_owned(),
            ));
        }
        if depth > MAX_DEPTH {
            return Err(structure(
                name,
                format!("the name nests deeper than {MAX_DEPTH} levels"),
            ));
        }
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
fn finish(node: &mut Node<'_>) -> Result<(), DecodeError> {
    let Kind::Object(children) = &mut node.kind else {
        return Ok(());
    };
    for child in children.values_mut() {
        finish(child)?;
    }
    let is_list = !children.is_empty()
        && children
            .keys()
            .all(|name| name.bytes().all(|byte| byte.is_ascii_digit()));
    if is_list {
        let list = into_list(std::mem::take(children))?;
        node.kind = Kind::List(list);
    }
    Ok(())
}

/// Orders the children by index; the indices must be `0..n` exactly.
fn into_list<'a>(children: BTreeMap<&'a str, Node<'a>>) -> Result<Vec<Node<'a>>, DecodeError> {
    let mut indexed = Vec::with_capacity(children.len());
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
        indexed.push((index, child));
    }
    indexed.sort_unstable_by_key(|(index, _)| *index);
    let mut list = Vec::with_capacity(indexed.len());
    for (expected, (index, child)) in indexed.into_iter().enumerate() {
        if index != expected {
            return Err(structure(
                child.path,
                format!(
                    "list indices must run from 0 without gaps, but index {expected} is missing"
                ),
            ));
        }
        list.push(child);
    }
    Ok(list)
}
