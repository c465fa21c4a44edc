//! Entry point of the browser app: mounts the shell; nothing else.

// A host build with the build machine's HTML renderer on (the workspace's tests turn on `prerender` for
// xtask) nests the whole app's view types deeper than the default limit allows; the browser build
// erases them (`.cargo/config.toml`).
#![recursion_limit = "256"]

fn main() {
    console_error_panic_hook::set_once();
    border_security_explorer::ui::mount_after_first_paint();
}
