// Package search is lantoa's site search: an index built with the site and
// split into small static files, a dependency-free JavaScript client that
// downloads only the files a query needs, and a Go [Searcher] that ranks
// exactly like the client.
//
// # Text
//
// Text is cut into words: maximal runs of letters, combining marks and
// decimal digits of its NFC form (JavaScript /[\p{L}\p{M}\p{Nd}]+/u); case
// and punctuation are ignored, digits kept. A word is indexed in two forms:
// its key, vi.Key (NFC, lower case, canonical tone placement: "hoà" and
// "hòa" are the same word), and its fold, vi.Fold of the key (no marks,
// đ → d). Matching is by fold; the key decides the accent boost. The
// client applies the same rules with the tone table of vi.ToneTable
// embedded by [ClientJS]. Each pair of adjacent words within a field is
// indexed too, by fold ("an ninh"), so phrases rank above scattered words.
//
// # Ranking
//
// Documents are scored with BM25F: the weighted term frequency counts a
// word 5 times in the title, 2 times in the summary, kind, province,
// fields and section name, once in the body; k1 = 1.2, b = 0.75 over the
// weighted length. The BM25 term-frequency factor is quantized at build
// time to an impact 1..16 per posting (see Postings below for the coarser
// levels of frequent terms), and a posting of a word (or pair) that is in
// the document's title adds the title boost (the manifest "p" object's
// "title", 16) to it: BM25 saturates quickly, so without the boost a body
// that repeats a common word would tie a title holding it, and a title
// match now outranks a match elsewhere alone whatever the word's document
// frequency. The inverse document frequency
// ln(1 + (N − df + 0.5)/(df + 0.5)) is computed at query time and rounded
// to hundredths, so scores are integers and the Go and JavaScript rankings
// are identical. A query term t scores, per document, the best of
// idf × impact × w over the words it matches, with w (the manifest "p"
// object) = 6 for the exact key when t is typed with accents, 3 for any
// other word with t's fold, and for the last term while it is being typed
// (the query does not end with a separator and t has ≥ 2 letters) 3 or 2
// for completions keeping or not keeping the typed accents (at most 24
// completions, the most frequent, from at most 3 term shards). Each query
// pair found adds idf × impact × 3. Every term is required; when no
// document passing the filters has all, documents with any term are
// listed, those with more terms first ([Result.Partial]). Ties go to the
// lower document number. A query without words lists the documents passing
// the filters, newest first. Facet counts are disjunctive: the count of a
// value of facet F is over the documents matching the query and every
// filter but F's (see [Counts]).
//
// # Files
//
// All files live in tim-kiem/_i/ (see [Dir]); HASH is a fingerprint of all
// data files, so every name changes when any content does and all can be
// cached forever, except latest.json which names the manifest.
//
//   - m.MHASH.json, the manifest: {"v":2, "n": documents, "h": HASH,
//     "u": first fold of each term shard, "b": first pair of each pair shard,
//     "g": documents per record shard, "p": ranking parameters,
//     "x": facet → [[slug, name], ...]}.
//   - u{i}.HASH.txt, term shards: lines "fold TAB df (TAB key TAB
//     postings)..." sorted by fold in UTF-16 order (JavaScript's <) and
//     cut into shards of about 8 KB; shard i holds the folds from u[i] up
//     to u[i+1]. A key equal to its fold is written empty.
//   - b{i}.HASH.txt, pair shards: lines "fold1 fold2 TAB df TAB TAB
//     postings", sorted and cut the same way, found through the manifest's
//     "b" list of first pairs.
//   - Postings: for each document, in increasing order, one number
//     (gap − 1)·2q + t·q + l, gap counted from −1, t = 1 when the word
//     is in the title and l the impact level 0..q−1, written five bits per
//     character of 0-9A-Za-z-_, low bits first, characters from the upper
//     half of the alphabet meaning "more follows". The number of impact
//     levels q depends on df only: 16 when df ≤ N/32, 4 when df ≤ N/8, 2
//     when df ≤ N/2, else 1; level l reads back as impact (l+1)·16/q, plus
//     the title boost when t = 1. Frequent terms, whose idf is small
//     anyway, so cost about a character per document and gzip to a few KB.
//   - d{i}.HASH.json, records of documents 4i..4i+3: [url, title, date,
//     snippet source] arrays, fetched for displayed hits only. The snippet
//     source is the summary, or else the first 240 characters of the body.
//   - f.HASH.json, facets: run-length encoded columns of section,
//     province, kind and field set per document; documents are numbered
//     in facet order, so the columns are short.
//   - r.HASH.txt, each document's date rank (0 for none), read only when
//     browsing by filters without a query.
package search
