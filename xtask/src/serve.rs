//! A small static file server for `dist/`, for `cargo xtask serve` and the end-to-end tests.
//!
//! It serves exactly the files of the release build, under a base path (the tests use a sub-path to
//! prove the site's URLs are relative), with the content types and headers a static host should send.

use std::collections::HashMap;
use std::convert::Infallible;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::SystemTime;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{ACCEPT_ENCODING, HOST};
use hyper::{Request, Response};

/// A response's body: the whole file (or message) at once.
type Body = Full<Bytes>;

/// Serves `root` on 127.0.0.1:`port` until the process is stopped.
pub fn serve_forever(root: &Path, port: u16) -> Result<(), String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("could not listen on 127.0.0.1:{port}: {error}"))?;
    println!(
        "Serving the {} at http://127.0.0.1:{port}/",
        border_security_explorer::APP_NAME
    );
    println!("The offline edition is at http://127.0.0.1:{port}/briefing-explorer.html (or open dist/briefing-explorer.html from disk).");
    println!("Press Ctrl+C to stop.");
    serve(listener, root, "/", SharedCache::default())
}

/// Serves `root` under `base_path` on a free port in a background thread; returns the port. With
/// `brotli_first`, every brotli body is made before the first request is answered (for measurements,
/// so every load is served alike); otherwise they are made beside the server.
pub fn spawn_server(
    root: &Path,
    base_path: &str,
    brotli_first: bool,
) -> Result<(u16, JoinHandle<()>), String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|error| format!("could not listen on 127.0.0.1: {error}"))?;
    let port = listener
        .local_addr()
        .map_err(|error| format!("the test server has no address: {error}"))?
        .port();
    let root = root.to_path_buf();
    let base_path = base_path.to_string();
    let cache = SharedCache::default();
    if brotli_first {
        precompress_brotli(root.clone(), cache.clone());
    }
    let handle = std::thread::spawn(move || {
        if let Err(error) = serve(listener, &root, &base_path, cache) {
            eprintln!("the test server stopped: {error}");
        }
    });
    Ok((port, handle))
}

/// Compresses every text and wasm file under `root` with brotli at its best quality, into `cache`. It
/// runs beside the server, because on a small machine the wasm alone takes seconds: until a file's
/// brotli body is ready, browsers that accept brotli get gzip.
fn precompress_brotli(root: PathBuf, cache: SharedCache) {
    let mut pending = vec![root];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if !is_compressible(&path) {
                continue;
            }
            let Ok(metadata) = fs::metadata(&path) else {
                continue;
            };
            let (len_bytes, modified) = (metadata.len(), metadata.modified().ok());
            // Made already (the bench makes them before serving): the file is not read again.
            let already_made = cache.lock().is_ok_and(|cache| {
                cache.get(&(path.clone(), Encoding::Brotli)).is_some_and(
                    |(cached_len, cached_modified, _)| {
                        *cached_len == len_bytes && *cached_modified == modified
                    },
                )
            });
            if already_made {
                continue;
            }
            let Ok(bytes) = fs::read(&path) else {
                continue;
            };
            if let Ok(compressed) = crate::tools::brotli(&bytes) {
                if let Ok(mut cache) = cache.lock() {
                    cache.insert(
                        (path, Encoding::Brotli),
                        (bytes.len() as u64, modified, compressed),
                    );
                }
            }
        }
    }
}

/// Answers requests for files under `root` on `listener`, for as long as the process runs. Each
/// connection is a task of its own, so the connections a browser keeps open hold up no new one, and
/// each answer (reading a file, compressing it) runs on the runtime's pool for blocking work.
/// Compressed bodies are kept in `compressed_cache` by file, reused while the file is unchanged (same
/// length and modification time); the brotli ones are made beside the server.
fn serve(
    listener: std::net::TcpListener,
    root: &Path,
    base_path: &str,
    compressed_cache: SharedCache,
) -> Result<(), String> {
    let for_brotli = compressed_cache.clone();
    let root_for_brotli = root.to_path_buf();
    std::thread::spawn(move || precompress_brotli(root_for_brotli, for_brotli));
    let site = Arc::new(Site {
        root: root.to_path_buf(),
        base_path: base_path.to_string(),
        port: listener.local_addr().map_or(0, |address| address.port()),
        compressed_cache,
        in_flight: AtomicUsize::new(0),
    });
    listener
        .set_nonblocking(true)
        .map_err(|error| format!("setting up the server's socket: {error}"))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|error| format!("starting the server's runtime: {error}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|error| format!("setting up the server's socket: {error}"))?;
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                // A connection that failed as it was accepted (or too many files open): the next one.
                tokio::task::yield_now().await;
                continue;
            };
            let site = site.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    let site = site.clone();
                    async move { Ok::<_, Infallible>(site.answer(request).await) }
                });
                // A client that went away is not the server's problem.
                hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await
                    .ok();
            });
        }
    })
}

/// What the server serves, and how many answers are being made.
struct Site {
    root: PathBuf,
    base_path: String,
    port: u16,
    compressed_cache: SharedCache,
    in_flight: AtomicUsize,
}

impl Site {
    /// Refuses what `refusal` refuses; otherwise answers with the file the request names.
    async fn answer<RequestBody>(self: Arc<Self>, request: Request<RequestBody>) -> Response<Body> {
        let url = request.uri().to_string();
        let header_bytes: usize = request
            .headers()
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        let text_of = |name| {
            request
                .headers()
                .get(name)
                .and_then(|value: &hyper::header::HeaderValue| value.to_str().ok())
                .map(str::to_string)
        };
        let host = text_of(HOST);
        let asked = Asked {
            url_len: url.len(),
            header_bytes,
            host: host.as_deref(),
            port: self.port,
            requests_in_flight: self.in_flight.load(Ordering::SeqCst),
        };
        if let Some((status, reason)) = refusal(&asked) {
            return text_response(status, reason);
        }
        let encoding = chosen_encoding(&text_of(ACCEPT_ENCODING).unwrap_or_default());
        let answering = AnswerInFlight::start(self.clone());
        tokio::task::spawn_blocking(move || {
            let site = &answering.0;
            match file_for_url(&site.root, &site.base_path, &url) {
                Some(path) => match fs::read(&path) {
                    Ok(bytes) => file_response(&path, bytes, encoding, &site.compressed_cache),
                    Err(_) => not_found(),
                },
                None => not_found(),
            }
        })
        .await
        .unwrap_or_else(|_| text_response(500, "The file could not be read."))
    }
}

/// One answer counted in `Site::in_flight` from when it is taken on until its work ends. The count
/// goes down with the work, not after it is awaited: a client that goes away has its request's future
/// dropped, but never the work, so no answer is counted for ever.
struct AnswerInFlight(Arc<Site>);

impl AnswerInFlight {
    fn start(site: Arc<Site>) -> Self {
        site.in_flight.fetch_add(1, Ordering::SeqCst);
        Self(site)
    }
}

impl Drop for AnswerInFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The longest request target answered, in bytes.
const MAX_URL_BYTES: usize = 2_048;
/// The most header bytes (names and values) answered.
const MAX_HEADER_BYTES: usize = 16_384;
/// The most requests answered at once; more wait for none and are told to come back.
const MAX_REQUESTS_IN_FLIGHT: usize = 64;

/// What a request asks, as far as deciding whether to answer it goes.
struct Asked<'a> {
    url_len: usize,
    header_bytes: usize,
    host: Option<&'a str>,
    port: u16,
    requests_in_flight: usize,
}

/// Why a request is not answered (its status and a line saying so), or `None` to answer it. The
/// server answers only its own host name (127.0.0.1 or localhost with its port), so a page elsewhere
/// cannot reach it through a name that resolves here; and it caps what one request and all of them
/// together may take.
fn refusal(asked: &Asked) -> Option<(u16, &'static str)> {
    let own_host = |host: &str| {
        let port = asked.port.to_string();
        ["127.0.0.1", "localhost"]
            .iter()
            .any(|name| host == *name || host == format!("{name}:{port}"))
    };
    if asked.url_len > MAX_URL_BYTES {
        Some((414, "The address asked for is too long."))
    } else if asked.header_bytes > MAX_HEADER_BYTES {
        Some((431, "The request's headers are too large."))
    } else if !asked.host.is_some_and(own_host) {
        Some((421, "This server answers only 127.0.0.1 and localhost."))
    } else if asked.requests_in_flight >= MAX_REQUESTS_IN_FLIGHT {
        Some((503, "Too many requests at once; try again."))
    } else {
        None
    }
}

/// How a response body is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    fn header_value(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }
}

/// Brotli where the browser accepts it (the smaller), else gzip, else none. A coding refused with
/// `;q=0` is not accepted.
fn chosen_encoding(accept_encoding: &str) -> Encoding {
    let accepts = |wanted: &str| {
        accept_encoding.split(',').any(|offer| {
            let mut parts = offer.split(';').map(str::trim);
            parts.next() == Some(wanted)
                && !parts.any(|parameter| {
                    parameter
                        .strip_prefix("q=")
                        .and_then(|quality| quality.parse::<f64>().ok())
                        == Some(0.0)
                })
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// A file with the headers a static host should send (see docs/HOSTING.md): its type, compressed with
/// brotli or gzip when the browser accepts it and it is text or wasm, and cached for a year when its
/// name carries a content hash (Trunk's `.js`, `.wasm` and `.css`), otherwise revalidated on every use.
fn file_response(
    path: &Path,
    bytes: Vec<u8>,
    encoding: Encoding,
    compressed_cache: &SharedCache,
) -> Response<Body> {
    let content_type = content_type(path);
    let encoding = if is_compressible(path) {
        encoding
    } else {
        Encoding::Identity
    };
    let modified = fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok();
    let len_bytes = bytes.len() as u64;
    let cached = |wanted: Encoding| {
        let cache = compressed_cache.lock().ok()?;
        match cache.get(&(path.to_path_buf(), wanted)) {
            Some((cached_len, cached_modified, compressed))
                if *cached_len == len_bytes && *cached_modified == modified =>
            {
                Some(compressed.clone())
            }
            _ => None,
        }
    };
    let (body, encoding) = match encoding {
        Encoding::Identity => (bytes, Encoding::Identity),
        wanted => match cached(wanted) {
            Some(compressed) => (compressed, wanted),
            // Brotli not ready yet (or the file changed since): gzip, made now and kept.
            None => match cached(Encoding::Gzip) {
                Some(compressed) => (compressed, Encoding::Gzip),
                None => match crate::tools::gzip(&bytes, flate2::Compression::default()) {
                    Ok(compressed) => {
                        if let Ok(mut cache) = compressed_cache.lock() {
                            cache.insert(
                                (path.to_path_buf(), Encoding::Gzip),
                                (len_bytes, modified, compressed.clone()),
                            );
                        }
                        (compressed, Encoding::Gzip)
                    }
                    Err(_) => (bytes, Encoding::Identity),
                },
            },
        },
    };
    let cache_control = if has_content_hash(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = Response::builder()
        .header("Content-Type", content_type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", cache_control)
        .header("Vary", "Accept-Encoding");
    if let Some(value) = encoding.header_value() {
        response = response.header("Content-Encoding", value);
    }
    // Other sites may frame the embed page and nothing else (docs/HOSTING.md).
    if content_type.starts_with("text/html") {
        let embeddable = path.file_name().and_then(|name| name.to_str())
            == Some(border_security_explorer::page::EMBED_FILE_NAME);
        response = if embeddable {
            response.header("Content-Security-Policy", "frame-ancestors *")
        } else {
            response
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
        };
    }
    response
        .body(Body::from(body))
        .expect("static header names and values are valid")
}

/// Per file and encoding: the file's length and modification time when compressed, and the bytes.
type CompressedCache = HashMap<(PathBuf, Encoding), (u64, Option<SystemTime>, Vec<u8>)>;

/// The cache, shared by the server and the thread that makes the brotli bodies.
type SharedCache = std::sync::Arc<std::sync::Mutex<CompressedCache>>;

/// Text and wasm are compressed; images that are compressed already are not.
fn is_compressible(path: &Path) -> bool {
    !matches!(content_type(path), "image/png" | "image/x-icon")
}

/// Whether a file name ends in a content hash: Trunk's `name-0123456789abcdef.js` or `name-…_bg.wasm`, or the dataset reader's `reader-….wasm`.
fn has_content_hash(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (15..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
}

fn not_found() -> Response<Body> {
    text_response(404, "Not found")
}

/// A short plain-text answer with its status.
fn text_response(status: u16, text: &'static str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("Content-Type", "text/plain; charset=utf-8")
        .body(Body::from(text))
        .expect("static statuses, header names and values are valid")
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
    fn brotli_is_chosen_where_accepted_then_gzip() {
        assert_eq!(chosen_encoding("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(chosen_encoding("gzip, deflate"), Encoding::Gzip);
        assert_eq!(chosen_encoding("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(chosen_encoding("identity"), Encoding::Identity);
        assert_eq!(chosen_encoding(""), Encoding::Identity);
        assert_eq!(chosen_encoding("brotli-ish"), Encoding::Identity);
    }

    #[test]
    fn a_brotli_body_decodes_to_the_file() {
        let original = b"<!doctype html><p>the same text, again and again</p>".repeat(50);
        let compressed = crate::tools::brotli(&original).unwrap();
        assert!(compressed.len() < original.len() / 5);
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut std::io::Cursor::new(compressed), &mut decoded).unwrap();
        assert_eq!(decoded, original);
    }

    #[test]
    fn only_hashed_file_names_are_cached_for_long() {
        assert!(has_content_hash(Path::new("app-b3ec3c58c8323d54.js")));
        assert!(has_content_hash(Path::new("app-b3ec3c58c8323d54_bg.wasm")));
        assert!(has_content_hash(Path::new("reader-0123456789abcdef.wasm")));
        assert!(has_content_hash(Path::new("main-881b6b5e3393873.css")));
        assert!(!has_content_hash(Path::new("index.html")));
        assert!(!has_content_hash(Path::new("sw.js")));
        assert!(!has_content_hash(Path::new("data/dataset.json")));
        assert!(!has_content_hash(Path::new("briefing-explorer.html")));
    }

    #[test]
    fn only_its_own_host_and_requests_within_the_caps_are_answered() {
        let asked = |url_len, header_bytes, host, requests_in_flight| Asked {
            url_len,
            header_bytes,
            host,
            port: 8080,
            requests_in_flight,
        };
        assert_eq!(refusal(&asked(20, 300, Some("127.0.0.1:8080"), 0)), None);
        assert_eq!(refusal(&asked(20, 300, Some("localhost:8080"), 63)), None);
        assert_eq!(refusal(&asked(20, 300, Some("localhost"), 0)), None);
        for (status, case) in [
            (421, asked(20, 300, Some("attacker.example:8080"), 0)),
            (421, asked(20, 300, Some("127.0.0.1:9999"), 0)),
            (421, asked(20, 300, None, 0)),
            (414, asked(2_049, 300, Some("127.0.0.1:8080"), 0)),
            (431, asked(20, 16_385, Some("127.0.0.1:8080"), 0)),
            (503, asked(20, 300, Some("127.0.0.1:8080"), 64)),
        ] {
            assert_eq!(refusal(&case).map(|(code, _)| code), Some(status));
        }
    }

    /// Sends one GET on `stream` (kept open: the browser keeps its connections) and reads the whole
    /// answer, or fails after `patience`.
    fn get_on(stream: &mut std::net::TcpStream, port: u16, patience: std::time::Duration) -> bool {
        use std::io::{Read as _, Write as _};
        stream.set_read_timeout(Some(patience)).unwrap();
        let request = format!(
            "GET /page.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: keep-alive\r\n\r\n"
        );
        if stream.write_all(request.as_bytes()).is_err() {
            return false;
        }
        let mut answer = Vec::new();
        let mut buffer = [0_u8; 4096];
        while !String::from_utf8_lossy(&answer).contains("the page") {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => return false,
                Ok(read) => answer.extend_from_slice(&buffer[..read]),
            }
        }
        true
    }

    #[test]
    fn a_burst_of_new_connections_is_answered_while_others_stay_open() {
        let folder = std::env::temp_dir().join(format!("bse-serve-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("page.html"), "<p>the page</p>").unwrap();
        let (port, _server) = spawn_server(&folder, "/", false).unwrap();
        let patience = std::time::Duration::from_secs(3);
        let mut unanswered = 0;
        for _round in 0..20 {
            // Connections that were used and closed leave the server's threads idle...
            let earlier: Vec<_> = (0..6)
                .map(|_| {
                    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                    assert!(get_on(&mut stream, port, patience));
                    stream
                })
                .collect();
            drop(earlier);
            std::thread::sleep(std::time::Duration::from_millis(50));
            // ...then a browser opens many at once and keeps them open.
            let burst: Vec<_> = (0..12)
                .map(|_| {
                    std::thread::spawn(move || {
                        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                        let answered = get_on(&mut stream, port, patience);
                        (answered, stream)
                    })
                })
                .collect();
            let results: Vec<_> = burst
                .into_iter()
                .map(|thread| thread.join().unwrap())
                .collect();
            unanswered += results.iter().filter(|(answered, _)| !answered).count();
            drop(results);
        }
        fs::remove_dir_all(&folder).ok();
        assert_eq!(
            unanswered, 0,
            "requests on new connections left unanswered for 3 s"
        );
    }

    #[test]
    fn an_answer_whose_client_went_away_is_no_longer_counted() {
        let folder = std::env::temp_dir().join(format!("bse-serve-gone-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        // Large enough that gzipping it takes long past the moment its request is dropped.
        let text: String = (0..2_000_000_u32)
            .map(|n| format!("{} ", n.wrapping_mul(2_654_435_761)))
            .collect();
        fs::write(folder.join("large.txt"), text).unwrap();
        let site = Arc::new(Site {
            root: folder.clone(),
            base_path: "/".to_string(),
            port: 8080,
            compressed_cache: SharedCache::default(),
            in_flight: AtomicUsize::new(0),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let request = Request::builder()
            .uri("/large.txt")
            .header(HOST, "127.0.0.1:8080")
            .header(ACCEPT_ENCODING, "gzip")
            .body(())
            .unwrap();
        let answer = runtime.spawn(site.clone().answer(request));
        while site.in_flight.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        // As hyper drops a request's future when its client goes away: dropped here while its file is
        // still being gzipped.
        answer.abort();
        assert!(runtime
            .block_on(answer)
            .is_err_and(|error| error.is_cancelled()));
        // Waits for the work on the pool for blocking work to end.
        runtime.shutdown_timeout(std::time::Duration::from_secs(60));
        fs::remove_dir_all(&folder).ok();
        assert_eq!(site.in_flight.load(Ordering::SeqCst), 0);
    }
}
