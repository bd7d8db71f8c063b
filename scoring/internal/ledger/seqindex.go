package ledger

import "strings"

// seqIndex indexes the matter IDs that end in a number, as case systems
// issue them — "2020-0001234", "WH20200615000123", "12345" — by that
// number. Such IDs come to a ledger roughly in the order of their numbers,
// so that a lookup lands near the last ones, where a hash table's lookups
// land anywhere in a table too big for the caches.
//
// An ID splits into a prefix and a number (see splitSeq) in one way only,
// and no two IDs split alike, so the index never compares strings. For
// each prefix, numbers are kept in pages of pageSize consecutive numbers,
// each slot holding 1 + the ID's id (0 for none), found by a map from
// (prefix, number / pageSize) and a small cache in front of it.
//
// Which IDs the index keeps is decided so that an ID is only ever looked
// for in one place, and without state for the IDs it does not keep:
//
//   - A prefix is the index's when the index takes its first ID, which it
//     does while it has fewer than maxPrefixes prefixes. The IDs of other
//     prefixes are the hash table's: all of them once the index is full of
//     prefixes, as it soon is when each ID has a prefix of its own (UUIDs
//     that end in a digit).
//   - Pages pay off only when most of their slots fill. A prefix gets a
//     new page only while its pages are at least 1/maxSparse full on
//     average (after its first minPages); otherwise the ID goes to the
//     hash table and its page's range is marked spilled, so that no page
//     is made for that range later. An ID of a spilled range is always in
//     the hash table; any other ID of the index's prefixes, in a page.
//
// The zero value is empty.
type seqIndex struct {
	prefixes   map[string]int32
	names      []string    // prefixes by id
	counts     []seqCounts // by prefix id
	lastPrefix string      // the prefix last found or added, when names has any
	lastID     int32       // its id
	pages      map[pageKey]*seqPage
	spilled    map[pageKey]struct{}
	cache      [seqCache]seqCached
	slab       []seqPage // pages are allocated slabSize at a time
}

// seqCounts counts a prefix's pages and the IDs in them.
type seqCounts struct{ pages, keys int }

const (
	pageBits     = 8
	pageSize     = 1 << pageBits
	seqCache     = 1024 // entries in seqIndex.cache
	slabSize     = 64   // pages per allocation
	minPages     = 64   // pages a prefix may have however sparse
	maxSparse    = 8    // beyond minPages, pages are at least 1/maxSparse full
	maxPrefixes  = 4096 // prefixes the index takes
	maxDigits    = 18   // every number of up to 18 digits fits a uint64
	maxPrefixLen = 24   // bytes; a UUID's prefix is longer
)

type seqPage [pageSize]int32

type pageKey struct {
	prefix int32
	page   uint64
}

type seqCached struct {
	key  pageKey
	page *seqPage
}

// seqMode says where a string is kept.
type seqMode uint8

const (
	inHash  seqMode = iota // the hash table
	inPage                 // a page, made when its first ID comes
	toSpill                // the hash table, and adding it spills its range
)

// splitSeq splits s into a prefix and a number: the longest run of ASCII
// digits that ends s, but without leading zeros (those stay in the
// prefix) unless it is the one digit "0". prefix + the number in decimal
// is s again, so no two strings split alike. ok is false when s does not
// end in a digit, the number has more than maxDigits digits, or the
// prefix more than maxPrefixLen bytes (as of UUIDs, which are the hash
// table's).
func splitSeq(s string) (prefix string, num uint64, ok bool) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	for i < len(s)-1 && s[i] == '0' {
		i++
	}
	if i == len(s) || len(s)-i > maxDigits || i > maxPrefixLen {
		return "", 0, false
	}
	for _, c := range []byte(s[i:]) {
		num = num*10 + uint64(c-'0')
	}
	return s[:i], num, true
}

func (k pageKey) hash() int {
	x := uint64(uint32(k.prefix))*0xBF58476D1CE4E5B9 ^ k.page
	return int(x * 0x9E3779B97F4A7C15 >> 54) // the top 10 bits
}

// locate returns where s is kept: its mode, and for inPage and toSpill
// its page's key (prefix -1 for a prefix the index does not have yet) and
// slot, and the page when there is one.
func (x *seqIndex) locate(s string) (mode seqMode, key pageKey, page *seqPage, slot int) {
	prefix, num, ok := splitSeq(s)
	if !ok {
		return inHash, pageKey{}, nil, 0
	}
	pid := int32(-1)
	if len(x.names) > 0 && prefix == x.lastPrefix {
		pid = x.lastID
	} else if id, ok := x.prefixes[prefix]; ok {
		pid = id
		x.lastPrefix, x.lastID = x.names[id], id
	}
	key, slot = pageKey{pid, num >> pageBits}, int(num&(pageSize-1))
	if pid < 0 {
		if len(x.names) >= maxPrefixes {
			return inHash, key, nil, slot
		}
		return inPage, key, nil, slot // the prefix's first ID
	}
	c := &x.cache[key.hash()]
	if c.page != nil && c.key == key {
		return inPage, key, c.page, slot
	}
	if p := x.pages[key]; p != nil {
		*c = seqCached{key, p}
		return inPage, key, p, slot
	}
	if _, ok := x.spilled[key]; ok {
		return inHash, key, nil, slot
	}
	if n := x.counts[pid]; n.pages >= minPages && n.pages*pageSize > maxSparse*n.keys {
		return toSpill, key, nil, slot
	}
	return inPage, key, nil, slot
}

// add puts id in the slot locate gave for s (mode inPage), taking its
// prefix and making its page when needed.
func (x *seqIndex) add(s string, key pageKey, page *seqPage, slot int, id int32) {
	if key.prefix < 0 {
		prefix, _, _ := splitSeq(s)
		prefix = strings.Clone(prefix)
		key.prefix = int32(len(x.names))
		if x.prefixes == nil {
			x.prefixes = make(map[string]int32)
		}
		x.prefixes[prefix] = key.prefix
		x.names = append(x.names, prefix)
		x.counts = append(x.counts, seqCounts{})
		x.lastPrefix, x.lastID = prefix, key.prefix
	}
	if page == nil {
		if len(x.slab) == 0 {
			x.slab = make([]seqPage, slabSize)
		}
		page, x.slab = &x.slab[0], x.slab[1:]
		if x.pages == nil {
			x.pages = make(map[pageKey]*seqPage)
		}
		x.pages[key] = page
		x.counts[key.prefix].pages++
		x.cache[key.hash()] = seqCached{key, page}
	}
	page[slot] = id + 1
	x.counts[key.prefix].keys++
}

// spill marks the range of a page (mode toSpill, of one of the index's
// prefixes) as kept in the hash table.
func (x *seqIndex) spill(key pageKey) {
	if x.spilled == nil {
		x.spilled = make(map[pageKey]struct{})
	}
	x.spilled[key] = struct{}{}
}
