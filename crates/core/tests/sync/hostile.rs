//! A backend that answers too much: something posing as the backend (or a broken proxy) cannot
//! make the kiosk read an answer of any size. A small HTTP server on loopback plays it, since the
//! reference backend never answers like this.

use std::time::Duration;

use kiosk_core::sync::{Client, Fetched, MAX_BODY_BYTES, SyncError, bounds};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves one request with a JSON body of `size` bytes, declared (`Content-Length`) or not
/// (chunked), and returns its address.
async fn oversized_answer(size: usize, declared: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head = if declared {
            format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {size}\r\n\r\n"
            )
        } else {
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
                .to_owned()
        };
        if socket.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let piece = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent < size {
            let n = piece.len().min(size - sent);
            let written = if declared {
                socket.write_all(&piece[..n]).await
            } else {
                let chunk = [format!("{n:x}\r\n").as_bytes(), &piece[..n], b"\r\n"].concat();
                socket.write_all(&chunk).await
            };
            // The kiosk hangs up once it has had enough.
            if written.is_err() {
                return;
            }
            sent += n;
        }
        let _ = socket.write_all(b"0\r\n\r\n").await;
    });
    format!("http://{addr}")
}

/// A kiosk's client of the backend at `base`, enrolled.
fn client_at(base: &str) -> Client {
    Client::with_timeouts(base, Duration::from_secs(5), Duration::from_secs(30))
        .unwrap()
        .with_token("kt_test")
}

#[tokio::test]
async fn an_answer_larger_than_the_cap_is_refused_declared_or_not() {
    for declared in [true, false] {
        let base = oversized_answer(MAX_BODY_BYTES + 1, declared).await;
        let client = client_at(&base);
        let error = client.catalogue(None).await.unwrap_err();
        assert!(
            matches!(&error, SyncError::Unexpected { detail, .. } if detail.contains("larger than")),
            "declared {declared}: {error}"
        );
    }
}

/// Serves one request with `body` as JSON and returns its address.
async fn answer_with(body: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let _ = socket.write_all(head.as_bytes()).await;
        let _ = socket.write_all(body.as_bytes()).await;
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn catalogue_numbers_are_bounded_before_use() {
    // The reference backend's catalogue, with one product's numbers made absurd.
    let mut env = crate::common::Env::start().await;
    let real = env.enrol().await;
    let Fetched::Modified { value, .. } = real.catalogue(None).await.unwrap() else {
        panic!("a first fetch is never 'not modified'");
    };
    let mut catalogue = serde_json::to_value(value).unwrap();
    let product = &mut catalogue["products"][0];
    product["max_persons"] = u32::MAX.into();
    product["duration_min"] = 0.into();
    product["extra_duration_per_person_min"] = u32::MAX.into();
    product["arrival_window"]["before_min"] = u32::MAX.into();
    let id = product["id"].as_str().unwrap().to_owned();

    let base = answer_with(catalogue.to_string()).await;
    let client = client_at(&base);
    let Fetched::Modified { value, .. } = client.catalogue(None).await.unwrap() else {
        panic!("a first fetch is never 'not modified'");
    };
    let product = value.products.iter().find(|p| p.id == id).unwrap();
    assert_eq!(product.max_persons, bounds::MAX_PERSONS);
    assert_eq!(product.duration_min, 1);
    assert_eq!(
        product.extra_duration_per_person_min,
        bounds::MAX_DURATION_MIN
    );
    assert_eq!(product.arrival_window.before_min, bounds::MAX_WINDOW_MIN);
    // The longest appointment stays countable.
    assert!(product.duration_for(product.max_persons) <= 20 * 8 * 60 + 1);
}

/// The cap is the most read, not one byte less: an answer of exactly that size is read whole
/// (and then judged as JSON), declared or not.
#[tokio::test]
async fn an_answer_of_exactly_the_cap_is_read() {
    for declared in [true, false] {
        let base = oversized_answer(MAX_BODY_BYTES, declared).await;
        let client = client_at(&base);
        let error = client.catalogue(None).await.unwrap_err();
        // Spaces only: read to the end, then not JSON.
        assert!(
            matches!(&error, SyncError::Unexpected { detail, .. } if detail.contains("unreadable JSON")),
            "declared {declared}: {error}"
        );
    }
}
