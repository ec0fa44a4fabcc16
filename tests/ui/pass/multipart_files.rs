//! A multipart action: `#[tc(file)]` fields are listed by wire name in `FILE_FIELDS`, and the
//! marker itself is gone from the struct.
#![deny(warnings, missing_docs, unused_qualifications)]

use tencentcloud_core::{Action, BodyEncoding, action, model, service};

/// Optical character recognition.
#[service(name = "ocr", version = "2018-11-19")]
pub struct Ocr;

/// What recognition returns.
#[model]
pub struct RecognizeResponse {
    /// The id of the call.
    pub request_id: String,
}

/// Recognizes the text in an image sent as a file part.
#[action(service = Ocr, response = RecognizeResponse, content = "multipart")]
pub struct GeneralBasicOcr {
    /// The picture, as a file part named after the field.
    #[tc(file)]
    pub image_file: String,
    /// A second file whose wire name is set by serde.
    #[serde(rename = "PDFFile")]
    #[tc(file)]
    pub pdf: Option<String>,
    /// A plain text part.
    pub language_type: String,
}

fn main() {
    assert_eq!(
        <GeneralBasicOcr as Action>::ENCODING,
        BodyEncoding::Multipart
    );
    assert_eq!(
        <GeneralBasicOcr as Action>::FILE_FIELDS,
        ["ImageFile", "PDFFile"]
    );
    let request = GeneralBasicOcr {
        image_file: String::new(),
        pdf: None,
        language_type: "zh".to_owned(),
    };
    let _ = (
        request,
        Ocr,
        RecognizeResponse {
            request_id: String::new(),
        },
    );
}
