//! Attachments for `SendEmail`: built from bytes or a file, base64-encoded, with the file name
//! checked against the types and characters SES accepts.
//!
//! SES refuses attachments whose extension is not on its list of allowed types, and names longer
//! than 255 characters or containing a space or one of `? \ * | " < > :` `/`
//! (`FailedOperation.InvalidAttachName`, ses.md §11). Checking here turns that refusal into a
//! clear error before anything is sent.
//!
//! ```
//! use tencentcloud_ses::attachment::is_allowed_file_name;
//! use tencentcloud_ses::types::Attachment;
//!
//! let report = Attachment::from_bytes("report.pdf", b"%PDF-1.7 ...")?;
//! assert_eq!(report.file_name, "report.pdf");
//! assert!(Attachment::from_bytes("setup.exe", b"MZ").is_err());
//! assert!(!is_allowed_file_name("notes.7z"));
//! # Ok::<(), tencentcloud_ses::attachment::AttachmentError>(())
//! ```

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::checks::MAX_ATTACHMENTS_TOTAL_BYTES;
use crate::types::Attachment;

/// The file extensions SES accepts for attachments, lower case, without the dot (the
/// "Attachment Types" page, ses.md §11). Anything else is refused, including `7z`, `rar` and
/// `gz`, which that page lists neither way.
pub const ALLOWED_EXTENSIONS: &[&str] = &[
    "xlsx", "xls", "ods", "docx", "docm", "doc", "csv", "pdf", "txt", "gif", "jpg", "jpeg", "png",
    "tif", "tiff", "rtf", "bmp", "cgm", "css", "shtml", "html", "htm", "zip", "xml", "ppt", "pptx",
    "tar", "ez", "ics", "mobi", "msg", "pub", "eps", "odt", "mp3", "m4a",
];

/// The longest attachment file name SES accepts, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// Characters SES refuses in an attachment file name.
pub const FORBIDDEN_NAME_CHARS: &[char] = &[' ', '?', '\\', '*', '|', '"', '<', '>', ':', '/'];

/// Why an attachment cannot be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AttachmentError {
    /// The file name is empty.
    #[error("attachment file name is empty")]
    EmptyName,
    /// The file name is longer than [`MAX_FILE_NAME_CHARS`].
    #[error("attachment file name has {chars} characters; SES allows at most {limit}")]
    NameTooLong {
        /// Its length, in characters.
        chars: usize,
        /// The limit, [`MAX_FILE_NAME_CHARS`].
        limit: usize,
    },
    /// The file name contains a character SES refuses.
    #[error("attachment file name {name:?} contains {character:?}, which SES does not accept")]
    ForbiddenCharacter {
        /// The file name.
        name: String,
        /// The first refused character in it.
        character: char,
    },
    /// The file name has no extension, so SES cannot tell its type.
    #[error("attachment file name {name:?} has no extension; SES needs one of its allowed types")]
    MissingExtension {
        /// The file name.
        name: String,
    },
    /// The extension is not one of [`ALLOWED_EXTENSIONS`].
    #[error("attachments of type .{extension} are not accepted by SES (file {name:?})")]
    UnsupportedType {
        /// The file name.
        name: String,
        /// Its extension, as written.
        extension: String,
    },
    /// The content alone is over the limit for all attachments of a mail together.
    #[error(
        "attachment {name:?} is {bytes} bytes; all attachments together may be at most {limit}"
    )]
    TooLarge {
        /// The file name.
        name: String,
        /// Its size in bytes, before base64.
        bytes: u64,
        /// The limit, [`MAX_ATTACHMENTS_TOTAL_BYTES`].
        limit: usize,
    },
    /// The path does not end in a file name that is valid UTF-8.
    #[error("attachment path `{}` does not end in a UTF-8 file name", path.display())]
    NoFileName {
        /// The path as given.
        path: PathBuf,
    },
    /// The file could not be read.
    #[error("cannot read attachment file `{}`: {error}", path.display())]
    Read {
        /// The path as given.
        path: PathBuf,
        /// What the operating system reported.
        error: io::Error,
    },
}

impl From<AttachmentError> for tencentcloud_core::Error {
    fn from(error: AttachmentError) -> tencentcloud_core::Error {
        // Nothing was sent; the attachment error stays the source, for callers who match it.
        tencentcloud_core::Error::invalid_request_from(error)
    }
}

/// Whether SES accepts `file_name`: see [`check_file_name`].
pub fn is_allowed_file_name(file_name: &str) -> bool {
    check_file_name(file_name).is_ok()
}

/// Checks an attachment file name: not empty, at most [`MAX_FILE_NAME_CHARS`] characters, none
/// of [`FORBIDDEN_NAME_CHARS`], and an extension in [`ALLOWED_EXTENSIONS`].
///
/// Extensions are compared without regard to ASCII case (`PHOTO.JPG` passes); whether SES does
/// the same is not documented.
///
/// # Errors
/// The [`AttachmentError`] variant of the first rule the name breaks.
pub fn check_file_name(file_name: &str) -> Result<(), AttachmentError> {
    if file_name.is_empty() {
        return Err(AttachmentError::EmptyName);
    }
    let chars = file_name.chars().count();
    if chars > MAX_FILE_NAME_CHARS {
        return Err(AttachmentError::NameTooLong {
            chars,
            limit: MAX_FILE_NAME_CHARS,
        });
    }
    if let Some(character) = file_name.chars().find(|c| FORBIDDEN_NAME_CHARS.contains(c)) {
        return Err(AttachmentError::ForbiddenCharacter {
            name: file_name.to_owned(),
            character,
        });
    }
    let extension = match file_name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && !extension.is_empty() => extension,
        _ => {
            return Err(AttachmentError::MissingExtension {
                name: file_name.to_owned(),
            });
        }
    };
    if ALLOWED_EXTENSIONS
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(extension))
    {
        Ok(())
    } else {
        Err(AttachmentError::UnsupportedType {
            name: file_name.to_owned(),
            extension: extension.to_owned(),
        })
    }
}

/// Refuses content that could never be sent, whatever else the mail carries.
fn check_size(file_name: &str, bytes: u64) -> Result<(), AttachmentError> {
    if bytes > MAX_ATTACHMENTS_TOTAL_BYTES as u64 {
        return Err(AttachmentError::TooLarge {
            name: file_name.to_owned(),
            bytes,
            limit: MAX_ATTACHMENTS_TOTAL_BYTES,
        });
    }
    Ok(())
}

impl Attachment {
    /// An attachment called `file_name` holding `content`, base64-encoded for the request.
    ///
    /// # Errors
    /// [`AttachmentError`] when the name breaks a rule of [`check_file_name`], or when the
    /// content alone exceeds [`MAX_ATTACHMENTS_TOTAL_BYTES`].
    pub fn from_bytes(
        file_name: impl Into<String>,
        content: impl AsRef<[u8]>,
    ) -> Result<Attachment, AttachmentError> {
        let file_name = file_name.into();
        let content = content.as_ref();
        check_file_name(&file_name)?;
        check_size(&file_name, content.len() as u64)?;
        Ok(Attachment::encoded(file_name, content))
    }

    /// An attachment read from the file at `path`, named after the file.
    ///
    /// # Errors
    /// [`AttachmentError::NoFileName`] when the path has no UTF-8 file name,
    /// [`AttachmentError::Read`] when the file cannot be read, and the errors of
    /// [`Attachment::from_bytes`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Attachment, AttachmentError> {
        let path = path.as_ref();
        let file_name = path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| AttachmentError::NoFileName {
                path: path.to_owned(),
            })?;
        Attachment::from_path_named(path, file_name)
    }

    /// An attachment read from the file at `path`, sent under the name `file_name`.
    ///
    /// The name is checked and the file's size looked up before it is read, so a refused or
    /// oversized file costs no reading.
    ///
    /// # Errors
    /// [`AttachmentError::Read`] when the file cannot be read, and the errors of
    /// [`Attachment::from_bytes`].
    pub fn from_path_named(
        path: impl AsRef<Path>,
        file_name: impl Into<String>,
    ) -> Result<Attachment, AttachmentError> {
        let path = path.as_ref();
        let file_name = file_name.into();
        check_file_name(&file_name)?;
        let read_error = |error| AttachmentError::Read {
            path: path.to_owned(),
            error,
        };
        let size = fs::metadata(path).map_err(read_error)?.len();
        check_size(&file_name, size)?;
        // At most one byte past the limit is read: the file may have grown since, or be a
        // pipe or a device that reports no size and never ends.
        let limit = MAX_ATTACHMENTS_TOTAL_BYTES as u64 + 1;
        let mut content = Vec::with_capacity(usize::try_from(size).unwrap_or_default());
        fs::File::open(path)
            .and_then(|file| file.take(limit).read_to_end(&mut content))
            .map_err(read_error)?;
        check_size(&file_name, content.len() as u64)?;
        Ok(Attachment::encoded(file_name, &content))
    }

    /// The attachment with `content` base64-encoded; the name is taken as already checked.
    fn encoded(file_name: String, content: &[u8]) -> Attachment {
        Attachment {
            file_name,
            content: Some(STANDARD.encode(content)),
            file_url: None,
        }
    }
}
