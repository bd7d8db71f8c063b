package ledger

import (
	"cmp"
	"slices"
	"strconv"
)

// A merge takes in the matters of another ledger's strtab in two steps:
// plan looks each up, changing nothing, so that a merge that finds an
// overlap refuses without undoing anything; addPlanned then adds those
// the strtab lacks. Both go a page of the other's sequence index at a
// time: what the strtab's own index says of a page's range — it has a
// page for it, it has none, or the range is its hash table's — holds for
// every ID of the range, so that numbered IDs are looked up and added
// without reading them. The other IDs, and those of ranges the strtab
// keeps in its hash table, are looked up and added by name. The names of
// new matters are copied as bytes, in runs of consecutive ids; a run of a
// quarter of a chunk or more is shared with the other strtab instead
// (its bytes are never written again).

// srcPage is a page of another strtab's sequence index.
type srcPage struct {
	prefix string
	num    uint64 // the page's number: its IDs' numbers >> pageBits
	slots  *seqPage
}

// locatePage is locate for the range of a page of another strtab's index:
// it locates the range's first ID, written into buf.
func (x *seqIndex) locatePage(sp *srcPage, buf *[]byte) (mode seqMode, key pageKey, page *seqPage) {
	*buf = strconv.AppendUint(append((*buf)[:0], sp.prefix...), sp.num<<pageBits, 10)
	mode, key, page, _ = x.locate(string(*buf))
	return mode, key, page
}

// pageList returns the index's pages, by prefix and number: with clone,
// copies of them, else the pages themselves.
func (x *seqIndex) pageList(clone bool) []srcPage {
	out := make([]srcPage, 0, len(x.pages))
	var copies []seqPage
	if clone {
		copies = make([]seqPage, len(x.pages))
	}
	for k, p := range x.pages {
		if clone {
			copies[len(out)] = *p
			p = &copies[len(out)]
		}
		out = append(out, srcPage{x.names[k.prefix], k.page, p})
	}
	slices.SortFunc(out, func(a, b srcPage) int { return cmp.Or(cmp.Compare(a.prefix, b.prefix), cmp.Compare(a.num, b.num)) })
	return out
}

// matterPlan is what plan found of the strings of another strtab.
type matterPlan struct {
	ids   []int32 // by string of the other: the strtab's id, or -1 for a new string until addPlanned adds it
	have  []int32 // the strings of the other the strtab has
	added int32   // the new strings
}

// plan looks up every string of src, whose index has the pages given, in
// t.
func (t *strtab) plan(src *strtab, pages []srcPage) matterPlan {
	p := matterPlan{ids: make([]int32, src.n)}
	if t.n == 0 {
		for m := range p.ids {
			p.ids[m] = -1
		}
		p.added = src.n
		return p
	}
	// Until the end, ids hold 1 + the strtab's id, -1 for a new string,
	// and 0 for a string not looked up yet.
	var buf []byte
	for i := range pages {
		sp := &pages[i]
		mode, _, page := t.seq.locatePage(sp, &buf)
		if mode == inHash {
			continue // by name, below
		}
		// A range that is not the hash table's has all its IDs in its
		// page, or none when it has no page.
		for j, v := range sp.slots {
			if v != 0 {
				p.ids[v-1] = -1
				if page != nil && page[j] != 0 {
					p.ids[v-1] = page[j]
				}
			}
		}
	}
	for m, id := range p.ids {
		if id == 0 {
			id = -1
			if lid, ok := t.lookup(src.view(int32(m))); ok {
				id = lid + 1
			}
		}
		if id < 0 {
			p.added++
		} else {
			id--
			p.have = append(p.have, int32(m))
		}
		p.ids[m] = id
	}
	return p
}

// addPlanned adds the strings of src that plan found new, in their order,
// with their heads moved by base, and sets their ids in p. t must not
// have changed since plan.
func (t *strtab) addPlanned(src *strtab, pages []srcPage, p *matterPlan, base int32) {
	if p.added == 0 {
		return
	}
	first := t.n
	// The names, in runs of consecutive strings of one chunk.
	for m := int32(0); m < src.n; {
		if p.ids[m] >= 0 {
			m++
			continue
		}
		chunk := src.loc(m).chunk
		end := m + 1
		for end < src.n && p.ids[end] < 0 && src.loc(end).chunk == chunk {
			end++
		}
		t.pushRange(src, m, end, p, base)
		m = end
	}
	// Then the index, now that every new id has its name: the pages of
	// ranges t keeps in pages; then by name the pages of ranges t keeps in
	// its hash table, and the strings src keeps in its own.
	indexed := int32(0)
	var byName []srcPage
	var buf []byte
	for i := range pages {
		sp := &pages[i]
		mode, key, page := t.seq.locatePage(sp, &buf)
		if mode != inPage {
			byName = append(byName, *sp)
			continue
		}
		n := 0
		for j, v := range sp.slots {
			if v == 0 || p.ids[v-1] < first {
				continue
			}
			indexed++
			if page == nil {
				// The range's first new ID makes its page, as add does,
				// taking the prefix when t has none.
				t.seq.add(src.view(v-1), key, nil, j, p.ids[v-1])
				if key.prefix < 0 {
					key.prefix = int32(len(t.seq.names) - 1)
				}
				page = t.seq.pages[key]
				continue
			}
			page[j] = p.ids[v-1] + 1
			n++
		}
		if n > 0 {
			t.seq.counts[key.prefix].keys += n
		}
	}
	for _, sp := range byName {
		for _, v := range sp.slots {
			if v != 0 && p.ids[v-1] >= first {
				t.indexByName(src, v-1, p.ids[v-1])
				indexed++
			}
		}
	}
	if indexed == p.added {
		return
	}
	inPages := make([]bool, src.n)
	for _, sp := range pages {
		for _, v := range sp.slots {
			if v != 0 {
				inPages[v-1] = true
			}
		}
	}
	for m, id := range p.ids {
		if id >= first && !inPages[m] {
			t.indexByName(src, int32(m), id)
		}
	}
}

// indexByName indexes string m of src, which t has under id but does
// not index yet, by its name. Being new, it needs no finish: in the hash
// table it goes to the first free slot of its probe.
func (t *strtab) indexByName(src *strtab, m, id int32) {
	s := src.view(m)
	w := t.start(s)
	if w.mode != inPage {
		w.pos = -1 // no table yet
		if t.slots != nil {
			w.pos = t.free(w.h)
		}
	}
	t.index(s, &w, id)
}

// pushRange copies the strings [from, to) of src, all in one chunk, into
// t's arena in one piece — or shares their bytes, when they are many (see
// arena.share) — as the strings of t's next ids, with their heads moved by
// base, and sets those ids in p.
func (t *strtab) pushRange(src *strtab, from, to int32, p *matterPlan, base int32) {
	fl := src.loc(from)
	end := src.arena.lens[fl.chunk]
	if to < src.n {
		if next := src.loc(to); next.chunk == fl.chunk {
			end = next.off
		}
	}
	n := end - fl.off
	var c int
	var off uint32
	if n >= shareMin {
		c = t.arena.share(src.arena.chunks[fl.chunk][fl.off:end])
	} else {
		c = t.arena.room(int(n))
		off = t.arena.lens[c]
		copy(t.arena.chunks[c][off:], src.arena.chunks[fl.chunk][fl.off:end])
		t.arena.lens[c] += n
	}
	for m := from; m < to; {
		chunk := src.locs[m>>chunkBits]
		j := int(m & (1<<chunkBits - 1))
		run := chunk[j:min(len(chunk), j+int(to-m))]
		dst := growRun(&t.locs, int(t.n), len(run))
		for k, sl := range run[:len(dst)] {
			d := sloc{chunk: uint32(c), off: off + sl.off - fl.off}
			if sl.head != 0 {
				d.head = sl.head + base
			}
			dst[k] = d
			p.ids[m+int32(k)] = t.n + int32(k)
		}
		t.n += int32(len(dst))
		m += int32(len(dst))
	}
}
