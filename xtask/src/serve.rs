//! A small static file server for `dist/`, for `cargo xtask serve` and the end-to-end tests.
//!
//! It serves exactly the files of the release build, under a base path (the tests use a sub-path to
//! prove the site's URLs are relative), with the content types and headers a static host should send.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

/// Serves `root` on 127.0.0.1:`port` until the process is stopped.
pub fn serve_forever(root: &Path, port: u16) -> Result<(), String> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|error| format!("could not listen on 127.0.0.1:{port}: {error}"))?;
    println!("Serving the Border Security Briefing Explorer at http://127.0.0.1:{port}/");
    println!("The offline edition is at http://127.0.0.1:{port}/briefing-explorer.html (or open dist/briefing-explorer.html from disk).");
    println!("Press Ctrl+C to stop.");
    handle_requests(&server, root, "/");
    Ok(())
}

/// Serves `root` under `base_path` on a free port in a background thread; returns the port.
pub fn spawn_server(root: &Path, base_path: &str) -> Result<(u16, JoinHandle<()>), String> {
    let server = Server::http("127.0.0.1:0")
        .map_err(|error| format!("could not listen on 127.0.0.1: {error}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|address| address.port())
        .ok_or("the test server has no IP address")?;
    let root = root.to_path_buf();
    let base_path = base_path.to_string();
    let handle = std::thread::spawn(move || handle_requests(&server, &root, &base_path));
    Ok((port, handle))
}

fn handle_requests(server: &Server, root: &Path, base_path: &str) {
    for request in server.incoming_requests() {
        let url = request.url().to_string();
        let response = match file_for_url(root, base_path, &url) {
            Some(path) => match fs::read(&path) {
                Ok(bytes) => Response::from_data(bytes)
                    .with_header(header("Content-Type", content_type(&path)))
                    .with_header(header("X-Content-Type-Options", "nosniff"))
                    .with_header(header("Cache-Control", "no-cache")),
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        // A client that went away is not the server's problem.
        request.respond(response).ok();
    }
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("Not found")
        .with_status_code(404)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

/// Maps a request URL to a file under `root`, refusing anything outside it.
fn file_for_url(root: &Path, base_path: &str, url: &str) -> Option<PathBuf> {
    let path_part = url.split(['?', '#']).next().unwrap_or("");
    let relative = path_part.strip_prefix(base_path)?;
    let mut path = root.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(name) => path.push(name),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_inside_the_root_only() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(
            file_for_url(root, "/", "/Cargo.toml?x=1"),
            Some(root.join("Cargo.toml"))
        );
        assert_eq!(
            file_for_url(root, "/sub/", "/sub/src/main.rs"),
            Some(root.join("src/main.rs"))
        );
        assert_eq!(
            file_for_url(root, "/sub/", "/Cargo.toml"),
            None,
            "outside the base path"
        );
        assert_eq!(
            file_for_url(root, "/", "/../Cargo.toml"),
            None,
            "no climbing out"
        );
        assert_eq!(file_for_url(root, "/", "/missing.txt"), None);
    }
}
