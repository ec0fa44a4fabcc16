//! A scripted HTTP/1.1 server on loopback for the client tests: it records every request
//! exactly as received and answers from a script (JSON, any status, delays, dropped
//! connections, a `Date` header); and a writer that keeps what a tracing subscriber prints.

#![allow(dead_code, unreachable_pub)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One received request.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// HTTP 200 with this JSON body.
    Json(String),
    /// Any status and body.
    Status(u16, Vec<u8>),
    /// HTTP 200 with this JSON body and this `Date` header.
    JsonWithDate(String, String),
    /// Wait, then answer.
    Delay(Duration, Box<Reply>),
    /// Read the request, then close the connection without answering.
    Drop,
    /// HTTP 200 with this JSON body sent in chunks of at most 1 MiB, without a declared length.
    Chunked(String),
    /// HTTP 200 declaring a body of this many bytes, then a few bytes, then nothing for a
    /// minute: a client that buffers before checking the length waits.
    DeclaredThenStall(usize),
}

impl Reply {
    pub fn ok(fields: &str) -> Self {
        let sep = if fields.is_empty() { "" } else { "," };
        Self::Json(format!(
            r#"{{"Response":{{{fields}{sep}"RequestId":"req-ok"}}}}"#
        ))
    }

    pub fn error(code: &str) -> Self {
        Self::Json(format!(
            r#"{{"Response":{{"Error":{{"Code":"{code}","Message":"scripted {code}"}},"RequestId":"req-{code}"}}}}"#
        ))
    }
}

#[derive(Default)]
struct State {
    requests: Vec<Recorded>,
    script: VecDeque<Reply>,
}

/// The server; stops when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    pub async fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State {
            requests: Vec::new(),
            script: script.into(),
        }));
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = shared.clone();
                tokio::spawn(async move { serve(stream, state).await });
            }
        });
        Self { addr, state, task }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let mut buffer = Vec::new();
    loop {
        let Some(request) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        let reply = {
            let mut state = state.lock().unwrap();
            state.requests.push(request);
            state.script.pop_front().unwrap_or_else(|| Reply::ok(""))
        };
        if !answer(&mut stream, reply).await {
            return;
        }
    }
}

async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Recorded> {
    let head_end = loop {
        if let Some(pos) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_owned();
    let target = first.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let body_start = head_end + 4;
    while buffer.len() < body_start + length {
        let mut chunk = vec![0u8; 65536];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    let body = buffer[body_start..body_start + length].to_vec();
    buffer.drain(..body_start + length);
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}

/// Writes the answer; false when the connection should close.
async fn answer(stream: &mut TcpStream, reply: Reply) -> bool {
    let (status, body, date) = match reply {
        Reply::Drop => return false,
        Reply::Delay(delay, inner) => {
            tokio::time::sleep(delay).await;
            return Box::pin(answer(stream, *inner)).await;
        }
        Reply::Chunked(json) => return answer_chunked(stream, json.as_bytes()).await,
        Reply::DeclaredThenStall(length) => {
            let head = format!(
                "HTTP/1.1 200 X\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n{{"
            );
            if stream.write_all(head.as_bytes()).await.is_ok() {
                tokio::time::sleep(Duration::from_mins(1)).await;
            }
            return false;
        }
        Reply::Json(json) => (200, json.into_bytes(), None),
        Reply::JsonWithDate(json, date) => (200, json.into_bytes(), Some(date)),
        Reply::Status(status, body) => (status, body, None),
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        body.len()
    );
    if let Some(date) = date {
        head = head + "date: " + &date + "\r\n";
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.is_ok() && stream.write_all(&body).await.is_ok()
}

/// Writes a 200 answer with `Transfer-Encoding: chunked`; false when the connection failed.
async fn answer_chunked(stream: &mut TcpStream, body: &[u8]) -> bool {
    let head =
        "HTTP/1.1 200 X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
    if stream.write_all(head.as_bytes()).await.is_err() {
        return false;
    }
    for chunk in body.chunks(1024 * 1024) {
        let size = format!("{:x}\r\n", chunk.len());
        let written = stream.write_all(size.as_bytes()).await.is_ok()
            && stream.write_all(chunk).await.is_ok()
            && stream.write_all(b"\r\n").await.is_ok();
        if !written {
            return false;
        }
    }
    stream.write_all(b"0\r\n\r\n").await.is_ok()
}

/// Collects what a tracing subscriber prints, for tests that read their own traces.
#[derive(Clone, Default)]
pub struct Captured(pub Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Everything printed so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
