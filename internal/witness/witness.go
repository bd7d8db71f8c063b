// Package witness keeps what a witness of a published journal keeps: the
// tiles of its Merkle tree, mirrored from the journal's tree and served
// from memory, read back through tlog.TileHashReader so that every hash is
// checked against a checkpoint. The tests of package journal and of the
// examples compare a rewritten journal with such a mirror.
package witness

import (
	"fmt"

	"golang.org/x/mod/sumdb/tlog"
)

// Mirror copies the tiles of the given height that cover the first
// tree.N records of the tree whose stored hashes r reads, and returns
// them as a tlog.HashReader that checks every hash it serves against
// tree, the checkpoint's size and root. An error reading a tile is
// returned as it is.
func Mirror(r tlog.HashReader, height int, tree tlog.Tree) (tlog.HashReader, error) {
	s := store{height: height, tiles: map[tlog.Tile][]byte{}}
	for _, tile := range tlog.NewTiles(height, 0, tree.N) {
		data, err := tlog.ReadTileData(tile, r)
		if err != nil {
			return nil, err
		}
		s.tiles[tile] = data
	}
	return tlog.TileHashReader(tree, s), nil
}

// store serves the mirrored tiles; it saves nothing.
type store struct {
	height int
	tiles  map[tlog.Tile][]byte
}

func (s store) Height() int { return s.height }

func (s store) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, tile := range tiles {
		data, ok := s.tiles[tile]
		if !ok {
			return nil, fmt.Errorf("no tile %s", tile.Path())
		}
		out[i] = data
	}
	return out, nil
}

func (s store) SaveTiles([]tlog.Tile, [][]byte) {}
