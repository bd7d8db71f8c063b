package journal

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"iter"
	"math/bits"
	"slices"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Apply applies one more entry, its line (without its line feed) as
// [Seal] made it, to the state: s becomes the state of the journal that
// ends with it, as [Rebuild] would give it, and its head and tree follow.
// A host that seals the entries of each change and commits them applies
// them once the commit returns, in order, so that its state is always
// that of its journal and ready to be saved ([Rebuilt.Snapshot]).
//
// A line longer than the MaxLine of the Options s was rebuilt or resumed
// with (DefaultMaxLine for a zero Rebuilt) wraps [ErrLineTooLong], as a
// rebuild with those options would refuse it; a line that is not an entry
// is an error of [ParseLine], naming the entry it follows ("the line
// after entry 41: …"), as [Rebuilt.Check] names it; one that does not
// follow s.Head (another Seq or Prev) wraps [ErrInvalid]; an entry
// that its matter or the book refuses is the matters or scoring error,
// as Rebuild reports it. On an error s is unchanged. The zero Rebuilt is
// the state of an empty journal, as Resume(nil, nil, nil) returns it, but
// for a state whose Head, Matters or Book a caller set itself: Apply
// takes its matters and book as they are, and knows no evaluation before
// its head for an amendment to amend, nor the tree of the entries before
// its head, for [Rebuilt.Checkpoint] or [Rebuilt.Snapshot].
func (s *Rebuilt) Apply(line []byte) error {
	mustNotNil(s, "Apply", "Rebuilt")
	s.init()
	if err := s.tooLong(line, s.Head.Seq); err != nil {
		return err
	}
	p, sum, err := parseEntry(line)
	if err != nil {
		return lineAfter(s.Head.Seq, err)
	}
	if err := follows(s.Head, p, sum); err != nil {
		return err
	}
	amended, err := s.apply(p)
	if err != nil {
		return err
	}
	if amended != 0 {
		s.settle([]int64{amended})
	}
	s.Head = Head{Seq: p.seq, Hash: sum}
	s.front.add(sum)
	return nil
}

// init makes a zero Rebuilt ready.
func (s *Rebuilt) init() {
	if s.Matters == nil {
		s.Matters = map[string]*matters.Matter{}
	}
	if s.Book == nil {
		s.Book = scoring.NewBook(nil)
	}
	if s.evals == nil {
		s.evals, s.of = map[evalKey]int64{}, map[int64][]int{}
	}
}

// Checkpoint returns the checkpoint of the journal up to s.Head under
// origin, to sign and publish ([Checkpoint.Sign]): the state keeps the
// compact form of the journal's tree, enough for its root, though not for
// proofs (a [Tree] holds every hash). A state that knows no tree up to
// its head — one read from its JSON form, or whose Head its caller set —
// has no checkpoint to give, and Checkpoint panics saying so, rather
// than give a root of no journal to sign.
func (s *Rebuilt) Checkpoint(origin string) Checkpoint {
	mustNotNil(s, "Checkpoint", "Rebuilt")
	if s.front.n != s.Head.Seq {
		panic(fmt.Sprintf("journal: Rebuilt.Checkpoint: the state knows no tree of its journal up to its head, entry %d (a state read from its JSON form, or whose head its caller set): rebuild it, or resume it from a snapshot", s.Head.Seq))
	}
	return Checkpoint{Origin: origin, Size: s.Head.Seq, Root: s.front.root()}
}

// snapshot is the JSON form of a snapshot, before its sum.
type snapshot struct {
	Head        Head                       `json:"head"`
	Tree        []Hash                     `json:"tree"`    // the roots of the complete subtrees, largest first
	Matters     map[string][]matters.Event `json:"matters"` // each matter's events: its state is what they give
	Book        *scoring.Book              `json:"book"`
	Amendments  []Amended                  `json:"amendments"`
	Evaluations []located                  `json:"evaluations"` // the entry of each evaluation, in journal order
	Sum         *Hash                      `json:"sum,omitempty"`
}

// located is where an evaluation is in the journal.
type located struct {
	Seq       int64  `json:"seq"`
	Matter    string `json:"matter"`
	Subject   string `json:"subject"`
	Evaluator string `json:"evaluator"`
	Stage     int    `json:"stage,omitempty"`
}

// Snapshot returns the state as JSON, for a host to store beside its
// journal and give to [Resume] later with the journal's lines from
// s.Head on. It holds the head, the compact form of the tree (at most 63
// hashes), each matter's events (its state is what they give), the book,
// the amendments, where each evaluation is in the journal, and, last,
// "sum": SHA-256 over the JSON before it. The same state gives the same
// bytes. A state that knows neither its journal's tree up to its head nor
// where each evaluation of its book is — one read from its JSON form, or
// whose Head or Book its caller set — has no snapshot that Resume would
// take, and Snapshot refuses it with an error wrapping [ErrInvalid].
func (s *Rebuilt) Snapshot() ([]byte, error) {
	mustNotNil(s, "Snapshot", "Rebuilt")
	if s.front.n != s.Head.Seq || len(s.evals) != s.Book.Len() {
		return nil, fmt.Errorf("journal: snapshot at %v: the state knows neither its journal's tree nor where its evaluations are (a state read from its JSON form, or whose head or book its caller set): %w", s.Head, ErrInvalid)
	}
	j := snapshot{Head: s.Head, Matters: make(map[string][]matters.Event, len(s.Matters)), Book: s.Book, Amendments: s.Amendments, Tree: []Hash{}, Evaluations: []located{}}
	for id, m := range s.Matters {
		j.Matters[id] = m.Events
	}
	if j.Amendments == nil {
		j.Amendments = []Amended{}
	}
	for _, h := range s.front.hashes {
		j.Tree = append(j.Tree, Hash(h))
	}
	for k, seq := range s.evals {
		j.Evaluations = append(j.Evaluations, located{Seq: seq, Matter: k.matter, Subject: k.subject, Evaluator: k.evaluator, Stage: k.stage})
	}
	slices.SortFunc(j.Evaluations, func(a, b located) int { return cmp.Compare(a.Seq, b.Seq) })
	b, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("journal: snapshot at %v: %w", s.Head, err)
	}
	sum := Hash(sha256.Sum256(b))
	b = append(b[:len(b)-1], `,"sum":"`...)
	b = append(b, sum.String()...)
	return append(b, `"}`...), nil
}

// Resume rebuilds the state of a journal from a snapshot that
// [Rebuilt.Snapshot] made at some head and from tail, the journal's
// lines from that head's entry on (for a snapshot of the empty journal,
// from entry 1): a restart replays what came after the snapshot, not the
// years before it. An empty snapshot (nil) is that of the empty journal,
// so that a host without one yet starts the same way. Resume returns the
// state at the journal's last entry, as [Rebuild] over the whole journal
// would return it, or the errors Rebuild returns for the tail, with the
// state up to the last entry applied.
//
// Resume checks the snapshot against the head it claims: its sum, its
// JSON (strictly; each matter is rebuilt from its events with
// matters.Replay), that its tree has the shape of a tree
// of that many entries and, if the number is odd, ends in that entry's
// leaf; that its matters' events, its evaluations and its amendments are
// that many entries, each evaluation of its book placed once, and each
// evaluation and amendment at an entry of its own; that the first line of tail is the entry of that head, whole and
// with its hash; and, as Verify does, every line after it. Given
// published checkpoints, it checks each against the tree, which the
// snapshot starts and the tail completes: a checkpoint of at least the
// snapshot's entries. A checkpoint of fewer entries cannot be checked
// without the lines before the snapshot, and is an error wrapping
// [ErrInvalid], as is one of a size no journal has (negative, or over
// 10^18-1); so is a snapshot that fails a check, and then the state
// is nil. A tail that does not start with the snapshot's entry is an
// error wrapping [ErrHeadMismatch]. A [VerifyError] of the tail counts
// its Offset in bytes of tail, each line with its line feed, from its
// first line (the snapshot's entry), not of the whole journal: a host that
// cuts its journal at a bad line adds the offset at which tail starts.
//
// What it proves: with a signed checkpoint that the journal reached
// after the snapshot was made, that the snapshot's head and tree, and
// every line of the tail, are the journal the checkpoint signed. What it
// does not: that the matters and the book in the snapshot are what the
// entries before the head give — the snapshot is the host's own record
// of that, as a cache is; its sum shows damage, not a forgery by someone
// who can write it. So a host keeps every line of its journal (the
// record), the snapshot, and the checkpoints it published, and now and
// then (when it signs a checkpoint, say) rebuilds from the first line and
// compares the state, or the snapshot, with its own.
//
// opts.Tree, if set, must hold the journal up to the snapshot's head
// (made with [Tree.Append] from its lines); the tail's entries are added
// to it. A nil tail has no lines.
func Resume(snap []byte, tail iter.Seq2[[]byte, error], opts *Options, published ...Checkpoint) (*Rebuilt, error) {
	s, err := openSnapshot(snap)
	if err != nil {
		return nil, err
	}
	s.maxLine = opts.maxLine()
	tree := opts.tree()
	if tree != nil && tree.Head() != s.Head {
		return nil, fmt.Errorf("journal: resuming at %v with a tree whose last entry is %v: %w", s.Head, tree.Head(), ErrInvalid)
	}
	if tail == nil {
		tail = func(func([]byte, error) bool) {}
	}
	next, stop := iter.Pull2(tail)
	defer stop()
	var before [64]byte // the prev hash of the snapshot's entry
	var first int64     // its bytes, with a line feed, where the lines after it start
	if s.Head.Seq > 0 {
		line, err, ok := next()
		if !ok {
			err = fmt.Errorf("journal: the tail ends before entry %d, the snapshot's head: %w", s.Head.Seq, ErrHeadMismatch)
		}
		if err != nil {
			return s, err
		}
		p, sum, err := parseEntry(line)
		if err != nil {
			return s, fmt.Errorf("journal: the tail's first line, the snapshot's entry %d: %w", s.Head.Seq, err)
		}
		if p.seq != s.Head.Seq || sum != s.Head.Hash {
			return s, fmt.Errorf("journal: the tail starts with entry %d (hash %v), not the snapshot's head %v: %w", p.seq, sum, s.Head, ErrHeadMismatch)
		}
		copy(before[:], p.prevHex)
		first = int64(len(line)) + 1
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	o.Tree = nil
	rest := Lines(func(yield func([]byte, error) bool) {
		for {
			line, err, ok := next()
			if !ok || !yield(line, err) {
				return
			}
		}
	})
	defer rest.Close()
	jr := NewReader(rest, &o)
	jr.head, jr.tree, jr.before = s.Head, tree, before
	jr.off, jr.last = first, first // a VerifyError's Offset counts from the tail's start
	encodeHex(&jr.headHex, &s.Head.Hash)
	if len(published) > 0 {
		front := frontier{n: s.front.n, hashes: slices.Clone(s.front.hashes)}
		if err := jr.expectFrom(&front, published); err != nil {
			return s, err
		}
	}
	return rebuild(jr, -1, s)
}

// maxSnapshot is the largest snapshot Resume reads: 1 GiB.
const maxSnapshot = 1 << 30

// openSnapshot checks and decodes a snapshot.
func openSnapshot(b []byte) (*Rebuilt, error) {
	if len(b) == 0 {
		return newRebuilt(), nil
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("journal: snapshot: %s: %w", fmt.Sprintf(format, args...), ErrInvalid)
	}
	const sumTail = len(`,"sum":"`) + 64 + len(`"}`)
	if len(b) > maxSnapshot {
		return nil, bad("%d bytes, over the limit of %d", len(b), maxSnapshot)
	}
	if len(b) < sumTail+2 || !bytes.HasPrefix(b[len(b)-sumTail:], []byte(`,"sum":"`)) {
		return nil, bad(`does not end with ,"sum":"<64 hexadecimal digits>"}`)
	}
	body := append(bytes.Clone(b[:len(b)-sumTail]), '}')
	var j snapshot
	if err := jsonx.Decode(b, &j); err != nil {
		return nil, bad("%v", err)
	}
	if j.Sum == nil || *j.Sum != Hash(sha256.Sum256(body)) {
		return nil, bad("its sum is not that of its content: it was altered or damaged")
	}
	s := newRebuilt()
	s.Head, s.Amendments = j.Head, j.Amendments
	if j.Book != nil {
		s.Book = j.Book
	}
	if err := continuable(s.Head); err != nil {
		return nil, err
	}
	if len(j.Tree) != bits.OnesCount64(uint64(s.Head.Seq)) {
		return nil, bad("a tree of %d hashes is not that of %d entries", len(j.Tree), s.Head.Seq)
	}
	s.front.n = s.Head.Seq
	for _, h := range j.Tree {
		s.front.hashes = append(s.front.hashes, tlog.Hash(h))
	}
	if s.Head.Seq%2 == 1 && s.front.hashes[len(s.front.hashes)-1] != leafHash(s.Head.Hash) {
		return nil, bad("its tree does not end with the leaf of its head %v", s.Head)
	}
	for id, events := range j.Matters {
		m, err := matters.Replay(events)
		if err != nil {
			return nil, bad("matter %q: %v", id, err)
		}
		if m.ID != id {
			return nil, bad("matter %q is held under the name %q", m.ID, id)
		}
		s.Matters[id] = m
	}
	if err := s.place(j.Evaluations, bad); err != nil {
		return nil, err
	}
	if err := s.countsHold(bad); err != nil {
		return nil, err
	}
	return s, nil
}

// place checks where a snapshot places its evaluations and amendments, and
// keeps the places in s: each evaluation of the book at an entry of its
// own, each amendment after the evaluation it amends, at an entry of its
// own, and, with the matters' events, exactly the entries up to the head
// (a journal holds nothing else).
func (s *Rebuilt) place(evals []located, bad func(string, ...any) error) error {
	inBook := s.bookKeys()
	taken := make(map[int64]bool, len(evals)+len(s.Amendments))
	take := func(what string, seq int64) error {
		switch {
		case seq < 1 || seq > s.Head.Seq:
			return bad("%s entry %d is not one of its %d entries", what, seq, s.Head.Seq)
		case taken[seq]:
			return bad("%s entry %d is the entry of another evaluation or amendment", what, seq)
		}
		taken[seq] = true
		return nil
	}
	for _, e := range evals {
		k := evalKey{e.Matter, e.Subject, e.Evaluator, e.Stage}
		if err := take("evaluation", e.Seq); err != nil {
			return err
		}
		if !inBook[k] {
			return bad("evaluation entry %d (matter %q, subject %q, evaluator %q, stage %d) is not in its book", e.Seq, e.Matter, e.Subject, e.Evaluator, e.Stage)
		}
		if _, ok := s.evals[k]; ok {
			return bad("evaluation entry %d places an evaluation placed before", e.Seq)
		}
		s.evals[k] = e.Seq
	}
	if len(s.evals) != s.Book.Len() {
		return bad("it places %d evaluations, and its book holds %d", len(s.evals), s.Book.Len())
	}
	for i, a := range s.Amendments {
		if err := take("amendment", a.Seq); err != nil {
			return err
		}
		if e, ok := s.evals[keyOf(&a.Amendment.Evaluation)]; !ok || e != a.Amends || a.Seq <= e {
			return bad("amendment entry %d does not amend evaluation entry %d", a.Seq, a.Amends)
		}
		s.of[a.Amends] = append(s.of[a.Amends], i)
	}
	return s.entriesHold(bad)
}

// expectFrom makes the reader, which starts after the entries of front,
// check the published checkpoints as it reads on; a checkpoint of
// front's size is checked at once, and one of fewer entries cannot be.
func (r *Reader) expectFrom(front *frontier, cps []Checkpoint) error {
	if err := checkSizes(cps); err != nil {
		return err
	}
	r.front = front
	r.marks = slices.SortedFunc(slices.Values(cps), func(a, b Checkpoint) int { return cmp.Compare(a.Size, b.Size) })
	for len(r.marks) > 0 && r.marks[0].Size <= front.n {
		cp := r.marks[0]
		r.marks = r.marks[1:]
		if cp.Size < front.n {
			return fmt.Errorf("journal: a checkpoint of %d entries, before the snapshot's %d, needs the journal's first lines: check it with Verify: %w", cp.Size, front.n, ErrInvalid)
		}
		if root := front.root(); root != cp.Root {
			return fmt.Errorf("journal: the snapshot's tree of %d entries has the root %v, not the checkpoint's %v: %w", cp.Size, root, cp.Root, ErrHeadMismatch)
		}
	}
	return nil
}
