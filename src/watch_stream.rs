//! A `tokio::sync::watch` channel as an iced subscription: every value the channel holds, from the
//! current one on, until its sender is gone. The printer watch and the connection state use it.

use std::hash::Hash;

use iced::Subscription;
use iced::futures::SinkExt;
use tokio::sync::watch;

/// `key` names the channel for iced (one subscription per key).
pub fn subscription<K, T>(key: K, receiver: watch::Receiver<T>) -> Subscription<T>
where
    K: Hash + 'static,
    T: Clone + Send + Sync + 'static,
{
    Subscription::run_with(Keyed { key, receiver }, |keyed| {
        let mut receiver = keyed.receiver.clone();
        iced::stream::channel(4, async move |mut output| {
            loop {
                let now = receiver.borrow_and_update().clone();
                if output.send(now).await.is_err() || receiver.changed().await.is_err() {
                    break;
                }
            }
        })
    })
}

struct Keyed<K, T> {
    key: K,
    receiver: watch::Receiver<T>,
}

impl<K: Hash, T> Hash for Keyed<K, T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}
