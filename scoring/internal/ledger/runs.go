package ledger

// A merge takes in the matters of a snapshot's strtab in two steps: plan
// looks each up, changing nothing, so that a merge that finds an overlap
// can refuse without undoing anything; addPlanned then adds those the
// strtab lacks. The matters come in the order the snapshot's ledger took
// them, so numbered IDs come in runs of one page's range — one prefix,
// one number but for its last pageBits bits — and a run is looked up and
// added with what its first ID found, without locating each ID. The names
// of the new matters are copied in runs of consecutive ids, as bytes.

// matterPlan is what plan found of the matters of a snapshot's strtab.
type matterPlan struct {
	ids   []int32 // by matter: the strtab's id, or -1 for a new matter
	slots []int16 // by new matter of the range of the new matter before it: its slot there; else -1
	added int32   // new matters
}

// seqRun is what a strtab's sequence index says of one page's range.
type seqRun struct {
	known  bool     // prefix and num are set
	prefix string   // the range's prefix
	num    uint64   // the range's page number: the IDs' numbers >> pageBits
	page   *seqPage // the range's page, when it has one
	pid    int32    // with page: the prefix's id
	absent bool     // without page: no ID of the range is in the strtab
}

func (r *seqRun) has(prefix string, num uint64) bool {
	return r.known && num>>pageBits == r.num && prefix == r.prefix
}

// plan looks up every string of src in t; with find false, t is taken
// to have none of them. t must not change between plan and addPlanned.
func (t *strtab) plan(src *strtab, find bool) matterPlan {
	p := matterPlan{ids: make([]int32, src.n), slots: make([]int16, src.n)}
	var run seqRun  // of the string before, for lookups
	var last seqRun // of the last new string, for adding
	for m := range src.n {
		s := src.view(m)
		prefix, num, split := splitSeq(s)
		if find {
			if id, ok := t.lookupRun(s, prefix, num, split, &run); ok {
				p.ids[m] = id
				continue
			}
		}
		p.ids[m], p.slots[m] = -1, -1
		p.added++
		if split && last.has(prefix, num) {
			p.slots[m] = int16(num & (pageSize - 1))
		}
		last = seqRun{known: split, prefix: prefix, num: num >> pageBits}
	}
	return p
}

// lookupRun is lookup, given s split, for a strtab that does not change
// while run is in use.
func (t *strtab) lookupRun(s, prefix string, num uint64, split bool, run *seqRun) (int32, bool) {
	if split && run.has(prefix, num) {
		if run.page != nil {
			v := run.page[num&(pageSize-1)]
			return v - 1, v != 0
		}
		if run.absent {
			return 0, false
		}
	}
	w := t.start(s)
	id, ok := t.finish(s, &w)
	*run = seqRun{}
	if split && w.mode != inHash {
		run.known, run.prefix, run.num = true, prefix, num>>pageBits
		// In a page, or else in no page of the range's: a range that is not
		// the hash table's keeps every ID of it in its page.
		run.page, run.pid = w.page, w.key.prefix
		run.absent = w.page == nil
	}
	return id, ok
}

// addPlanned adds the strings of src that plan found new, in their order,
// and sets their ids in p.
func (t *strtab) addPlanned(src *strtab, p *matterPlan) {
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
		t.pushRange(src, m, end, p)
		m = end
	}
	// Then the index, now that every new id has its name. A page stays
	// where it is, and holds every ID of its range, however t grows.
	var run seqRun
	for m := range src.n {
		id := p.ids[m]
		if id < first {
			continue
		}
		if slot := p.slots[m]; slot >= 0 && run.page != nil {
			t.seq.fill(run.pid, run.page, int(slot), id)
			continue
		}
		s := src.view(m)
		w := t.start(s)
		t.finish(s, &w)
		t.index(s, &w, id)
		run = seqRun{}
		if w.mode == inPage {
			pid := w.key.prefix
			if pid < 0 {
				pid = int32(len(t.seq.names) - 1) // the prefix is new
			}
			run.page, run.pid = t.seq.pages[pageKey{pid, w.key.page}], pid
		}
	}
}

// pushRange copies the strings [from, to) of src, all in one chunk, into
// t's arena in one piece, as the strings of t's next ids, and sets those
// ids in p.
func (t *strtab) pushRange(src *strtab, from, to int32, p *matterPlan) {
	fl := src.loc(from)
	end := src.arena.lens[fl.chunk]
	if to < src.n {
		if next := src.loc(to); next.chunk == fl.chunk {
			end = next.off
		}
	}
	n := end - fl.off
	c := t.arena.room(int(n))
	off := t.arena.lens[c]
	copy(t.arena.chunks[c][off:], src.arena.chunks[fl.chunk][fl.off:end])
	t.arena.lens[c] += n
	for m := from; m < to; m++ {
		*grow(&t.locs, int(t.n)) = sloc{chunk: uint32(c), off: off + src.loc(m).off - fl.off}
		p.ids[m] = t.n
		t.n++
	}
}
