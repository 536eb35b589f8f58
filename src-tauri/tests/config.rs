//! The security settings in tauri.conf.json and the capabilities: a strict Content-Security-Policy
//! and only the permissions the web view uses. (The end-to-end test checks the policy holds in the
//! real window: an injected inline script does not run.)

use serde_json::Value;
use std::path::Path;

fn json(path: &str) -> Value {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn the_content_security_policy_lets_in_only_the_app_itself() {
    let conf = json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP is set");
    for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap();
        for source in words {
            let allowed = matches!(source, "'self'" | "ipc:" | "http://ipc.localhost")
                || (name == "img-src" && source == "data:");
            assert!(allowed, "{name} allows {source}: only the app itself, its IPC and data: images may load");
        }
    }
    for needed in ["default-src", "script-src", "style-src"] {
        assert!(csp.contains(needed), "the CSP sets {needed}: {csp}");
    }
    assert_eq!(conf["app"]["security"]["dangerousDisableAssetCspModification"], Value::Null);
}

#[test]
fn the_web_view_may_only_listen_to_the_shells_events() {
    let caps = json("capabilities/default.json");
    assert_eq!(caps["permissions"], serde_json::json!(["core:event:allow-listen", "core:event:allow-unlisten"]));
    assert_eq!(caps["windows"], serde_json::json!(["main"]));
    assert_eq!(caps["remote"], Value::Null, "no remote URL gets any permission");
}
