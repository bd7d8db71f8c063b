package witness_test

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/witness"
	"golang.org/x/mod/sumdb/tlog"
)

// A witness mirrors the tiles of a tree of five records and reads the
// tree's hashes back from them, each checked against the checkpoint; a
// checkpoint the tiles do not match is refused.
func ExampleMirror() {
	var hashes []tlog.Hash // the tree's stored hashes, as tlog numbers them
	tree := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(idx))
		for j, x := range idx {
			out[j] = hashes[x]
		}
		return out, nil
	})
	for i := range int64(5) {
		h, err := tlog.StoredHashes(i, fmt.Appendf(nil, "record %d", i), tree)
		if err != nil {
			fmt.Println(err)
			return
		}
		hashes = append(hashes, h...)
	}
	root, err := tlog.TreeHash(5, tree)
	if err != nil {
		fmt.Println(err)
		return
	}

	mirror, err := witness.Mirror(tree, 2, tlog.Tree{N: 5, Hash: root})
	if err != nil {
		fmt.Println(err)
		return
	}
	back, err := tlog.TreeHash(5, mirror)
	fmt.Println("root read back from the mirror:", back == root, err)

	forged, err := witness.Mirror(tree, 2, tlog.Tree{N: 5, Hash: tlog.RecordHash([]byte("forged"))})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = tlog.TreeHash(5, forged)
	fmt.Println("against another root:", err != nil)
	// Output:
	// root read back from the mirror: true <nil>
	// against another root: true
}
