//! The memory floor of a WebKitGTK window: a bare web view showing one heading, with no Tauri and
//! no Trellis. `cargo xtask bench-studio` measures it beside the studio, so the studio's idle
//! figure can be read as "what WebKitGTK costs on this machine" plus "what Trellis adds".

#[cfg(target_os = "linux")]
fn main() {
    use gtk::prelude::*;
    use webkit2gtk::WebViewExt;

    gtk::init().expect("GTK starts (is DISPLAY set?)");
    let window = gtk::Window::new(gtk::WindowType::Toplevel);
    window.set_title("WebKitGTK floor");
    window.set_default_size(1280, 800);
    let view = webkit2gtk::WebView::new();
    view.load_html("<!doctype html><title>floor</title><h1>Hello</h1><p>A bare web view.</p>", None);
    window.add(&view);
    window.connect_destroy(|_| gtk::main_quit());
    window.show_all();
    gtk::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("webkit_floor measures WebKitGTK, which the studio uses on Linux only");
}
