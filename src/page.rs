//! Names the build and the app must agree on in the served page: what `cargo xtask dist` writes, the
//! app reads, so both take them from here.

/// The id of the data block that carries the dataset file in the offline edition (gzip, in base64), for
/// the data pack; its presence also tells the offline edition from the hosted site.
pub const INLINE_DATASET_ELEMENT_ID: &str = "bse-dataset";

/// The id of the element that names the dataset reader's WebAssembly: on the hosted site a `meta` whose
/// `content` is its file (fetched when a person first opens a file), in the offline edition its bytes
/// (gzip-compressed, in base64).
pub const READER_ELEMENT_ID: &str = "bse-reader";

/// The id of the hosted page's preload link to the bundled dataset as the reader hands it over, checked
/// when the site was built, so the page starts without the reader.
pub const CHECKED_DATASET_ELEMENT_ID: &str = "bse-checked-dataset";

/// The id of the static header and title the build writes into the page; the app removes it once it runs.
pub const STATIC_SHELL_ELEMENT_ID: &str = "bse-shell";

/// The embed page's file name, beside `index.html`: one view's chart alone, for other sites to frame.
pub const EMBED_FILE_NAME: &str = "embed.html";

/// The service worker's file name, next to `index.html` in the hosted build.
pub const SERVICE_WORKER_FILE_NAME: &str = "sw.js";
