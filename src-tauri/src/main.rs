//! Trellis Studio's executable: `trellis-studio FILE.trellis` opens the studio on that engagement.

// No console window alongside the app in Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    trellis_studio_lib::run()
}
