package main

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/journal"
)

// TestReceiptsPaged: GET /receipts serves at most Config.ReceiptsPage
// receipts a reply, all against one checkpoint kept, and the path of the
// next page in its Link while there is one; the pages, followed, are
// the receipts served in one reply, byte for byte, and, with the journal
// growing between pages, every entry of the checkpoint of the last.
func TestReceiptsPaged(t *testing.T) {
	const size = 3 // receipts a page
	c, year, cfg := withYear(t)
	cfg = withKey(t, cfg)
	cfg.ReceiptsPage = size
	pool := c.database(t, "paged")
	_, paged := serve(t, pool, cfg)
	postAll(t, paged, year.subs[:200])
	v := verifierAt(t, paged)
	subject := busiest(t, journalRows(t, pool))
	queries := []string{"subject=" + url.QueryEscape(subject), "matter=" + url.QueryEscape(year.subs[0].Event.Matter)}

	// walk follows the pages from path, calling between(i) after page i,
	// and returns them and their checkpoints, the receipts checked with
	// the key, each page's against one checkpoint kept.
	walk := func(t *testing.T, path string, between func(int)) ([]page, []journal.Checkpoint) {
		t.Helper()
		var pages []page
		var cps []journal.Checkpoint
		for i := 0; path != ""; i++ {
			p := pageAt(t, paged+path)
			if len(p.rcs) == 0 || len(p.rcs) > size || len(p.rcs) < size && p.next != "" {
				t.Fatalf("GET %s: %d receipts, next %q; want 1 to %d, the next page only after %d", path, len(p.rcs), p.next, size, size)
			}
			for j, rc := range p.rcs {
				_, cp, err := rc.Verify(v)
				if err != nil || string(rc.Checkpoint) != string(p.rcs[0].Checkpoint) {
					t.Fatalf("GET %s, receipt %d (entry %d): %v; want one that verifies against the page's first checkpoint", path, j, rc.Entry.Seq, err)
				}
				if j == 0 {
					cps = append(cps, cp)
				}
			}
			requireKept(t, pool, p.rcs[0].Checkpoint)
			pages = append(pages, p)
			path = p.next
			between(i)
		}
		return pages, cps
	}

	whole := cfg
	whole.ReceiptsPage = 1 << 20
	_, one := serve(t, c.pool(t, "paged"), whole) // the same journal, every receipt in one reply
	for _, q := range queries {
		t.Run(q, func(t *testing.T) {
			all := pageAt(t, one+"/receipts?"+q)
			n := len(all.rcs)
			if n <= size || all.next != "" {
				t.Fatalf("%d receipts in one reply, next %q: want more than a page (%d), and no next", n, all.next, size)
			}
			pages, _ := walk(t, "/receipts?"+q, func(int) {})
			var body strings.Builder
			for _, p := range pages {
				body.WriteString(p.body)
			}
			if diff := cmp.Diff(strings.Split(all.body, "\n"), strings.Split(body.String(), "\n")); diff != "" {
				t.Errorf("the pages joined against the receipts in one reply, mismatch (-want +got):\n%s", diff)
			}
			if want := (n + size - 1) / size; len(pages) != want {
				t.Errorf("%d pages of %d receipts; want %d", len(pages), n, want)
			}
			// A page that holds the last receipts, exactly a page of them,
			// has no next; after the last, a page has none at all.
			for _, tt := range []struct {
				after int64
				want  int
			}{{all.rcs[n-size-1].Entry.Seq, size}, {all.rcs[n-1].Entry.Seq, 0}, {0, size}} {
				p := pageAt(t, fmt.Sprintf("%s/receipts?%s&after=%d", paged, q, tt.after))
				var got []int64
				for _, rc := range p.rcs {
					got = append(got, rc.Entry.Seq)
				}
				var want []int64
				for _, rc := range all.rcs {
					if rc.Entry.Seq > tt.after && len(want) < tt.want {
						want = append(want, rc.Entry.Seq)
					}
				}
				if diff := cmp.Diff(want, got); diff != "" || (p.next != "") != (tt.after == 0) {
					t.Errorf("after %d: next %q, the entries mismatch (-want +got):\n%s", tt.after, p.next, diff)
				}
			}
		})
	}

	// The journal grows between the pages: each page is against its own
	// checkpoint, the later no smaller, and the pages hold every entry of
	// the subject that the last page's checkpoint holds.
	t.Run("the journal grows between the pages", func(t *testing.T) {
		pages, cps := walk(t, "/receipts?"+queries[0], func(i int) {
			if i < 5 {
				postAll(t, paged, year.subs[200+20*i:220+20*i])
			}
		})
		var seqs []int64
		for _, p := range pages {
			for _, rc := range p.rcs {
				seqs = append(seqs, rc.Entry.Seq)
			}
		}
		last := cps[len(cps)-1]
		for i := 1; i < len(cps); i++ {
			if cps[i].Size < cps[i-1].Size {
				t.Errorf("page %d is against a checkpoint of %d entries, page %d of %d", i, cps[i].Size, i-1, cps[i-1].Size)
			}
		}
		if cps[0].Size == last.Size {
			t.Fatalf("the journal did not grow between the pages: the test shows nothing")
		}
		if diff := cmp.Diff(entriesOf(t, journalRows(t, pool), last.Size, "", subject), seqs); diff != "" {
			t.Errorf("the entries receipted mismatch (-want +got):\n%s", diff)
		}
	})
}
