//! A running emulator: its address, its state, its faults, a client configured for it, and
//! shutdown (explicit, or when the handle is dropped).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tencentcloud_core::{Client, Credentials, Region};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::control::faults::Faults;
use crate::server::Running;
use crate::ses::SesBackend;

/// How long [`EmulatorHandle::shutdown`] lets calls in progress finish before cutting them off.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running emulator. Dropping it stops the server (calls in progress still finish); call
/// [`shutdown`](Self::shutdown) to wait until it has stopped.
pub struct EmulatorHandle {
    addr: SocketAddr,
    url: String,
    ses: Arc<SesBackend>,
    faults: Arc<Faults>,
    credentials: Credentials,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl EmulatorHandle {
    pub(crate) fn new(
        running: Running,
        ses: Arc<SesBackend>,
        faults: Arc<Faults>,
        credentials: Credentials,
    ) -> Self {
        let Running { addr, stop, task } = running;
        Self {
            addr,
            url: format!("http://{}", reachable(addr)),
            ses,
            faults,
            credentials,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// The base URL to point clients at, e.g. `http://127.0.0.1:40123`. For a wildcard listen
    /// address (`0.0.0.0`) it names loopback, which always reaches it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address the server is bound to (with the real port when `:0` was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The SES backend: the stored state (messages, identities, templates, ...).
    pub fn ses(&self) -> &SesBackend {
        &self.ses
    }

    /// The scheduled faults, to script them from Rust instead of over HTTP.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// The first configured key pair (with its token, if temporary), or the default pair.
    pub fn credentials(&self) -> Credentials {
        self.credentials.clone()
    }

    /// A core client pointed at this emulator, signing with [`credentials`](Self::credentials),
    /// in region `ap-guangzhou`.
    ///
    /// # Errors
    /// If the core client cannot be built (it can always be for a loopback URL).
    pub fn client(&self) -> Result<Client, tencentcloud_core::Error> {
        Client::builder()
            .endpoint_url(self.url.clone())
            .credentials(self.credentials.clone())
            .region(Region::AP_GUANGZHOU)
            .build()
    }

    /// Stops accepting connections, lets calls in progress finish (for at most
    /// [`SHUTDOWN_GRACE`]), and returns once the server has stopped.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            tracing::warn!("calls still running after the grace period; cutting them off");
            task.abort();
        }
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl fmt::Debug for EmulatorHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorHandle")
            .field("url", &self.url)
            .field("credentials", &self.credentials)
            .field("faults", &self.faults)
            .finish_non_exhaustive()
    }
}

/// The address clients should use: a wildcard becomes loopback of the same family.
fn reachable(addr: SocketAddr) -> SocketAddr {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_addresses_are_reached_through_loopback() {
        let v4: SocketAddr = "0.0.0.0:4010".parse().unwrap();
        assert_eq!(reachable(v4).to_string(), "127.0.0.1:4010");
        let v6: SocketAddr = "[::]:4010".parse().unwrap();
        assert_eq!(reachable(v6).to_string(), "[::1]:4010");
        let fixed: SocketAddr = "192.0.2.7:80".parse().unwrap();
        assert_eq!(reachable(fixed), fixed);
    }
}
