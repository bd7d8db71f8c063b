package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Writer appends entries to a journal. Each entry is written with a single
// Write call of its whole line, line feed included, and counts once that
// call returns without error (and Options.Sync, if set, too).
//
// A Writer is safe for concurrent use: appends are serialised, and the order
// in which they are made is the order of the journal. Once a Write or a Sync
// fails, the journal may end in a torn line, so every later append returns
// that first error: run [Recover] on the journal and resume with
// [NewWriterAt]. A Writer does not buffer; wrap the destination in a
// bufio.Writer for throughput, and flush it yourself.
//
// An append that the Writer refuses writes nothing and leaves the Writer
// usable: ErrInvalid for a payload that cannot be journaled exactly (a
// string that is not valid UTF-8, a value encoding/json refuses such as an
// unknown enum or a year after 9999), ErrLineTooLong for an entry longer
// than Options.MaxLine. The Writer does not check that events follow the
// lifecycle: journal what (*matters.Matter).Apply and the Book accepted.
type Writer struct {
	mu      sync.Mutex
	w       io.Writer
	sync    func() error
	maxLine int
	head    Head
	err     error
	line    []byte
	payload bytes.Buffer
	enc     *json.Encoder
	sha     hash.Hash
	sum     Hash
}

// NewWriter returns a Writer that starts a new journal on w: its first entry
// has sequence number 1. It panics if w is nil.
func NewWriter(w io.Writer, opts *Options) *Writer {
	return NewWriterAt(w, Head{}, opts)
}

// NewWriterAt returns a Writer that continues a journal whose last entry is
// head, as [Verify] or [Recover] return it; w must write after that entry
// (a file opened with os.O_APPEND after truncation to the sound length). The
// zero Head starts a new journal. A head with a negative Seq, a Seq of
// 10^18-1 or more (the journal is full), or Seq 0 and a non-zero Hash,
// cannot be continued: every append returns an error wrapping ErrInvalid.
// NewWriterAt panics if w is nil.
func NewWriterAt(w io.Writer, head Head, opts *Options) *Writer {
	if w == nil {
		panic("journal: nil io.Writer")
	}
	jw := &Writer{w: w, maxLine: opts.maxLine(), head: head, sha: sha256.New()}
	if opts != nil {
		jw.sync = opts.Sync
	}
	jw.enc = json.NewEncoder(&jw.payload)
	jw.enc.SetEscapeHTML(false)
	if head.Seq < 0 || head.Seq >= maxSeq || (head.Seq == 0 && !head.Hash.IsZero()) {
		jw.err = fmt.Errorf("journal: cannot continue after head %v: %w", head, ErrInvalid)
	}
	return jw
}

// Head returns the last entry written: the zero Head if none was, or the head
// the Writer was made with.
func (w *Writer) Head() Head {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.head
}

// AppendEvent appends a matter event and returns the new head. Its time is
// written in UTC (the same instant).
func (w *Writer) AppendEvent(e matters.Event) (Head, error) {
	e.At = e.At.UTC()
	return w.append(KindEvent, e)
}

// AppendEvaluation appends an evaluation and returns the new head. Its time
// is written in UTC (the same instant).
func (w *Writer) AppendEvaluation(e scoring.Evaluation) (Head, error) {
	e.At = e.At.UTC()
	return w.append(KindEvaluation, e)
}

// AppendAmendment appends an amendment of an evaluation (the original entry
// stays) and returns the new head. Its time is written in UTC. An amendment
// names its Author and its Reason; one without either is ErrInvalid.
func (w *Writer) AppendAmendment(a scoring.Amendment) (Head, error) {
	if a.Author == "" || a.Reason == "" {
		return w.Head(), fmt.Errorf("journal: %s: an amendment needs its author and its reason: %w", describe(a), ErrInvalid)
	}
	a.At = a.At.UTC()
	return w.append(KindAmendment, a)
}

func describeEvaluation(what string, e scoring.Evaluation) string {
	return fmt.Sprintf("%s of %q on matter %q by %q, stage %d", what, e.Subject, e.Matter, e.Evaluator, e.Stage)
}

// describe names a payload in an error message.
func describe(v any) string {
	switch v := v.(type) {
	case matters.Event:
		return fmt.Sprintf("event %q#%d", v.Matter, v.Seq)
	case scoring.Evaluation:
		return describeEvaluation("evaluation", v)
	case scoring.Amendment:
		return describeEvaluation("amendment", v.Evaluation)
	}
	return fmt.Sprintf("%T", v)
}

func (w *Writer) append(k Kind, v any) (Head, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.head, w.err
	}
	w.payload.Reset()
	if err := w.enc.Encode(v); err != nil {
		return w.head, fmt.Errorf("journal: %s: %w: %w", describe(v), ErrInvalid, err)
	}
	payload := unescapeHTML(bytes.TrimSuffix(w.payload.Bytes(), []byte{'\n'}))
	if !exactUTF8(payload) {
		return w.head, fmt.Errorf("journal: %s: a string is not valid UTF-8: %w", describe(v), ErrInvalid)
	}
	return w.appendPayload(k, v, payload)
}

// appendPayload writes one entry with an encoded payload; v is only for
// error messages. w.mu is held.
func (w *Writer) appendPayload(k Kind, v any, payload []byte) (Head, error) {
	seq := w.head.Seq + 1
	if seq > maxSeq {
		return w.head, fmt.Errorf("journal: %s: the journal is full at entry %d: %w", describe(v), w.head.Seq, ErrInvalid)
	}
	w.line = appendLine(w.line[:0], &w.sum, w.sha, seq, k, w.head.Hash, payload)
	if len(w.line)-1 > w.maxLine {
		return w.head, fmt.Errorf("journal: %s: entry %d would be %d bytes, over the limit of %d: %w",
			describe(v), seq, len(w.line)-1, w.maxLine, ErrLineTooLong)
	}
	n, err := w.w.Write(w.line)
	if err == nil && n < len(w.line) {
		err = io.ErrShortWrite
	}
	if err == nil && w.sync != nil {
		err = w.sync()
	}
	if err != nil {
		w.err = fmt.Errorf("journal: writing entry %d (%s): %w", seq, describe(v), err)
		return w.head, w.err
	}
	w.head = Head{Seq: seq, Hash: w.sum}
	return w.head, nil
}

// unescapeHTML rewrites the escapes \u003c, \u003e and \u0026 as <, > and
// &, in place: the encoder writes none with HTML escaping off, but a
// payload field's own MarshalJSON may (json.Marshal escapes HTML). The
// canonical payload has none.
func unescapeHTML(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u00`)) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			if i+5 < len(b) && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
				switch string(b[i+4 : i+6]) {
				case "3c":
					out = append(out, '<')
					i += 5
					continue
				case "3e":
					out = append(out, '>')
					i += 5
					continue
				case "26":
					out = append(out, '&')
					i += 5
					continue
				}
			}
			// Any other escape: keep it whole, so that an escaped backslash
			// is never read as the start of another escape.
			out = append(out, b[i], b[i+1])
			i++
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// exactUTF8 reports whether encoding/json wrote every string as it was:
// it writes the escape \ufffd only in place of invalid UTF-8 (a real U+FFFD
// is written as itself).
func exactUTF8(b []byte) bool {
	for {
		i := bytes.Index(b, []byte(`\ufffd`))
		if i < 0 {
			return utf8.Valid(b)
		}
		// The escape is real only if an even number of backslashes precede it.
		n := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return false
		}
		b = b[i+1:]
	}
}
