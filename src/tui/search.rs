//! Filtering off the UI thread: for large corpora the reader sends each
//! query to a worker and keeps taking keystrokes; the worker answers the
//! newest query only, and results older than the query shown are dropped.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::app::{Indexes, Scope};
use super::filter::{Hit, parse};

/// Corpora with more passages than this filter in the background.
pub const BACKGROUND_FROM_PASSAGES: usize = 20_000;

#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub generation: u64,
    pub scope: Scope,
    pub query: String,
    /// Sorted items of the previous results, when the query only grew.
    pub within: Option<Vec<usize>>,
}

#[derive(Debug)]
pub struct SearchReply {
    pub generation: u64,
    pub query: String,
    pub hits: Vec<Hit>,
}

/// Runs one search.
pub fn search(indexes: &Indexes, request: &SearchRequest) -> Vec<Hit> {
    let terms = parse(&request.query);
    if terms.is_empty() {
        return Vec::new();
    }
    let index = match request.scope {
        Scope::Sources => &indexes.sources,
        Scope::Passages => &indexes.passages,
        Scope::Claims => &indexes.claims,
    };
    index.search(&terms, request.within.as_deref())
}

/// Starts the worker; it stops when the request sender is dropped.
pub fn spawn(indexes: Arc<Indexes>) -> (Sender<SearchRequest>, Receiver<SearchReply>) {
    let (request_tx, request_rx) = channel::<SearchRequest>();
    let (reply_tx, reply_rx) = channel::<SearchReply>();
    std::thread::spawn(move || {
        while let Ok(mut request) = request_rx.recv() {
            // Only the newest query matters: skip those typed over.
            while let Ok(newer) = request_rx.try_recv() {
                request = newer;
            }
            let hits = search(&indexes, &request);
            let reply = SearchReply {
                generation: request.generation,
                query: request.query,
                hits,
            };
            if reply_tx.send(reply).is_err() {
                break;
            }
        }
    });
    (request_tx, reply_rx)
}
