//! What a query needs from the network, and the model's answer: the
//! shards of its terms, then the chunks naming the documents shown, then
//! those articles' own files (cached, so opening one costs no request).

use crate::api::{self, LoadError, Store};
use folio_model::search::index::{Doc, Layout, CHUNK};
use folio_model::search::query::{self, Hit};
use folio_model::search::snippet::{article_hit, ArticleHit};
use folio_model::search::text::QueryWord;
use folio_model::search::Ask;
use folio_model::Article;
use futures::future::try_join_all;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// The shard files a query's terms are in.
fn shard_files(layout: &Layout, words: &[QueryWord]) -> BTreeSet<String> {
    words.iter().flat_map(|w| &w.terms).map(|t| layout.shard_file(layout.shard_of(t))).collect()
}

/// Whether the query can be answered without a request: its shards were
/// fetched for an earlier one.
pub fn at_hand(store: Store, words: &[QueryWord]) -> bool {
    store.cached(&api::search_layout()).is_some_and(|l| shard_files(&l, words).iter().all(|f| store.holds(f)))
}

/// The matching documents, best first.
pub async fn hits(store: Store, words: Vec<QueryWord>, ask: Ask) -> Result<Arc<Vec<Hit>>, LoadError> {
    let layout = store.load(api::search_layout()).await?;
    let files = shard_files(&layout, &words);
    let shards = try_join_all(files.into_iter().map(|f| async move {
        let shard = store.load(api::search_shard(f.clone())).await?;
        Ok::<_, LoadError>((f, shard))
    }))
    .await?;
    let shards: HashMap<String, _> = shards.into_iter().collect();
    let damaged = RefCell::new(None);
    let postings = |term: &str| {
        let file = layout.shard_file(layout.shard_of(term));
        match shards.get(&file).map(|s| s.postings(term)) {
            Some(Ok(p)) => p,
            Some(Err(e)) => {
                damaged.replace(Some((file, e.0)));
                Vec::new()
            }
            None => Vec::new(),
        }
    };
    let hits = query::run(&words, &postings, &ask.filter(&layout));
    if let Some((file, why)) = damaged.into_inner() {
        return Err(store.damaged_search_file(&file, why));
    }
    Ok(Arc::new(hits))
}

/// A result as its chunk lists it, with the hit it stands for.
#[derive(Clone)]
pub struct Listed {
    pub doc: Doc,
    pub hit: Hit,
}

/// The documents `hits` are, in their order, from their chunks: what a
/// result shows at once (headline or title, section, date).
pub async fn listed(store: Store, hits: &[Hit]) -> Result<Vec<Listed>, LoadError> {
    let files: BTreeSet<String> = hits.iter().map(|h| Layout::chunk_file(h.doc)).collect();
    let chunks: HashMap<String, Arc<Vec<Doc>>> = try_join_all(files.into_iter().map(|f| async move {
        let docs = store.load(api::search_docs(f.clone())).await?;
        Ok::<_, LoadError>((f, docs))
    }))
    .await?
    .into_iter()
    .collect();
    let doc = |h: &Hit| chunks.get(&Layout::chunk_file(h.doc)).and_then(|c| c.get((h.doc % CHUNK) as usize)).cloned();
    Ok(hits.iter().filter_map(|h| Some(Listed { doc: doc(h)?, hit: h.clone() })).collect())
}

/// What an article's result quotes, once its file is here: where it opens
/// and the snippet; `None` when the text does not bear the query out (a
/// Han word whose pairs met but not as the word) or the article is gone
/// since the index was built. By slug.
pub type Quotes = HashMap<String, Option<(Arc<Article>, ArticleHit)>>;

/// The quotes of the listed articles, their files fetched together.
pub async fn quotes(store: Store, listed: &[Listed], words: &[QueryWord]) -> Result<Quotes, LoadError> {
    let articles = try_join_all(listed.iter().filter_map(|l| match &l.doc {
        Doc::Article(story) => Some(async move {
            match store.load(api::article(&story.slug)).await {
                Ok(a) => Ok((story.slug.clone(), article_hit(&a, &l.hit, words).map(|h| (a, h)))),
                Err(LoadError::NotFound { .. }) => Ok((story.slug.clone(), None)),
                Err(e) => Err(e),
            }
        }),
        Doc::Event(_) => None,
    }))
    .await?;
    Ok(articles.into_iter().collect())
}
