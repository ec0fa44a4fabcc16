//! A local Tencent Cloud API 3.0 server with an SES backend, which checks signatures exactly as
//! Tencent Cloud does: run and test code that uses SES without an account or a network.
//!
//! It speaks every transport form of API 3.0 (TC3-HMAC-SHA256 over POST JSON, GET and
//! multipart; HmacSHA1 and HmacSHA256 over GET and POST form), verifies the signature, the
//! timestamp window, the secret id and the token, enforces the size limits, and answers with
//! Tencent's envelope and error codes. Behind it, an SES 2020-10-02 backend keeps identities,
//! senders, templates and sent mail in memory. Outside the API, `/_emulator/...` endpoints list
//! what was sent, reset the state and inject faults (see [`control`]).
//!
//! ```no_run
//! use tencentcloud_emulator::Emulator;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let emulator = Emulator::builder()
//!     .secret("AKIDmy-test-id", "my-test-key")
//!     .start()
//!     .await?;
//! println!("SES answers at {}", emulator.url());
//!
//! // A client signed with the emulator's key and pointed at it:
//! let ses = tencentcloud_ses::Client::new(emulator.client()?);
//! # let _ = ses;
//! // ... exercise your code, then look at what it sent:
//! for message in emulator.ses().messages() {
//!     println!("{}", message.subject);
//! }
//! emulator.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Without [`EmulatorBuilder::secret`], the emulator accepts one documented key pair,
//! [`DEFAULT_SECRET_ID`] and [`DEFAULT_SECRET_KEY`]. The `tencentcloud-emulator` binary runs the
//! same server from the command line (`--help` lists its options).

pub mod backend;
mod builder;
pub mod control;
mod front;
mod handle;
mod redact;
mod server;
pub mod ses;

pub use builder::{DEFAULT_LISTEN, Emulator, EmulatorBuilder, Error};
pub use control::faults::{Fault, FaultRule, Faults, FaultsSnapshot, RandomFaults};
pub use handle::{EmulatorHandle, SHUTDOWN_GRACE};

/// The secret id accepted when no key is configured. It is public on purpose: the emulator
/// guards nothing, and a well-known pair lets any client talk to it without setup.
pub const DEFAULT_SECRET_ID: &str = "AKIDEMULATOR000000000000000000000000";

/// The secret key that goes with [`DEFAULT_SECRET_ID`].
pub const DEFAULT_SECRET_KEY: &str = "emulatorSecretKey000000000000000";
