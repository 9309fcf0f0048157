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
// weighted length. The frequency of a term is that of its fold: every
// variant ("hòa", "hóa", "hoa") counts. The BM25 term-frequency factor is
// quantized at build time to an impact 1..16 per posting (see Postings
// below for the coarser levels of frequent terms), and a posting of a word
// (or pair) that is in the document's title adds the title boost (the
// manifest "p" object's "title", 16) to it: BM25 saturates quickly, so
// without the boost a body that repeats a common word would tie a title
// holding it. The inverse document frequency
// ln(1 + (N − df + 0.5)/(df + 0.5)) is computed at query time and rounded
// to hundredths, so scores are integers and the Go and JavaScript rankings
// are identical. A query term t scores, per document, the best of
// idf × impact × w over the lines it matches, with w (the manifest "p"
// object) = 6 when t is typed with accents and the document holds that
// exact variant, 3 for t's fold otherwise, and, for the last term while it
// is being typed (the query does not end with a separator and t has ≥ 3
// letters, "pmin"), 2 for the line of t's completions, the words t begins
// taken together as one word (document frequency of any of them, impact
// 16, no title boost). Each query pair found adds idf × impact × 3; the
// pair ending with a last term being typed matches every pair it begins
// in its pair shard, the best one counting. A last word of one letter
// (not a digit) being typed is no term yet. Every term is required; when
// no document passing the filters has all, documents with any term are
// listed, those with more terms first ([Result.Partial]). Ties go to the
// lower document number. A query without words lists the documents passing
// the filters, newest first. Facet counts are disjunctive: the count of a
// value of facet F is over the documents matching the query and every
// filter but F's (see [Counts]).
//
// While a query is being typed, the client searches from the third letter
// of a word on (pmin): a shorter last word that nothing follows yet is left
// out, so "hoà gi" shows the results of "hoà". A query loaded from the URL
// or submitted is searched whole.
//
// # Files
//
// All files live in tim-kiem/_i/ (see [Dir]); HASH is a fingerprint of all
// data files, so every name changes when any content does and all can be
// cached forever, except latest.json which names the manifest. Sizes below
// are before gzip; shards are small so that a query downloads little else
// than the lines it needs.
//
//   - m.MHASH.json, the manifest: {"v":4, "n": documents, "h": HASH,
//     "u": separator of each term shard, "b": separator of each pair
//     shard, "k": number of variant shards, "g": documents per record
//     shard, "p": ranking parameters, "x": facet → [[slug, name], ...]}.
//     A shard's separator is the shortest beginning of its first term that
//     sorts after the last term of the shard before ("" for the first); a
//     term is in the last shard whose separator is ≤ it.
//   - u{i}.HASH.txt, term shards of about 2 KB: lines sorted in UTF-16
//     order (JavaScript's <). A fold's line is "fold TAB df TAB keys TAB
//     postings": keys are its variants (vi.Key forms, sorted, the fold
//     itself written as "") joined by spaces, the postings those of the
//     fold. For every prefix p of 3 (pmin) or more code points of a longer
//     fold, "p* TAB df TAB TAB documents" (a presence list, below) lists
//     the documents holding a word p begins (p excluded); when p begins a
//     single fold c, the line is "p* TAB >c" instead. '*' sorts below
//     every character of a fold, so "p*" comes right after p.
//   - k{i}.HASH.txt, variant shards of about 1 KB: for each variant with
//     marks of a fold that has more than one, "key TAB positions": which
//     of the fold's postings hold this variant, as a presence list among
//     df. A key is in shard FNV-1a-32(its UTF-16 code units) mod "k". Only
//     a term typed with accents reads it; a fold whose only variant is
//     the key needs none.
//   - b{i}.HASH.txt, pair shards of about 4 KB: lines "fold1 fold2 TAB df
//     TAB TAB postings", sorted and cut the same way.
//   - Postings, with q impact levels (q depends on df only: 16 when
//     df ≤ N/32, 4 when df ≤ N/8, 2 when df ≤ N/2, else 1): when q > 1, for
//     each document, in increasing order, one number (gap − 1)·2q + t·q + l,
//     gap counted from −1, t = 1 when the word is in the title and l the
//     impact level 0..q−1, read back as impact (l+1)·16/q plus the title
//     boost when t = 1. When q = 1 (the word is in more than half of the
//     documents) the list is "!" + the documents without the word + "!" +
//     the documents with it in the title, each a document list; every
//     listed document has impact 16.
//   - A document list is, in increasing order, gap − 1 for each document
//     (gap counted from −1); a presence list among n is a document list,
//     or "!" and the list of the others when it holds more than half of
//     them. Numbers are written five bits per character of
//     0-9A-Za-z-_, low bits first, characters from the upper half of the
//     alphabet meaning "more follows".
//   - d{i}.HASH.json, the records of documents g·i to g·i+g−1 (g = "g",
//     2: few files, and a hit costs little more than its own record):
//     [[url, title, date, snippet source], ...], fetched for displayed
//     hits only. The snippet source is the summary, or else the first 240
//     characters of the body. Titles and snippet sources are written with
//     the word dictionary of the facet file: U+E000 + i stands for its
//     word i, and U+F8FF precedes a character of U+E000 to U+F8FF of the
//     text itself. A record is too short for gzip to find the words it
//     repeats from other records; the dictionary (at most 1,024 words of
//     four bytes or more used four times or more, chosen by bytes saved)
//     makes a record file about a quarter smaller.
//   - f.HASH.json, facets: run-length encoded columns of section,
//     province, kind and field set per document, and "w", the word
//     dictionary of records; documents are numbered in facet order
//     (section, kind, field set, province), so the columns are short.
//   - r.HASH.txt, each document's date rank (0 for none), read only when
//     browsing by filters without a query.
package search
