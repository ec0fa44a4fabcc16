//! Reading `key = value` options out of an attribute's argument list, with the checks every
//! attribute shares: unknown keys (with a suggestion), repeated keys, and values of the wrong
//! kind. The per-attribute receivers in `args.rs` only say which keys they take.

use darling::ast::NestedMeta;
use darling::util::SpannedValue;
use darling::{Error, error::Accumulator};
use syn::{Expr, ExprLit, Lit, Path};

/// One option an attribute takes: its key and a typical value, used to say what to write.
#[derive(Clone, Copy)]
pub(crate) struct Spec {
    /// The key, e.g. `signing`.
    pub(crate) key: &'static str,
    /// A value as it would be written after `key = `, e.g. `"HmacSHA256"`.
    pub(crate) example: &'static str,
}

impl Spec {
    /// An option with its example value.
    pub(crate) const fn new(key: &'static str, example: &'static str) -> Self {
        Self { key, example }
    }
}

/// One option the user wrote as `key = value`, already known to be a valid, first-seen key.
pub(crate) struct Given<'a> {
    /// The option it is.
    pub(crate) spec: Spec,
    /// The value expression; its span is where value errors point.
    pub(crate) value: &'a Expr,
}

/// What an attribute's argument list held.
pub(crate) struct Read<'a> {
    /// The well-formed options, each key once.
    pub(crate) given: Vec<Given<'a>>,
    /// Every known key that was written, well-formed or not, so a malformed option is not
    /// also reported as missing.
    pub(crate) written: Vec<&'static str>,
    /// The known keys that unknown ones were taken for (`servce` for `service`): already
    /// reported with a "did you mean", so not reported as missing too.
    pub(crate) misspelt: Vec<&'static str>,
}

/// Reads every `key = value` item of an attribute, reporting the items that are not of that
/// shape, keys not in `specs`, and keys given more than once. `attr` is the attribute's name
/// without `#[]`, used in messages.
pub(crate) fn read<'a>(
    items: &'a [NestedMeta],
    attr: &str,
    specs: &[Spec],
    errors: &mut Accumulator,
) -> Read<'a> {
    let mut read = Read {
        given: Vec::new(),
        written: Vec::new(),
        misspelt: Vec::new(),
    };
    for item in items {
        let (path, value) = match item {
            NestedMeta::Meta(syn::Meta::NameValue(pair)) => (&pair.path, Some(&pair.value)),
            NestedMeta::Meta(syn::Meta::Path(path)) => (path, None),
            NestedMeta::Meta(syn::Meta::List(list)) => (&list.path, None),
            NestedMeta::NameValueInvalidExpr(invalid) => (&invalid.path, None),
            NestedMeta::Lit(lit) => {
                errors.push(
                    Error::custom(format!(
                        "`#[{attr}]` options are written `key = value`; the options are {}",
                        list_names(&keys(specs))
                    ))
                    .with_span(lit),
                );
                continue;
            }
        };
        let key = path_text(path);
        let Some(spec) = specs.iter().find(|spec| spec.key == key).copied() else {
            errors.push(unknown_option(&key, attr, specs).with_span(path));
            if let Some(meant) = closest(&key, &keys(specs)) {
                read.misspelt.push(meant);
            }
            continue;
        };
        if read.written.contains(&spec.key) {
            errors.push(
                Error::custom(format!(
                    "`{key}` is given twice; keep only one `{key} = ...`"
                ))
                .with_span(path),
            );
            continue;
        }
        read.written.push(spec.key);
        match value {
            Some(value) => read.given.push(Given { spec, value }),
            None => errors.push(malformed(item, spec)),
        }
    }
    read
}

/// The error for a known key that is not followed by `= value`.
fn malformed(item: &NestedMeta, spec: Spec) -> Error {
    let Spec { key, example } = spec;
    match item {
        NestedMeta::Meta(syn::Meta::List(list)) => Error::custom(format!(
            "`{key}` is written `{key} = {example}`, not `{key}(...)`"
        ))
        .with_span(list),
        NestedMeta::NameValueInvalidExpr(invalid) => {
            // In expression position `Page<Item>` reads as comparisons; the path form works.
            let generic = invalid.value.to_string().contains('<');
            let hint = if generic {
                ", with generic arguments as `Name::<T>`"
            } else {
                ""
            };
            Error::custom(format!(
                "this value of `{key}` cannot be read; write `{key} = {example}`{hint}"
            ))
            .with_span(&invalid.value)
        }
        other => Error::custom(format!("`{key}` needs a value: write `{key} = {example}`"))
            .with_span(other),
    }
}

impl Given<'_> {
    /// The value as a string literal.
    pub(crate) fn string(&self) -> darling::Result<SpannedValue<String>> {
        match self.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) => Ok(SpannedValue::new(text.value(), text.span())),
            other => Err(self.expected("a string", other)),
        }
    }

    /// The value as `true` or `false`.
    pub(crate) fn bool(&self) -> darling::Result<SpannedValue<bool>> {
        match self.value {
            Expr::Lit(ExprLit {
                lit: Lit::Bool(flag),
                ..
            }) => Ok(SpannedValue::new(flag.value, flag.span())),
            other => Err(Error::custom(format!(
                "`{key}` takes a bool without quotes: write `{key} = true` or `{key} = false`",
                key = self.spec.key
            ))
            .with_span(other)),
        }
    }

    /// The value as a path, e.g. `Ses` or `crate::ses::Ses`. A string holding a path is
    /// rejected with the unquoted spelling.
    pub(crate) fn path(&self) -> darling::Result<Path> {
        match self.value {
            Expr::Path(expr) if expr.qself.is_none() && expr.attrs.is_empty() => {
                Ok(expr.path.clone())
            }
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) if text.parse::<Path>().is_ok() => Err(Error::custom(format!(
                "`{key}` takes a path, not a string: write `{key} = {}`",
                text.value(),
                key = self.spec.key
            ))
            .with_span(text)),
            other => Err(self.expected("a path", other)),
        }
    }

    /// The value as a path with no generic arguments at all, as `crate = ...` needs it (it is
    /// also written into serde's `crate = "..."` string).
    pub(crate) fn crate_path(&self) -> darling::Result<Path> {
        let path = self.path()?;
        match path
            .segments
            .iter()
            .find(|segment| !segment.arguments.is_none())
        {
            Some(segment) => Err(self.expected("a plain module path", &segment.arguments)),
            None => Ok(path),
        }
    }

    /// "`key` takes WHAT: write `key = example`", on `node`.
    fn expected<T: syn::spanned::Spanned>(&self, what: &str, node: &T) -> Error {
        let Spec { key, example } = self.spec;
        Error::custom(format!("`{key}` takes {what}: write `{key} = {example}`")).with_span(node)
    }
}

/// The keys of a spec table, in order.
pub(crate) fn keys(specs: &[Spec]) -> Vec<&'static str> {
    specs.iter().map(|spec| spec.key).collect()
}

/// An error at a bare span (darling's `with_span` wants a syntax node).
pub(crate) fn error_at(span: proc_macro2::Span, message: impl std::fmt::Display) -> Error {
    syn::Error::new(span, message).into()
}

/// The error for a key the attribute does not take, naming the closest one and all of them.
fn unknown_option(key: &str, attr: &str, specs: &[Spec]) -> Error {
    let known = keys(specs);
    let hint = match closest(key, &known) {
        Some(close) => format!("did you mean `{close}`? "),
        None => String::new(),
    };
    let options = match known.as_slice() {
        [only] => format!("the only option is `{only}`"),
        many => format!("the options are {}", list_names(many)),
    };
    Error::custom(format!(
        "unknown `#[{attr}]` option `{key}`; {hint}{options}"
    ))
}

/// A path as written, segments joined by `::` (`crate` keys are single keywords).
fn path_text(path: &Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    for (index, segment) in path.segments.iter().enumerate() {
        if index > 0 {
            text.push_str("::");
        }
        text.push_str(&segment.ident.to_string());
    }
    text
}

/// Writes the names as `` `a`, `b` and `c` `` for messages.
pub(crate) fn list_names(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The candidate the user most likely meant: one that differs only in letter case, else the
/// only one that starts with what was written (three letters or more, `TC3` for
/// `TC3-HMAC-SHA256`), else the nearest by edit distance if it is within a third of its
/// length (at least one edit).
pub(crate) fn closest<'a>(written: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = candidates
        .iter()
        .find(|candidate| candidate.eq_ignore_ascii_case(written))
    {
        return Some(same);
    }
    let lower = written.to_ascii_lowercase();
    let extended: Vec<&'a str> = candidates
        .iter()
        .copied()
        .filter(|candidate| candidate.to_ascii_lowercase().starts_with(&lower))
        .collect();
    if let ([only], true) = (extended.as_slice(), written.len() >= 3) {
        return Some(only);
    }
    candidates
        .iter()
        .map(|candidate| (edit_distance(written, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars: the fewest single-char insertions, deletions and
/// substitutions that turn `a` into `b`. Keys are short, so the two-row table is cheap.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, a_char) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("signing", "signing"), 0);
        assert_eq!(edit_distance("sigining", "signing"), 1);
        assert_eq!(edit_distance("respnse", "response"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_prefers_case_then_small_distance() {
        let options = ["service", "response", "signing", "content"];
        assert_eq!(closest("sigining", &options), Some("signing"));
        assert_eq!(closest("SERVICE", &options), Some("service"));
        assert_eq!(closest("contents", &options), Some("content"));
        assert_eq!(closest("timeout", &options), None);
        let schemes = ["TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"];
        assert_eq!(closest("hmacsha1", &schemes), Some("HmacSHA1"));
        assert_eq!(closest("tc3", &schemes), Some("TC3-HMAC-SHA256"));
        assert_eq!(closest("Hmac", &schemes), None, "two schemes start with it");
        assert_eq!(
            closest("oct", &["json", "octet-stream"]),
            Some("octet-stream")
        );
        assert_eq!(closest("se", &options), None, "too short to guess");
    }

    #[test]
    fn names_are_listed_with_and() {
        assert_eq!(list_names(&["a"]), "`a`");
        assert_eq!(list_names(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
