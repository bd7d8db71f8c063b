package journal

// DefaultMaxLine is the longest line, in bytes without its line feed, that
// a Reader accepts and a Writer writes unless [Options] say otherwise.
const DefaultMaxLine = 1 << 20

// Options configure a [Writer] or a [Reader]. A nil *Options, like the zero
// Options, means the defaults.
type Options struct {
	// MaxLine is the longest line in bytes, without its line feed: a Reader
	// reports a longer line as ErrLineTooLong without holding it in memory,
	// and a Writer refuses to write one. Zero or negative means
	// DefaultMaxLine. Give a Reader at least the MaxLine its Writer had.
	MaxLine int
	// Sync, if set, is called by a Writer after each entry is written, for
	// example (*os.File).Sync, so that an acknowledged entry survives a
	// crash. A Reader ignores it.
	Sync func() error
}

func (o *Options) maxLine() int {
	if o == nil || o.MaxLine <= 0 {
		return DefaultMaxLine
	}
	return o.MaxLine
}
