package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/internal/fsync"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// journalInfo is what the program reports of the journal it wrote
// (-journal): the file, its entries (events, and evaluations counted with
// the amendments of them, as the report's 评价 counts both), its head
// hash, the value read into the minutes of the year-end review
// (年末综合评分), and the root of its Merkle tree, the value a signed
// checkpoint of it publishes (journal.Checkpoint).
type journalInfo struct {
	File        string       `json:"file"`
	Entries     int64        `json:"entries"`
	Events      int          `json:"events"`
	Evaluations int          `json:"evaluations"`
	Head        journal.Hash `json:"head"`
	Root        journal.Hash `json:"root"`
}

// trailItem is one entry of the year's trail: an event or an evaluation
// of the matter with index matter in the year.
type trailItem struct {
	at     time.Time // when it happened, never before an earlier item of its matter
	matter int
	event  *matters.Event
	eval   *scoring.Evaluation
	amend  *scoring.Amendment
}

// trail returns every event of every matter and every evaluation in the
// order they happened: by time; the events of a matter in Seq order, each
// followed by the evaluations it triggered, as recorded; items at the same
// instant by the matter's order in the year. The order depends only on
// the assessment.
func trail(a *graded) []trailItem {
	var items []trailItem
	for i, m := range a.year.matters {
		grades := a.grades[m.ID]
		var at time.Time // the latest time of the matter so far: keeps its items in order
		k := 0
		for j := range m.Events {
			e := &m.Events[j]
			if e.At.After(at) {
				at = e.At
			}
			items = append(items, trailItem{at: at, matter: i, event: e})
			for ; k < len(grades) && grades[k].Seq == e.Seq; k++ {
				items = append(items, gradeItem(at, i, &grades[k]))
			}
		}
		// Evaluations after no event of the matter (none in the year):
		// after its last event rather than lost.
		for ; k < len(grades); k++ {
			items = append(items, gradeItem(at, i, &grades[k]))
		}
	}
	slices.SortStableFunc(items, func(x, y trailItem) int {
		return cmp.Or(x.at.Compare(y.at), cmp.Compare(x.matter, y.matter))
	})
	return items
}

// gradeItem is the trail's item of a grade: its evaluation or amendment.
func gradeItem(at time.Time, matter int, g *grading.Grade) trailItem {
	if g.Amendment != nil {
		return trailItem{at: at, matter: matter, amend: g.Amendment}
	}
	return trailItem{at: at, matter: matter, eval: &g.Evaluation}
}

// journalFile is a journal being written: a temporary file in the
// directory of the journal, renamed over it once complete, so that a
// failed run never leaves half a journal.
type journalFile struct {
	name string
	tmp  *os.File
	done bool // renamed over the journal, or removed
}

// createJournal starts the journal name: it refuses a directory and
// creates the temporary file, so that a bad path fails before the year
// is built.
func createJournal(name string) (*journalFile, error) {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory; want a file name", name)
	}
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot create a file in %s: %w", dir, err)
	}
	return &journalFile{name: name, tmp: tmp}, nil
}

// abort removes the temporary file, unless write already renamed or
// removed it; the journal is left as it was.
func (j *journalFile) abort() {
	if j.done {
		return
	}
	j.done = true
	j.tmp.Close()
	os.Remove(j.tmp.Name())
}

// write journals the year's trail, syncs the file, renames it over the
// journal and syncs the directory, so that the journal, once reported,
// survives a crash: the durability journal.OpenFile gives a journal
// appended entry by entry, for a journal written whole. On error the
// temporary file is removed.
func (j *journalFile) write(a *graded) (*journalInfo, error) {
	j.done = true
	info, err := writeTrail(j.tmp, a)
	info.File = j.name
	if err == nil {
		err = j.tmp.Chmod(0o644)
	}
	if err == nil {
		err = j.tmp.Sync()
	}
	if cerr := j.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(j.tmp.Name(), j.name)
	}
	if err == nil {
		err = fsync.Dir(filepath.Dir(j.name))
	}
	if err != nil {
		os.Remove(j.tmp.Name())
		return nil, fmt.Errorf("writing %s: %w", j.name, err)
	}
	return info, nil
}

// writeTrail writes the year's trail to w as a new journal. The info it
// returns, never nil, names no file. It buffers: nothing of the journal
// counts before the file is synced and renamed (journalFile.write).
func writeTrail(w io.Writer, a *graded) (*journalInfo, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	tree := journal.NewTree()
	jw := journal.NewWriter(bw, &journal.Options{Tree: tree})
	info := &journalInfo{}
	for _, it := range trail(a) {
		var err error
		switch {
		case it.event != nil:
			info.Events++
			_, err = jw.AppendEvent(*it.event)
		case it.amend != nil:
			info.Evaluations++
			_, err = jw.AppendAmendment(*it.amend)
		default:
			info.Evaluations++
			_, err = jw.AppendEvaluation(*it.eval)
		}
		if err != nil {
			return info, err
		}
	}
	if err := bw.Flush(); err != nil {
		return info, err
	}
	h := jw.Head()
	info.Entries, info.Head = h.Seq, h.Hash
	info.Root = tree.Checkpoint("").Root
	return info, nil
}
