//! Serving: the runtime and thread the server runs on, its routes and headers, and the join URLs phones can reach.

use super::{control, routes, App};
use axum::http::{header, HeaderValue};
use std::net::{IpAddr, SocketAddr};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::watch;

/// Serves on its own runtime and thread, until `signal` turns true.
pub fn serve(
    listener: std::net::TcpListener,
    app: App,
    mut signal: watch::Receiver<bool>,
) -> std::io::Result<JoinHandle<()>> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    let router = routes::router()
        .merge(control::router())
        .layer(axum::middleware::map_response(|mut response: axum::response::Response| async move {
            let h = response.headers_mut();
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            response
        }))
        .with_state(app);
    std::thread::Builder::new().name("workshop-server".into()).spawn(move || {
        runtime.block_on(async move {
            let mut grace = signal.clone();
            let server = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async move {
                    let _ = signal.wait_for(|stop| *stop).await;
                });
            // A request still hanging five seconds after the stop does not hold the stop up.
            let deadline = async move {
                let _ = grace.wait_for(|stop| *stop).await;
                tokio::time::sleep(Duration::from_secs(5)).await;
            };
            tokio::select! {
                _ = server => {}
                _ = deadline => {}
            }
        });
        runtime.shutdown_timeout(Duration::from_secs(1));
    })
}

/// Join URLs, the one for the QR code first.
pub fn join_urls(local: SocketAddr, url_host: Option<&str>, code: &str) -> Vec<String> {
    let url = |host: &str| format!("http://{host}:{}/#{code}", local.port());
    let ip_host = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    if let Some(host) = url_host {
        return vec![url(host)];
    }
    if !local.ip().is_unspecified() {
        return vec![url(&ip_host(local.ip()))];
    }
    // Listening on every address: the phones need one of this machine's network addresses.
    // Wi-Fi and Ethernet first; container bridges and VPN tunnels last, since phones are not on them.
    let virtual_names =
        ["docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "utun", "tun", "tap", "tailscale", "zt", "wg"];
    let mut ips: Vec<(bool, bool, IpAddr)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| {
            !matches!(i.oper_status, if_addrs::IfOperStatus::Down | if_addrs::IfOperStatus::NotPresent) && !i.is_p2p()
        })
        .map(|i| (virtual_names.iter().any(|v| i.name.starts_with(v)), !i.ip().is_ipv4(), i.ip()))
        .filter(|(_, _, ip)| !ip.is_loopback() && (ip.is_ipv4() || local.is_ipv6()))
        .filter(|(_, _, ip)| !matches!(ip, IpAddr::V6(v6) if v6.is_unicast_link_local()))
        .collect();
    ips.sort();
    ips.dedup();
    let mut ips: Vec<IpAddr> = ips.into_iter().map(|(_, _, ip)| ip).collect();
    if ips.is_empty() {
        ips.push(IpAddr::from([127, 0, 0, 1]));
    }
    ips.into_iter().map(|ip| url(&ip_host(ip))).collect()
}
