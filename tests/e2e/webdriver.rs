//! Starts `chromedriver` on a free loopback port, and talks to the few endpoints fantoccini does not wrap.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// `$CHROMEDRIVER`, else Debian's `/usr/bin/chromedriver` (package `chromium-driver`).
pub fn chromedriver_path() -> PathBuf {
    let path = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromedriver".into());
    assert!(
        path.is_file(),
        "e2e: chromedriver not found at {} (set CHROMEDRIVER, or run `bash scripts/setup.sh`, which installs Debian's chromium-driver)",
        path.display()
    );
    path
}

/// `$CHROME_BIN`, else Debian's `/usr/bin/chromium`.
pub fn chromium_path() -> PathBuf {
    let path = std::env::var_os("CHROME_BIN").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromium".into());
    assert!(
        path.is_file(),
        "e2e: Chromium not found at {} (set CHROME_BIN, or run `bash scripts/setup.sh`)",
        path.display()
    );
    path
}

/// A running chromedriver, killed on drop.
pub struct ChromeDriver {
    pub port: u16,
    child: Child,
}

impl ChromeDriver {
    pub fn start() -> ChromeDriver {
        let port = free_port();
        let child = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("e2e: cannot start chromedriver");
        let driver = ChromeDriver { port, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while request(port, "GET", "/status", None).map(|s| s["value"]["ready"] != true).unwrap_or(true) {
            assert!(Instant::now() < deadline, "e2e: chromedriver did not become ready on port {port} within 20 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The chromedriver process's id (the browser it starts is its descendant).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("e2e: no free loopback port").port()
}

/// One blocking JSON request to chromedriver (loopback, tiny bodies). Returns the parsed response body.
pub fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open despite `Connection: close`: read exactly Content-Length bytes.
    let mut response = Vec::new();
    let mut buf = [0u8; 8192];
    let header_end = loop {
        if let Some(i) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("chromedriver closed the connection before sending headers"));
        }
        response.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&response[..header_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .ok_or_else(|| std::io::Error::other(format!("chromedriver reply without Content-Length: {head}")))?;
    while response.len() < header_end + length {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&buf[..n]);
    }
    let payload = String::from_utf8_lossy(&response[header_end..]);
    serde_json::from_str(&payload)
        .map_err(|e| std::io::Error::other(format!("chromedriver sent non-JSON ({e}): {payload}")))
}
