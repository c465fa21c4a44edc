//! The link preview: the app's own preview SVG (the key chart with the headline figure, the data's date and the source) rasterised to a 1,200 × 630 PNG with resvg, and the Open Graph and Twitter card tags that point to it.

use border_security_explorer::view_model::LinkPreview;

/// The preview image's file name beside `index.html`.
pub const PREVIEW_FILE_NAME: &str = "preview.png";

/// The PNG is drawn at twice the SVG's size (600 × 315 to 1,200 × 630).
const PREVIEW_SCALE: f32 = 2.0;

/// Font families tried, in order, for the SVG's `sans-serif`: what Debian and most Linux machines have.
const SANS_SERIF_FAMILIES: [&str; 4] = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial"];

/// Whether the machine has any font resvg can draw text with.
pub fn has_system_fonts() -> bool {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    !fonts.is_empty()
}

/// The preview SVG as a PNG at twice its size, its text drawn with the machine's fonts.
pub fn preview_png(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    if fonts.is_empty() {
        return Err("no fonts found to draw the link preview's text (on Debian: apt-get install fonts-dejavu-core)".to_string());
    }
    if let Some(family) = SANS_SERIF_FAMILIES.iter().find(|family| {
        fonts
            .faces()
            .any(|face| face.families.iter().any(|(name, _)| name == *family))
    }) {
        fonts.set_sans_serif_family(*family);
    }
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|error| format!("reading the link preview's SVG: {error}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(PREVIEW_SCALE)
        .ok_or("the link preview has no size")?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the link preview is too large to draw")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(PREVIEW_SCALE, PREVIEW_SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| format!("writing the link preview as PNG: {error}"))
}

/// The site's published address from `BSE_PUBLIC_URL`, if it is a plain `https` address, ending in `/`.
pub fn public_site_url() -> Option<String> {
    let url = std::env::var("BSE_PUBLIC_URL").ok()?;
    let url = url.split('#').next().unwrap_or_default().to_string();
    border_security_explorer::data::is_safe_https_url(&url).then(|| {
        if url.ends_with('/') {
            url
        } else {
            format!("{url}/")
        }
    })
}

/// The Open Graph and Twitter card tags for the page: its title, the latest answer, and the preview
/// image with its size and words. Absolute addresses where the site's address is known (crawlers
/// need them); without it, the image is given relative to the page.
pub fn preview_tags(preview: &LinkPreview, site_url: Option<&str>) -> String {
    let attribute = |text: &str| html_escape::encode_double_quoted_attribute(text).into_owned();
    let image_url = format!("{}{PREVIEW_FILE_NAME}", site_url.unwrap_or(""));
    let (width_px, height_px) = (
        (preview.image.width_px as f32 * PREVIEW_SCALE) as u32,
        (preview.image.height_px as f32 * PREVIEW_SCALE) as u32,
    );
    let mut tags = vec![
        ("property", "og:type", "website".to_string()),
        ("property", "og:site_name", preview.title.clone()),
        ("property", "og:title", preview.title.clone()),
        ("property", "og:description", preview.description.clone()),
        ("property", "og:image", image_url.clone()),
        ("property", "og:image:type", "image/png".to_string()),
        ("property", "og:image:width", width_px.to_string()),
        ("property", "og:image:height", height_px.to_string()),
        ("property", "og:image:alt", preview.image_alt.clone()),
        ("property", "og:locale", "en_GB".to_string()),
        ("name", "twitter:card", "summary_large_image".to_string()),
        ("name", "twitter:title", preview.title.clone()),
        ("name", "twitter:description", preview.description.clone()),
        ("name", "twitter:image", image_url),
        ("name", "twitter:image:alt", preview.image_alt.clone()),
    ];
    if let Some(site_url) = site_url {
        tags.insert(1, ("property", "og:url", site_url.to_string()));
    }
    tags.into_iter()
        .map(|(kind, name, content)| {
            format!(
                "<meta {kind}=\"{name}\" content=\"{}\">",
                attribute(&content)
            )
        })
        .collect()
}

/// The page with the preview's tags at the end of its `<head>`.
pub fn add_preview_tags(html: &str, tags: &str) -> Result<String, String> {
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![lol_html::element!("head", |head| {
                head.append(tags, lol_html::html_content::ContentType::Html);
                Ok(())
            })],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the link preview's tags to dist/index.html: {error}"))
}
