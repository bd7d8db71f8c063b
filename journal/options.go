package journal

import "runtime"

// DefaultMaxLine is the longest line, in bytes without its line feed, that
// a Reader accepts and a Writer writes unless [Options] say otherwise.
const DefaultMaxLine = 1 << 20

// Options configure a [Writer], a [Reader] and the functions over whole
// journals. A nil *Options, like the zero Options, means the defaults.
type Options struct {
	// MaxLine is the longest line in bytes, without its line feed: a Reader
	// reports a longer line as ErrLineTooLong without holding it in memory,
	// and a Writer refuses to write one. Zero or negative means
	// DefaultMaxLine. Give a Reader at least the MaxLine its Writer had.
	// A receipt (Tree.Receipt) holds a line of at most DefaultMaxLine,
	// whatever MaxLine is.
	MaxLine int
	// Sync, if set, is called by a Writer after each entry is written, for
	// example (*os.File).Sync, so that an acknowledged entry survives a
	// crash (see the package documentation, # Durability). A Reader
	// ignores it.
	Sync func() error
	// Tree, if set, is the journal's Merkle tree, kept up to date: a
	// Writer adds each entry it writes, and must be made at the tree's
	// head; a Reader, and Verify, Recover and Rebuild, add each sound
	// entry they read to it, and need it empty.
	Tree *Tree
	// Workers is the number of goroutines Verify and Recover check lines
	// with; lines are checked independently, each carrying the hash of
	// the one before it. Zero or negative means runtime.GOMAXPROCS(0); 1
	// checks them on the caller's goroutine.
	Workers int
}

func (o *Options) maxLine() int {
	if o == nil || o.MaxLine <= 0 {
		return DefaultMaxLine
	}
	return o.MaxLine
}

func (o *Options) tree() *Tree {
	if o == nil {
		return nil
	}
	return o.Tree
}

func (o *Options) workers() int {
	if o == nil || o.Workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return o.Workers
}
