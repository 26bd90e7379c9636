// The folding table of `data/curated/fold.tsv` and the joined articles of
// `data/curated/joined_articles.txt`, compiled by `build.rs` into a `match`
// (as fast as a hand-written one: folding runs on every character).
//
// Why a module of its own: `fold.rs` is also `include!`d by `build.rs`, which
// cannot include what it generates; there, a `fold_table` of its own reads
// the same files.

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));
