//! Binds the listener, puts the control routes and the API front together and serves them on a
//! background task that stops gracefully when told to.

pub(crate) mod conn;
mod oversize;

use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::control::{self, Control};
use crate::front::{self, Front};
use conn::{Connection, DropListener};

/// A server running on a background task.
#[derive(Debug)]
pub(crate) struct Running {
    /// The address it listens on.
    pub(crate) addr: SocketAddr,
    /// Dropping or sending on this stops accepting and lets open calls finish.
    pub(crate) stop: oneshot::Sender<()>,
    /// The serving task.
    pub(crate) task: JoinHandle<()>,
}

/// Binds `listen` (anything `TcpListener::bind` resolves: `127.0.0.1:0`, `localhost:4010`)
/// and starts serving.
///
/// # Errors
/// If the address cannot be resolved or bound.
pub(crate) async fn spawn(
    listen: &str,
    front: Front,
    control: Control,
) -> std::io::Result<Running> {
    let listener = TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    let api = Router::new().fallback(front::handle).with_state(front);
    let app = control::router(control).merge(api);
    let (stop, stopped) = oneshot::channel::<()>();
    let serve = axum::serve(
        DropListener::new(listener),
        app.into_make_service_with_connect_info::<Connection>(),
    )
    .with_graceful_shutdown(async move {
        // A dropped sender means the handle is gone: stop as well.
        let _ = stopped.await;
    });
    let task = tokio::spawn(async move {
        if let Err(error) = serve.await {
            tracing::error!(%error, "the emulator stopped serving");
        }
    });
    tracing::info!(%addr, "emulator listening");
    Ok(Running { addr, stop, task })
}
