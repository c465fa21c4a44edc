//! The browser calls the shell makes: the URL fragment and address, the narrow-screen watch, downloads, SVG to PNG, the clipboard, performance marks, the service worker, the memory probe for benchmarks, and removing the static shell.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The screens that get narrow charts: up to 40 rem wide, a phone held upright.
const NARROW_SCREEN_QUERY: &str = "(max-width: 40rem)";

/// Whether the screen is narrow now; `on_change` hears of every change after (a phone turned, a
/// window resized) for as long as the page is open.
pub fn watch_narrow_screen(on_change: impl Fn(bool) + 'static) -> bool {
    let Some(query_list) = web_sys::window()
        .and_then(|window| window.match_media(NARROW_SCREEN_QUERY).ok())
        .flatten()
    else {
        return false;
    };
    let query_list_for_listener = query_list.clone();
    let listener = Closure::<dyn Fn()>::new(move || on_change(query_list_for_listener.matches()));
    query_list
        .add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
        .ok();
    // The page keeps listening for its whole life, so the closure is never freed.
    listener.forget();
    query_list.matches()
}

/// The current URL fragment without `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Sets the URL fragment, adding a history entry (so back and forward move between views). This
/// works from `file://`, where `history.pushState` is blocked.
pub fn set_fragment(fragment: &str) {
    if let Some(window) = web_sys::window() {
        window.location().set_hash(fragment).ok();
    }
}

/// Sets the URL fragment in place of the current history entry (a change within one edit). Works from
/// `file://`, where `history.replaceState` is blocked.
pub fn replace_fragment(fragment: &str) {
    if let Some(window) = web_sys::window() {
        window
            .location()
            .replace(&address_for_fragment(fragment))
            .ok();
    }
}

/// True when `element` has the keyboard focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .is_some_and(|active| &active == element)
}

/// The page's address, for "Copy link".
fn current_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// Sets the document's title (the browser tab's name).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// The published site's address, given when the app is built (`BSE_PUBLIC_URL`), so that the offline
/// edition's links and citations point where a colleague can open them.
const PUBLIC_SITE_URL: Option<&str> = option_env!("BSE_PUBLIC_URL");

/// True when this page is the offline edition (it carries its dataset inside), however it was opened.
pub fn is_offline_copy() -> bool {
    element_exists(crate::page::INLINE_DATASET_ELEMENT_ID)
}

/// The link to share for a view: this page's address, or in the offline edition the published site's
/// address when the build was given one (a `file://` path means nothing to a colleague).
pub fn shareable_link(fragment: &str) -> Option<String> {
    if !is_offline_copy() {
        return Some(address_for_fragment(fragment));
    }
    PUBLIC_SITE_URL
        .filter(|site| crate::data::is_safe_https_url(site))
        .map(|site| format!("{}#{fragment}", site.split('#').next().unwrap_or(site)))
}

thread_local! {
    /// Whether the page's style sheet ends with the print footer's rule, added by `set_print_footer`.
    static PRINT_FOOTER_ADDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sets the text at the foot of every printed page: an `@page` rule appended to the page's own style
/// sheet through the CSSOM (which the page's content security policy leaves open; an inline style
/// would not be), replacing the one set before. Each line is written as a CSS string, escaped.
pub fn set_print_footer(lines: &[String]) {
    let Some(sheet) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.style_sheets().get(0))
        .and_then(|sheet| sheet.dyn_into::<web_sys::CssStyleSheet>().ok())
    else {
        return;
    };
    let Ok(rules) = sheet.css_rules() else {
        return;
    };
    let mut n_rules = rules.length();
    // Nothing else changes the style sheet, so the rule added last time is still its last.
    if PRINT_FOOTER_ADDED.with(std::cell::Cell::get) && n_rules > 0 {
        sheet.delete_rule(n_rules - 1).ok();
        n_rules -= 1;
    }
    let content: Vec<String> = lines
        .iter()
        .map(|line| crate::text::css_string(line))
        .collect();
    let rule = format!(
        "@page {{ @bottom-left {{ content: {}; white-space: pre-wrap; }} }}",
        content.join(" \"\\A\" ")
    );
    let added = sheet.insert_rule_with_index(&rule, n_rules).is_ok();
    PRINT_FOOTER_ADDED.with(|flag| flag.set(added));
}

/// Today's date by the reader's clock, for "accessed" in citations.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Where and when a citation copied now is read.
pub fn citation_context(fragment: &str) -> crate::citation::CitationContext {
    crate::citation::CitationContext {
        view_link: shareable_link(fragment),
        read_offline: is_offline_copy(),
        accessed: today(),
    }
}

/// The address of the page showing the view with this fragment: this page's address with its
/// fragment replaced, whether or not the address bar has caught up with the view yet.
pub fn address_for_fragment(fragment: &str) -> String {
    let address = current_address();
    let without_fragment = address.split('#').next().unwrap_or_default();
    format!("{without_fragment}#{fragment}")
}

fn blob_from_text(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "could not create a download link")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not create a download link")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke after the click has been handled.
    let revoke = Closure::once_into_js(move || {
        web_sys::Url::revoke_object_url(&url).ok();
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000)
        .map_err(|_| "could not schedule clean-up")?;
    Ok(())
}

/// Offers text as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = blob_from_text(text, mime).ok_or("could not prepare the file")?;
    download_blob(&blob, file_name)
}

/// Offers bytes as a file download.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "could not prepare the file")?;
    download_blob(&blob, file_name)
}

/// A promise of the SVG drawn onto a white canvas at twice its size, as a PNG blob; it rejects when the
/// image cannot be drawn.
pub fn png_of_svg(svg: &str, width_px: u32, height_px: u32) -> Result<js_sys::Promise, String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let blob = blob_from_text(svg, "image/svg+xml").ok_or("could not prepare the image")?;
    let svg_url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not prepare the image")?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| "could not prepare the image")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "could not prepare the image")?
        .unchecked_into();
    let scale = 2;
    canvas.set_width(width_px * scale);
    canvas.set_height(height_px * scale);
    Ok(js_sys::Promise::new(
        &mut |resolve: js_sys::Function, reject: js_sys::Function| {
            let image_for_load = image.clone();
            let url_for_load = svg_url.clone();
            let canvas = canvas.clone();
            let on_load =
                Closure::once_into_js(move || {
                    let Some(context) = canvas.get_context("2d").ok().flatten().map(|context| {
                        context.unchecked_into::<web_sys::CanvasRenderingContext2d>()
                    }) else {
                        reject
                            .call1(&JsValue::NULL, &JsValue::from_str("no canvas"))
                            .ok();
                        return;
                    };
                    context.set_fill_style_str("#ffffff");
                    context.fill_rect(
                        0.0,
                        0.0,
                        f64::from(canvas.width()),
                        f64::from(canvas.height()),
                    );
                    context
                        .draw_image_with_html_image_element_and_dw_and_dh(
                            &image_for_load,
                            0.0,
                            0.0,
                            f64::from(canvas.width()),
                            f64::from(canvas.height()),
                        )
                        .ok();
                    web_sys::Url::revoke_object_url(&url_for_load).ok();
                    let on_blob = Closure::once_into_js(move |png: JsValue| {
                        resolve.call1(&JsValue::NULL, &png).ok();
                    });
                    canvas.to_blob(on_blob.unchecked_ref()).ok();
                });
            image.set_onload(Some(on_load.unchecked_ref()));
            image.set_src(&svg_url);
        },
    ))
}

/// Draws an SVG onto a white canvas at twice its size and offers it as a PNG download.
pub fn download_svg_as_png(
    file_name: &str,
    svg: &str,
    width_px: u32,
    height_px: u32,
) -> Result<(), String> {
    let png = png_of_svg(svg, width_px, height_px)?;
    let file_name = file_name.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(png) = wasm_bindgen_futures::JsFuture::from(png).await {
            if let Ok(png) = png.dyn_into::<web_sys::Blob>() {
                download_blob(&png, &file_name).ok();
            }
        }
    });
    Ok(())
}

/// Puts the PNG `png` promises on the clipboard. The clipboard is asked at once, with the image to
/// come, so the browser still counts the click; the result says whether it worked, or why the image
/// did not come (the reason `png` rejects with).
pub async fn copy_png(png: js_sys::Promise) -> Result<(), String> {
    let cannot =
        "this browser does not allow copying images here; use Download PNG instead".to_string();
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &JsValue::from_str("image/png"), &png)
        .map_err(|_| cannot.clone())?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map_err(|_| cannot.clone())?;
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    if wasm_bindgen_futures::JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
        .await
        .is_ok()
    {
        return Ok(());
    }
    match wasm_bindgen_futures::JsFuture::from(png).await {
        Err(reason) => Err(reason.as_string().unwrap_or(cannot)),
        Ok(_) => Err(cannot),
    }
}

/// Copies text to the clipboard; the result says whether it worked.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = navigator.clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| {
            "the browser did not allow copying; select the text and copy it instead".to_string()
        })
}

/// Whether this page is the embed page (`embed.html`), which shows one chart alone.
pub fn is_embed_page() -> bool {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .is_some_and(|path| path.ends_with(&format!("/{}", crate::page::EMBED_FILE_NAME)))
}

/// Draws the page light or dark whatever the reader's setting (`Some("light")`, `Some("dark")`), or
/// as the reader's setting (`None`): the style sheet reads the root's `data-colours`.
pub fn set_colour_scheme(colours: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    match colours {
        Some(colours) => root.set_attribute("data-colours", colours).ok(),
        None => root.remove_attribute("data-colours").ok(),
    };
}

/// Whether the browser offers its share sheet (the Web Share API: phones, some desktops).
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window.navigator(), &"share".into())
            .is_ok_and(|share| share.is_function())
    })
}

/// Why the share sheet gave nothing.
pub enum ShareFailure {
    /// The person closed it: nothing to say.
    Cancelled,
    /// The browser refused; the link is copied instead.
    Refused,
}

/// Opens the browser's share sheet with a title, a sentence and an address.
pub async fn share(title: &str, text: &str, url: &str) -> Result<(), ShareFailure> {
    let navigator = web_sys::window().ok_or(ShareFailure::Refused)?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|share| share.dyn_into::<js_sys::Function>().ok())
        .ok_or(ShareFailure::Refused)?;
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        js_sys::Reflect::set(&data, &key.into(), &value.into())
            .map_err(|_| ShareFailure::Refused)?;
    }
    let promise = share
        .call1(&navigator, &data)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or(ShareFailure::Refused)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|error| {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|name| name.as_string());
            if name.as_deref() == Some("AbortError") {
                ShareFailure::Cancelled
            } else {
                ShareFailure::Refused
            }
        })
}

/// Marks a moment for performance measurement (`performance.mark`).
pub fn mark_performance(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        performance.mark(name).ok();
    }
}

/// Registers the service worker on the hosted site, so it keeps working offline after the first visit.
///
/// Not on `file://` (browsers refuse it there), and never for the offline edition, wherever it is
/// opened from: it needs none, and served from a web server (an intranet, or the site's own download
/// link) its policy refuses the worker. When a new release's worker takes control of a page that
/// already had one, `on_new_release` is called, for the page to offer a reload.
pub fn register_service_worker(script_url: &str, on_new_release: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" || is_offline_copy() {
        return;
    }
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    // Whether a worker already controlled the page: the first worker taking control is not a release.
    let was_controlled = std::cell::Cell::new(container.controller().is_some());
    // A new release has taken over a page an older one served: the page says so and offers "Reload",
    // never reloading by itself (a person may have a file open, be typing, or have a dialog open).
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        if was_controlled.replace(true) {
            on_new_release();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_controller_change.forget();
    // A failed registration only means no offline copy; the page itself is unaffected.
    let _registration = container.register(script_url);
}

/// Lets benchmarks read the wasm linear memory size: `window.bseWasmMemoryBytes()`.
pub fn expose_memory_probe() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let probe = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|memory| {
                f64::from(
                    memory
                        .buffer()
                        .unchecked_into::<js_sys::ArrayBuffer>()
                        .byte_length(),
                )
            })
            .unwrap_or(0.0)
    });
    js_sys::Reflect::set(
        &window,
        &JsValue::from_str("bseWasmMemoryBytes"),
        probe.as_ref(),
    )
    .ok();
    // Lives as long as the page.
    probe.forget();
}

/// Resolves in a later task (a zero-delay timeout), so the browser can draw and handle input between
/// two pieces of work.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves once the browser has drawn a frame (a timeout queued from an animation frame runs after the
/// frame), or in the next task in a tab not shown, where no frame is drawn.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            resolve.call0(&JsValue::NULL).ok();
            return;
        };
        let resolve_in_next_task = {
            let window = window.clone();
            move || {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                    .ok();
            }
        };
        let shown = window.document().is_some_and(|document| !document.hidden());
        if !shown {
            resolve_in_next_task();
            return;
        }
        let after_frame = Closure::once_into_js(resolve_in_next_task);
        window
            .request_animation_frame(after_frame.unchecked_ref())
            .ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// The page's element with this id, if there is one.
pub fn element_by_id(element_id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(element_id)
}

/// Whether the page holds an element with this id.
pub fn element_exists(element_id: &str) -> bool {
    element_by_id(element_id).is_some()
}

/// Removes the element with this id, if there is one.
pub fn remove_element(element_id: &str) {
    if let Some(element) = element_by_id(element_id) {
        element.remove();
    }
}

/// What a failed download says: the browser gives a network failure only as "Failed to fetch", so it is
/// told in plain words.
pub const CONNECTION_FAILED: &str = "the connection failed or was interrupted. You may be offline, or the site may be unreachable for a moment; check your connection and try again.";

/// A file of this site (`path` relative to the page) by same-origin fetch, with failures in plain words;
/// `what` names the file in them ("the data").
pub async fn fetch_site_file(path: &str, what: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|_| CONNECTION_FAILED.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the site answered \"{} {}\" instead of {what}. Try again; if it goes on, the site may be being updated.",
            response.status(),
            response.status_text()
        ));
    }
    response
        .binary()
        .await
        .map_err(|_| CONNECTION_FAILED.to_string())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only among its unstable APIs).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type GzipDecompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<GzipDecompressor, wasm_bindgen::JsValue>;
}

/// The bytes an inline data block of the offline edition carries (gzip-compressed, in base64), restored
/// with the browser's own `atob` and `DecompressionStream`, as its loader restores the app's module;
/// `None` when they are damaged.
pub async fn inline_gzip_bytes(element: &web_sys::Element) -> Option<Vec<u8>> {
    let encoded = element.text_content()?;
    let decoded = web_sys::window()?.atob(encoded.trim()).ok()?;
    // `atob` gives one character per byte, each below 256.
    let compressed: Vec<u8> = decoded.chars().map(|byte| byte as u8).collect();
    gunzip(&compressed).await
}

async fn gunzip(compressed: &[u8]) -> Option<Vec<u8>> {
    let decompressor = GzipDecompressor::new("gzip").ok()?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(
        &js_sys::Uint8Array::from(compressed),
    ))
    .ok()?;
    let restored = blob
        .stream()
        .pipe_through(wasm_bindgen::JsCast::unchecked_ref(&decompressor));
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&restored)).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?)
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
