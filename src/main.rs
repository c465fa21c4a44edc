//! Entry point of the browser app: mounts the shell; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(border_security_explorer::ui::App);
}
