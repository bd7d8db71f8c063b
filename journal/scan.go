package journal

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"sync"

	"github.com/qingdan/qingdan/journal/internal/canon"
)

// scan reads a journal, checking every line, and stops at its end (a nil
// error), at the first problem (the error), or after limit entries if
// limit ≥ 0. It returns the reader, which holds the state reached: the
// head, the sound bytes, the tree given in opts and the checkpoints cps
// still unmet.
//
// With more than one worker, the journal is read in blocks of whole lines
// that workers check on their own — each line carries the hash of the one
// before it, so lines are checked independently, and the blocks' links to
// one another in order. A block with any problem, a line longer than a
// block and the last bytes after the last line feed are read again by a
// Reader, from the block on, with the state reached: so errors are
// reported exactly as one Reader reports them.
func scan(src io.Reader, opts *Options, cps []Checkpoint, limit int64) (*Reader, error) {
	r := NewReader(src, opts)
	if r.err != nil {
		return r, r.err
	}
	if err := r.expect(cps); err != nil {
		return r, err
	}
	if n := opts.workers(); n > 1 {
		p := &pipeline{src: src, maxLine: r.maxLine, workers: n}
		rest, err := p.run(r, limit)
		if err != nil || rest == nil {
			return r, err
		}
		r.br = bufio.NewReaderSize(rest, r.br.Size())
	}
	for limit < 0 || r.head.Seq < limit {
		if _, err := r.next(); err != nil {
			if err == io.EOF {
				return r, nil
			}
			return r, err
		}
	}
	return r, nil
}

// blockSize is the size of the blocks workers check: large enough that
// handing one over costs little, small enough that a few per worker are
// little memory.
const blockSize = 256 << 10

// pipeline reads blocks, has workers check them, and takes their results
// in order.
type pipeline struct {
	src     io.Reader
	maxLine int
	workers int
	order   chan *block // blocks in journal order
	jobs    chan *block
	stop    chan struct{}
	halt    sync.Once
	free    chan []byte
	wg      sync.WaitGroup // the producer and the workers
	left    *block         // what the producer read but did not send when stopped
}

// block is a run of whole lines, or the last bytes of what was read.
type block struct {
	data  []byte
	final bool  // the last block: bytes after the last line feed, or from a line longer than a block on
	ended bool  // nothing follows in the source (its end, or err)
	err   error // a read error after data
	done  chan checked
}

// checked is what a worker found in a block.
type checked struct {
	ok        bool // every line sound and linked to the one before it
	firstSeq  int64
	firstPrev [64]byte
	lastPrev  [64]byte
	lastHex   [64]byte
	hashes    []Hash
	lens      []int32
}

// run takes the checked blocks in order into r. It returns nil, nil at the
// end of a journal whose blocks are all sound, or after limit entries; a
// reader of the rest of the journal, from the first block it did not take,
// for r to read; or an error of r's.
func (p *pipeline) run(r *Reader, limit int64) (io.Reader, error) {
	p.order = make(chan *block, 2*p.workers)
	p.jobs = make(chan *block, 2*p.workers)
	p.stop = make(chan struct{})
	p.free = make(chan []byte, 4*p.workers)
	p.wg.Add(1 + p.workers)
	go p.produce()
	for range p.workers {
		go p.work()
	}
	defer p.wg.Wait()
	defer p.halt.Do(func() { close(p.stop) })
	for b := range p.order {
		if b.final {
			if len(b.data) == 0 && b.ended && b.err == nil {
				return nil, nil
			}
			return p.rest(b), nil
		}
		c := <-b.done
		if !c.ok || c.firstSeq != r.head.Seq+1 || c.firstPrev != r.headHex {
			return p.rest(b), nil
		}
		for i, h := range c.hashes {
			if limit >= 0 && r.head.Seq == limit {
				return nil, nil
			}
			r.head = Head{Seq: r.head.Seq + 1, Hash: h}
			r.off += int64(c.lens[i])
			r.last = int64(c.lens[i])
			if err := r.accept(); err != nil {
				r.err = err
				return nil, err
			}
		}
		r.headHex, r.before = c.lastHex, c.lastPrev
		select {
		case p.free <- b.data[:0]:
		default:
		}
	}
	panic("journal: the producer stopped without a last block")
}

// rest stops the producer and returns the bytes of b and of every block
// after it, then the rest of the source.
func (p *pipeline) rest(b *block) io.Reader {
	p.halt.Do(func() { close(p.stop) })
	var readers []io.Reader
	last := b
	add := func(b *block) {
		readers = append(readers, bytes.NewReader(b.data))
		last = b
	}
	add(b)
	for n := range p.order { // the producer closes it when it stops
		add(n)
	}
	if p.left != nil {
		add(p.left)
	}
	switch {
	case last.err != nil:
		readers = append(readers, errReader{last.err})
	case !last.ended:
		readers = append(readers, p.src)
	}
	return io.MultiReader(readers...)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// produce reads the source into blocks of whole lines, sends them to the
// workers and, in order, to run. Its last block is final. Stopped, it
// leaves what it read and did not send in p.left.
func (p *pipeline) produce() {
	defer p.wg.Done()
	defer close(p.order)
	defer close(p.jobs)
	var carry []byte
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		default:
			buf = make([]byte, 0, blockSize)
		}
		buf = append(buf, carry...)
		var err error
		for err == nil {
			if len(buf) == cap(buf) {
				if bytes.LastIndexByte(buf, '\n') >= 0 {
					break
				}
				if len(buf) > p.maxLine+1 { // a line too long for a block: the reader reports it
					p.send(&block{data: buf, final: true}, nil)
					return
				}
				buf = slices.Grow(buf, len(buf))
			}
			var n int
			n, err = p.src.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
		}
		i := bytes.LastIndexByte(buf, '\n')
		carry = bytes.Clone(buf[i+1:])
		tail := &block{data: carry, final: true, ended: true, err: err}
		if err == io.EOF {
			tail.err = nil
		}
		if err == nil {
			tail = &block{data: carry}
		}
		if i >= 0 && !p.send(&block{data: buf[:i+1], done: make(chan checked, 1)}, tail) {
			return
		}
		if err != nil {
			p.send(tail, nil)
			return
		}
	}
}

// send sends a block to run and, unless it is final, to the workers. If
// the pipeline is stopped before run has it, it leaves the block, and
// after it the unsent bytes of next, in p.left, and returns false.
func (p *pipeline) send(b, next *block) bool {
	select {
	case p.order <- b:
	case <-p.stop:
		left := &block{data: b.data, ended: b.ended, err: b.err}
		if next != nil {
			left.data = append(left.data, next.data...)
			left.ended, left.err = next.ended, next.err
		}
		p.left = left
		return false
	}
	if b.final {
		return true
	}
	select {
	case p.jobs <- b:
		return true
	case <-p.stop:
		if next != nil {
			p.left = next
		}
		return false
	}
}

// work checks blocks.
func (p *pipeline) work() {
	defer p.wg.Done()
	for b := range p.jobs {
		b.done <- p.check(b.data)
	}
}

// check checks the lines of a block: each sound in itself and linked to
// the one before it in the block.
func (p *pipeline) check(data []byte) checked {
	var c checked
	var sum Hash
	var sumHex, prevHex [64]byte
	sc := new(canon.Scanner)
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		line := data[:i]
		data = data[i+1:]
		if len(line) > p.maxLine {
			return checked{}
		}
		// Not in place: a block whose check is abandoned is read again
		// by a Reader while its worker may still be reading it.
		pl, v, _ := examine(sc, line, false, &sum, &sumHex)
		if v != lineSound {
			return checked{}
		}
		if len(c.hashes) == 0 {
			c.firstSeq = pl.seq
			copy(c.firstPrev[:], pl.prevHex)
		} else if pl.seq != c.firstSeq+int64(len(c.hashes)) || !bytes.Equal(pl.prevHex, prevHex[:]) {
			return checked{}
		}
		prevHex = sumHex
		copy(c.lastPrev[:], pl.prevHex)
		c.hashes = append(c.hashes, sum)
		c.lens = append(c.lens, int32(i+1))
	}
	c.lastHex = prevHex
	c.ok = len(c.hashes) > 0
	return c
}
