//! A TCP listener whose connections a handler can condemn, so the "drop" fault really closes the
//! connection after the request was read, with no answer at all.
//!
//! Each accepted stream shares a flag with the [`Connection`] value that axum hands to handlers
//! as connect info. Once a handler raises the flag, every later write on the stream fails, so
//! hyper gives up on the answer and drops the stream, which closes the socket: the client has
//! sent its whole request and reads end-of-file.
//!
//! The stream also swaps hyper's bare refusals of oversized requests for the protocol's
//! envelope (see [`super::oversize`]).

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use super::oversize::Rewrite;

/// The emulator's listener: a [`TcpListener`] handing out [`DoomableStream`]s.
#[derive(Debug)]
pub(crate) struct DropListener {
    inner: TcpListener,
}

impl DropListener {
    /// Wraps a bound listener.
    pub(crate) fn new(inner: TcpListener) -> Self {
        Self { inner }
    }
}

/// What a handler knows about the connection its request came on.
#[derive(Debug, Clone)]
pub(crate) struct Connection {
    remote: SocketAddr,
    doomed: Arc<AtomicBool>,
}

impl Connection {
    /// Makes the connection close instead of sending the answer being prepared.
    pub(crate) fn drop_without_answer(&self) {
        self.doomed.store(true, Ordering::SeqCst);
    }

    /// The client's address.
    pub(crate) fn remote(&self) -> SocketAddr {
        self.remote
    }
}

impl Connected<IncomingStream<'_, DropListener>> for Connection {
    fn connect_info(stream: IncomingStream<'_, DropListener>) -> Self {
        stream.remote_addr().clone()
    }
}

impl Listener for DropListener {
    type Io = DoomableStream;
    type Addr = Connection;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, remote)) => {
                    // Answers are small and written at once; do not wait to coalesce them.
                    if let Err(error) = stream.set_nodelay(true) {
                        tracing::debug!(%error, "could not set TCP_NODELAY");
                    }
                    let doomed = Arc::new(AtomicBool::new(false));
                    let connection = Connection {
                        remote,
                        doomed: Arc::clone(&doomed),
                    };
                    let stream = DoomableStream {
                        stream,
                        doomed,
                        rewrite: Rewrite::default(),
                    };
                    return (stream, connection);
                }
                Err(error) => accept_failed(&error).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(Connection {
            remote: self.inner.local_addr()?,
            doomed: Arc::new(AtomicBool::new(false)),
        })
    }
}

/// A failed accept is about one connection (the client gave up) or about the process (out of
/// file descriptors); in the second case, pause so the loop does not spin.
async fn accept_failed(error: &io::Error) {
    let per_connection = matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
    );
    if !per_connection {
        tracing::warn!(%error, "accepting a connection failed; pausing briefly");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A TCP stream that refuses to write once its connection was condemned.
#[derive(Debug)]
pub(crate) struct DoomableStream {
    stream: TcpStream,
    doomed: Arc<AtomicBool>,
    rewrite: Rewrite,
}

impl DoomableStream {
    fn refuse(&self) -> Option<io::Error> {
        self.doomed.load(Ordering::SeqCst).then(|| {
            io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "connection dropped by an injected fault",
            )
        })
    }

    /// Writes what is left of a replacement answer; ready once all of it is written.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some(rest) = self.rewrite.pending().filter(|rest| !rest.is_empty()) {
            let written = std::task::ready!(Pin::new(&mut self.stream).poll_write(cx, rest))?;
            if written == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.rewrite.advance(written);
        }
        Poll::Ready(Ok(()))
    }

    /// Takes a write of `len` bytes whose start is `first`: `None` to pass it to the socket,
    /// or the outcome when it belongs to a refusal being replaced (taken whole, not sent).
    fn replace(
        &mut self,
        cx: &mut Context<'_>,
        first: &[u8],
        len: usize,
    ) -> Option<Poll<io::Result<usize>>> {
        self.rewrite.watch(first);
        self.rewrite.pending()?;
        Some(self.poll_replacement(cx).map_ok(|()| len))
    }
}

impl AsyncRead for DoomableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for DoomableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.refuse() {
            return Poll::Ready(Err(error));
        }
        if let Some(outcome) = self.replace(cx, buf, buf.len()) {
            return outcome;
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.refuse() {
            return Poll::Ready(Err(error));
        }
        let first = bufs
            .iter()
            .find(|buf| !buf.is_empty())
            .map_or(&[][..], |buf| &buf[..]);
        let len = bufs.iter().map(|buf| buf.len()).sum();
        if let Some(outcome) = self.replace(cx, first, len) {
            return outcome;
        }
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(error) = self.refuse() {
            return Poll::Ready(Err(error));
        }
        std::task::ready!(self.poll_replacement(cx))?;
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // Not after a refusal was condemned: a doomed stream sends nothing more.
        if self.refuse().is_none() {
            std::task::ready!(self.poll_replacement(cx))?;
        }
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
