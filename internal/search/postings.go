package search

import "encoding/binary"

// postings holds the postings lists of one worker's terms while documents
// are scanned: per term, its documents in increasing order, each as two
// LEB128 numbers, the gap to the previous document (the first counted
// from −1) and wtf<<1 | t, where wtf is the weighted term frequency and t
// is 1 when the term is in the title. That is about two bytes a posting.
//
// A list is a chain of blocks in pages of an arena, so lists grow without
// being copied: the first block has minBlock bytes, each next one twice
// the previous up to minBlock << maxLevel, and the last 4 bytes of a block hold the
// arena offset of the next. A posting is written whole in a block: when
// fewer than maxPosting bytes are left before the link, the list moves on
// to a new block. Readers follow the same rule.

type postings struct {
	pages [][]byte
	used  uint32 // bytes used in the last page
	lists []postingChain
}

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

// add appends document doc with accumulator acc (wtf | inTitle) to the
// list of term id. Documents must come in increasing order.
func (p *postings) add(id, doc int32, acc uint32) {
	l := &p.lists[id]
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
	v := acc &^ inTitle << 1
	if acc&inTitle != 0 {
		v |= 1
	}
	b := p.bytes(l.at)
	n := putUvarint(b, uint32(doc-l.last))
	n += putUvarint(b[n:], v)
	l.at += uint32(n)
	l.last = doc
	l.count++
}

// reader returns a reader of the list of term id.
func (p *postings) reader(id int32) postingReader {
	l := &p.lists[id]
	return postingReader{p: p, at: l.head, end: l.head + minBlock - linkSize, doc: -1, left: l.count}
}

// A postingReader reads a list of a postings arena.
type postingReader struct {
	p       *postings
	at, end uint32
	level   uint8
	doc     int32
	left    int32
}

// next returns the next posting: its document, weighted frequency and
// whether it is in the title; ok is false at the end.
func (r *postingReader) next() (doc int32, wtf uint32, title, ok bool) {
	if r.left == 0 {
		return 0, 0, false, false
	}
	r.left--
	if r.end-r.at < maxPosting {
		r.at = binary.LittleEndian.Uint32(r.p.bytes(r.end))
		r.level = min(r.level+1, maxLevel)
		r.end = r.at + minBlock<<r.level - linkSize
	}
	b := r.p.bytes(r.at)
	gap, n := uvarint(b, 0)
	v, n := uvarint(b, n)
	r.at += uint32(n)
	r.doc += int32(gap)
	return r.doc, v >> 1, v&1 != 0, true
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
