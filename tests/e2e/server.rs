//! A tiny static file server for `dist/` on a loopback port, so the tests load the release build the way a
//! browser would, with the MIME types wasm streaming compilation insists on.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Serves one directory on `127.0.0.1:<free port>` until dropped.
pub struct StaticServer {
    pub base_url: String,
    requests: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl StaticServer {
    pub async fn start(root: &Path) -> StaticServer {
        let listener =
            TcpListener::bind("127.0.0.1:0").await.expect("e2e: cannot bind a loopback port for the static server");
        let base_url = format!("http://{}", listener.local_addr().expect("e2e: static server has no address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (root, log) = (root.to_path_buf(), requests.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_one(stream, root.clone(), log.clone()));
            }
        });
        StaticServer { base_url, requests, task }
    }

    /// Stops serving: the port refuses connections from now on (the offline test).
    pub fn stop(&self) {
        self.task.abort();
    }

    /// Every request line seen so far, e.g. `GET /worker_loader.js -> 200`.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// MIME type by extension; `application/wasm` is required for `WebAssembly.instantiateStreaming`.
pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file under `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = if path.ends_with('/') { root.join(relative).join("index.html") } else { root.join(relative) };
    file.is_file().then_some(file)
}

async fn serve_one(mut stream: TcpStream, root: PathBuf, log: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let found = if method == "GET" || method == "HEAD" { resolve(&root, target) } else { None };
    let (status, mime, body) = match found.as_ref().map(|f| (f, std::fs::read(f))) {
        Some((file, Ok(bytes))) => ("200 OK", mime_type(file), bytes),
        _ => ("404 Not Found", "text/plain; charset=utf-8", b"not found".to_vec()),
    };
    log.lock().unwrap().push(format!("{method} {target} -> {}", &status[..3]));
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes()).await;
    if method != "HEAD" {
        let _ = stream.write_all(&body).await;
    }
    let _ = stream.shutdown().await;
}
