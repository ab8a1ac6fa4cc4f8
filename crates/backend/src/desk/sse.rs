//! A location's queue news as Server-Sent Events: `event: queue` with the news as JSON. The
//! first event sets the browser's reconnect delay to 1 s; a comment every 15 s keeps proxies
//! from closing an idle stream. A listener that fell behind gets `{"action":"reload"}`.

use std::convert::Infallible;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use futures_util::stream::{self, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use crate::queue::live::{Live, QueueNews};

pub fn stream(
    live: &Live,
    location_id: &str,
) -> Sse<impl Stream<Item = Result<Event, Infallible>> + Send + 'static> {
    let rx = live.subscribe(location_id);
    let stopped = Box::pin(live.stopped());
    let hello = stream::once(async {
        Ok::<_, Infallible>(
            Event::default()
                .retry(Duration::from_secs(1))
                .event("hello")
                .data("{}"),
        )
    });
    let news = stream::unfold(rx, |mut rx| async move {
        let news = match rx.recv().await {
            Ok(news) => news,
            Err(RecvError::Lagged(_)) => QueueNews::quiet("reload", ""),
            Err(RecvError::Closed) => return None,
        };
        let event = Event::default()
            .event("queue")
            .json_data(&news)
            .unwrap_or_else(|_| {
                Event::default()
                    .event("queue")
                    .data("{\"action\":\"reload\"}")
            });
        Some((Ok(event), rx))
    });
    Sse::new(hello.chain(news).take_until(stopped)).keep_alive(
        KeepAlive::new()
            .interval(Duration::from_secs(15))
            .text("keep-alive"),
    )
}
