package search

import (
	"encoding/binary"
	"slices"
)

// postings holds the postings lists of one worker's terms while documents
// are scanned: per term, its documents in increasing order, each as two
// LEB128 numbers, the gap to the previous document (the first counted
// from −1) and wtf<<1 | t, where wtf is the weighted term frequency and t
// is 1 when the term is in the title. That is about two bytes a posting.
//
// A list is a chain of blocks in pages of an arena, so lists grow without
// being copied: the first block has minBlock bytes, each next one twice
// the previous up to maxBlock, and the last 4 bytes of a block hold the
// arena offset of the next. A posting is written whole in a block: when
// fewer than maxPosting bytes are left before the link, the list moves on
// to a new block. Readers follow the same rule.
//
// Postings are first collected in document order in a batch, then sorted
// by term and appended to the lists a term at a time, which touches each
// list's tail once per batch rather than once per posting.
type postings struct {
	pages [][]byte
	used  uint32 // bytes used in the last page
	lists []postingChain

	batch   []posting // in document order
	sorted  []posting // batch sorted by term
	start   []int32   // per term: its postings in the batch, then its place in sorted
	touched []int32   // terms in the batch
}

// A posting in a batch.
type posting struct {
	term, doc int32
	acc       uint32 // wtf | inTitle
}

// batchSize is the number of postings collected before they are sorted.
const batchSize = 1 << 16

// A postingChain is one term's list in a postings arena.
type postingChain struct {
	head  uint32 // arena offset of the first block
	at    uint32 // where the next posting goes
	end   uint32 // offset of the link of the current block; 0 before the first
	last  int32  // last document, −1 for none
	count int32  // postings
	level uint8  // size of the current block: minBlock << level
}

const (
	pageBits   = 20 // pages of 1 MB
	minBlock   = 16
	maxLevel   = 6 // blocks of at most 1 KB
	maxPosting = 10
	linkSize   = 4
)

// newTerm adds an empty list.
func (p *postings) newTerm() {
	p.lists = append(p.lists, postingChain{last: -1})
	p.start = append(p.start, 0)
}

// block allocates size bytes in the arena.
func (p *postings) block(size uint32) uint32 {
	if len(p.pages) == 0 || p.used+size > 1<<pageBits {
		p.pages = append(p.pages, make([]byte, 1<<pageBits))
		p.used = 0
	}
	off := uint32(len(p.pages)-1)<<pageBits | p.used
	p.used += size
	return off
}

func (p *postings) bytes(off uint32) []byte {
	return p.pages[off>>pageBits][off&(1<<pageBits-1):]
}

// add adds document doc with accumulator acc (wtf | inTitle) to the list
// of term id. Documents must come in increasing order.
func (p *postings) add(id, doc int32, acc uint32) {
	p.batch = append(p.batch, posting{id, doc, acc})
	if len(p.batch) == batchSize {
		p.flush()
	}
}

// flush appends the batch to the lists.
func (p *postings) flush() {
	// A counting sort by term, stable so each term keeps document order.
	for _, e := range p.batch {
		if p.start[e.term] == 0 {
			p.touched = append(p.touched, e.term)
		}
		p.start[e.term]++
	}
	n := int32(0)
	for _, t := range p.touched {
		n, p.start[t] = n+p.start[t], n
	}
	p.sorted = slices.Grow(p.sorted[:0], len(p.batch))[:len(p.batch)]
	for _, e := range p.batch {
		p.sorted[p.start[e.term]] = e
		p.start[e.term]++
	}
	at := 0
	for _, t := range p.touched {
		end := int(p.start[t])
		p.append(t, p.sorted[at:end])
		p.start[t] = 0
		at = end
	}
	p.batch, p.touched = p.batch[:0], p.touched[:0]
}

// append appends postings of term id to its list.
func (p *postings) append(id int32, ps []posting) {
	l := &p.lists[id]
	for _, e := range ps {
		if l.end-l.at < maxPosting {
			if l.end == 0 {
				l.head = p.block(minBlock)
				l.at = l.head
			} else {
				l.level = min(l.level+1, maxLevel)
				next := p.block(minBlock << l.level)
				binary.LittleEndian.PutUint32(p.bytes(l.end), next)
				l.at = next
			}
			l.end = l.at + minBlock<<l.level - linkSize
		}
		v := e.acc &^ inTitle << 1
		if e.acc&inTitle != 0 {
			v |= 1
		}
		b := p.bytes(l.at)
		n := putUvarint(b, uint32(e.doc-l.last))
		n += putUvarint(b[n:], v)
		l.at += uint32(n)
		l.last = e.doc
		l.count++
	}
}

// done flushes the batch and drops the buffers of batches.
func (p *postings) done() {
	p.flush()
	p.batch, p.sorted, p.start, p.touched = nil, nil, nil, nil
}

// each calls fn with every posting of term id in order: its document,
// weighted frequency and whether it is in the title.
func (p *postings) each(id int32, fn func(doc int32, wtf uint32, title bool)) {
	l := &p.lists[id]
	at, level := l.head, uint8(0)
	end := at + minBlock - linkSize
	doc := int32(-1)
	for range l.count {
		if end-at < maxPosting {
			at = binary.LittleEndian.Uint32(p.bytes(end))
			level = min(level+1, maxLevel)
			end = at + minBlock<<level - linkSize
		}
		b := p.bytes(at)
		gap, n := uvarint(b, 0)
		v, n := uvarint(b, n)
		at += uint32(n)
		doc += int32(gap)
		fn(doc, v>>1, v&1 != 0)
	}
}

// putUvarint writes v in LEB128 at the start of b and returns its length.
func putUvarint(b []byte, v uint32) int {
	i := 0
	for v >= 0x80 {
		b[i] = byte(v) | 0x80
		v >>= 7
		i++
	}
	b[i] = byte(v)
	return i + 1
}

// uvarint decodes the LEB128 number at b[i:] and returns it and the index
// after it.
func uvarint(b []byte, i int) (uint32, int) {
	var v uint32
	for s := uint(0); ; s += 7 {
		c := b[i]
		i++
		v |= uint32(c&0x7f) << s
		if c < 0x80 {
			return v, i
		}
	}
}
