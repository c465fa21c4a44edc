//! A small static file server for `dist/`, for `cargo xtask serve` and the end-to-end tests.
//!
//! It serves exactly the files of the release build, under a base path (the tests use a sub-path to
//! prove the site's URLs are relative), with the content types and headers a static host should send.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;
use std::time::SystemTime;

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
    // Compressed bodies by file, reused while the file is unchanged (same length and modification time).
    let mut gzip_cache = GzipCache::new();
    for request in server.incoming_requests() {
        let url = request.url().to_string();
        let accepts_gzip = request.headers().iter().any(|request_header| {
            request_header.field.equiv("Accept-Encoding")
                && request_header.value.as_str().contains("gzip")
        });
        let response = match file_for_url(root, base_path, &url) {
            Some(path) => match fs::read(&path) {
                Ok(bytes) => file_response(&path, bytes, accepts_gzip, &mut gzip_cache),
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        // A client that went away is not the server's problem.
        request.respond(response).ok();
    }
}

/// A file with the headers a static host should send (see docs/HOSTING.md): its type, gzip-compressed
/// when the browser accepts it and it is text or wasm, and cached for a year when its name carries a
/// content hash (Trunk's `.js`, `.wasm` and `.css`), otherwise revalidated on every use.
fn file_response(
    path: &Path,
    bytes: Vec<u8>,
    accepts_gzip: bool,
    gzip_cache: &mut GzipCache,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let content_type = content_type(path);
    let compressible = !matches!(content_type, "image/png" | "image/x-icon");
    let (body, gzipped) = if accepts_gzip && compressible {
        let modified = fs::metadata(path)
            .and_then(|metadata| metadata.modified())
            .ok();
        let len_bytes = bytes.len() as u64;
        match gzip_cache.get(path) {
            Some((cached_len, cached_modified, compressed))
                if *cached_len == len_bytes && *cached_modified == modified =>
            {
                (compressed.clone(), true)
            }
            _ => match crate::tools::gzip(&bytes, flate2::Compression::default()) {
                Ok(compressed) => {
                    gzip_cache.insert(
                        path.to_path_buf(),
                        (len_bytes, modified, compressed.clone()),
                    );
                    (compressed, true)
                }
                Err(_) => (bytes, false),
            },
        }
    } else {
        (bytes, false)
    };
    let cache_control = if has_content_hash(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = Response::from_data(body)
        .with_header(header("Content-Type", content_type))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Cache-Control", cache_control))
        .with_header(header("Vary", "Accept-Encoding"));
    if gzipped {
        response = response.with_header(header("Content-Encoding", "gzip"));
    }
    response
}

/// Per file: its length and modification time when compressed, and the compressed bytes.
type GzipCache = HashMap<PathBuf, (u64, Option<SystemTime>, Vec<u8>)>;

/// Whether a file name ends in Trunk's content hash: `name-0123456789abcdef.js` or `name-…_bg.wasm`.
fn has_content_hash(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (15..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
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

    #[test]
    fn only_hashed_file_names_are_cached_for_long() {
        assert!(has_content_hash(Path::new("app-b3ec3c58c8323d54.js")));
        assert!(has_content_hash(Path::new("app-b3ec3c58c8323d54_bg.wasm")));
        assert!(has_content_hash(Path::new("main-881b6b5e3393873.css")));
        assert!(!has_content_hash(Path::new("index.html")));
        assert!(!has_content_hash(Path::new("sw.js")));
        assert!(!has_content_hash(Path::new("data/dataset.json")));
        assert!(!has_content_hash(Path::new("briefing-explorer.html")));
    }
}
