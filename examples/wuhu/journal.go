package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/internal/outfile"
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

// journalFile is a journal being written whole (package outfile): a
// temporary file in the directory of the journal, renamed over it once
// complete, so that a failed run never leaves half a journal; a journal
// that is not a regular file (-journal /dev/null, a named pipe) is written
// to in place, as the shell writes to it.
type journalFile struct {
	name string
	out  *outfile.File
}

// createJournal starts the journal name: it refuses a directory and
// creates the temporary file, so that a bad path fails before the year
// is built. The error does not name the journal.
func createJournal(name string) (*journalFile, error) {
	out, err := outfile.Create(name)
	if err != nil {
		return nil, err
	}
	return &journalFile{name: name, out: out}, nil
}

// abort removes the temporary file, unless write already renamed or
// removed it; the journal is left as it was.
func (j *journalFile) abort() { j.out.Abort() }

// write journals the year's trail and commits the file: synced, renamed
// over the journal and the directory synced, so that the journal, once
// reported, survives a crash: the durability journal.OpenFile gives a
// journal appended entry by entry, for a journal written whole. On error
// the temporary file is removed.
func (j *journalFile) write(a *graded) (*journalInfo, error) {
	info, err := writeTrail(j.out, a)
	info.File = j.name
	if err == nil {
		err = j.out.Commit()
	}
	if err != nil {
		j.out.Abort()
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
