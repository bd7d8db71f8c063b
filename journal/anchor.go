package journal

import (
	"fmt"
	"io"
)

// VerifyAnchor checks that the journal in r, up to the entry a names, is
// sound and that this entry's hash is a.Hash: that nothing at or before the
// anchor was changed since it was published. Entries after the anchor are
// not read. A journal that ends before the anchor, or whose entry there has
// another hash, is a [*VerifyError] wrapping ErrAnchor; a problem before the
// anchor is reported as [Verify] reports it. The zero Anchor (an empty
// journal) always holds.
func VerifyAnchor(r io.Reader, a Anchor, opts *Options) error {
	if a.Seq < 0 || (a.Seq == 0 && !a.Hash.IsZero()) {
		return fmt.Errorf("journal: anchor %v names no entry: %w", a, ErrInvalid)
	}
	jr := NewReader(r, opts)
	for jr.head.Seq < a.Seq {
		if _, err := jr.next(); err != nil {
			if err == io.EOF {
				return jr.fail(ErrAnchor, 0, "the journal ends after entry %d, before the anchored entry %d: entries were removed", jr.head.Seq, a.Seq)
			}
			return err
		}
	}
	if jr.head.Hash != a.Hash {
		return &VerifyError{
			Line: a.Seq, Found: a.Seq, Offset: jr.off - jr.last, Head: jr.head, Err: ErrAnchor,
			Reason: fmt.Sprintf("entry %d's hash is %s, not the anchored %s: the journal was rewritten at or before it", a.Seq, jr.head.Hash, a.Hash),
		}
	}
	return nil
}
