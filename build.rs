//! Build script: the app's wasm keeps its relocations, which the release build needs to split it into the first module and the views' parts (`xtask/src/dist/split.rs`).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=border-security-explorer=--emit-relocs");
    }
}
