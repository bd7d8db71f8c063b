package scoring_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

var strictCST = time.FixedZone("CST", 8*3600)

// strictTable is a small sound table with every kind of field.
func strictTable() *scoring.Table {
	yes, half := true, decimal.New(5, -1)
	return &scoring.Table{
		Version: "strict-1",
		Scale:   scoring.Scale{{Code: "good", Label: "好", Points: decimal.New(90, 0)}, {Code: "poor", Label: "差", Points: decimal.New(605, -1)}},
		Rules: []scoring.TableRule{
			{Name: "fast", Doc: "快", Grade: "good", Types: []string{"违法建设"}, Responded: &yes, ResponseAtMost: &half, QualityMin: 3, Satisfaction: scoring.Satisfied},
			{Name: "else", Grade: "poor"},
		},
	}
}

func strictBook(t *testing.T) *scoring.Book {
	b := scoring.NewBook(nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, strictCST)
	e := scoring.Evaluation{Matter: "M1", Subject: "城管局", Evaluator: "赭山街道", At: at,
		Result: scoring.Result{Grade: "good", Points: decimal.New(905, -1), Policy: "strict-1", Reasons: reason.Texts("rule 1 \"fast\": 好")}}
	if err := b.Record(e); err != nil {
		t.Fatal(err)
	}
	a := scoring.Amendment{Evaluation: e, Author: "审计", Reason: "复核"}
	a.At, a.Result.Grade, a.Result.Points = at.Add(time.Hour), "poor", decimal.New(605, -1)
	if err := b.Amend(a); err != nil {
		t.Fatal(err)
	}
	return b
}

func under(prefix string) func(string) bool {
	return func(path string) bool { return strings.HasPrefix(path, prefix) }
}

// TestStrictDecoders: every decoder of the package refuses a misspelt
// key, a key in another case, a key given twice and text that is not
// UTF-8, at every place of a sound input, nested ones included, whether
// called directly or through encoding/json inside another value.
func TestStrictDecoders(t *testing.T) {
	yes := true
	facts := scoring.Facts{Matter: "M1", Subject: "城管局", Type: "违法建设", Response: time.Hour, ResponseLimit: 2 * time.Hour,
		Responded: true, Quality: 4, Satisfied: &yes, Attrs: map[string]string{"来源": "12345"}}
	book := strictBook(t)
	score := book.Scores(scoring.Year(2020))
	graded, err := strictTable().Evaluate(facts)
	if err != nil {
		t.Fatal(err)
	}
	record := facts.Evaluation(time.Date(2020, 6, 1, 9, 0, 0, 0, strictCST), graded)
	record.Evaluator, record.Facts = "赭山街道", &facts
	record.Facts.Evaluator = "赭山街道"
	into := func(v func() any) func([]byte) error {
		return func(b []byte) error { return json.Unmarshal(b, v()) }
	}
	free := func(path string) bool { return strings.HasSuffix(path, "attrs") || strings.HasSuffix(path, "grades") }
	for _, c := range []struct {
		name   string
		sound  []byte
		only   func(string) bool
		decode func([]byte) error
	}{
		{"LoadTable", hardening.MustJSON(t, strictTable()), nil, func(b []byte) error { _, err := scoring.LoadTable(bytes.NewReader(b)); return err }},
		{"Table.UnmarshalJSON", hardening.MustJSON(t, strictTable()), nil, into(func() any { return new(scoring.Table) })},
		{"Table.UnmarshalJSON in a map", hardening.MustJSON(t, map[string]*scoring.Table{"t": strictTable()}), under("t"), into(func() any { return new(map[string]*scoring.Table) })},
		{"TableRule.UnmarshalJSON in a slice", hardening.MustJSON(t, strictTable().Rules), under("[0]"), into(func() any { return new([]scoring.TableRule) })},
		{"Grade.UnmarshalJSON in a Scale", hardening.MustJSON(t, []scoring.Scale{strictTable().Scale}), under("[0]["), into(func() any { return new([]scoring.Scale) })},
		{"Facts.UnmarshalJSON", hardening.MustJSON(t, facts), nil, into(func() any { return new(scoring.Facts) })},
		{"Facts.UnmarshalJSON in a slice", hardening.MustJSON(t, []scoring.Facts{facts}), under("[0]"), into(func() any { return new([]scoring.Facts) })},
		{"Result.UnmarshalJSON in evaluations", hardening.MustJSON(t, book.Evaluations()), under("[0].result"), into(func() any { return new([]scoring.Evaluation) })},
		{"a decision record: Result and Facts in evaluations", hardening.MustJSON(t, []scoring.Evaluation{record}), func(p string) bool {
			return strings.HasPrefix(p, "[0].result") || strings.HasPrefix(p, "[0].facts")
		}, into(func() any { return new([]scoring.Evaluation) })},
		{"Score.UnmarshalJSON in a slice", hardening.MustJSON(t, score), under("[0]"), into(func() any { return new([]scoring.Score) })},
		{"Book.UnmarshalJSON", hardening.MustJSON(t, book), nil, into(func() any { return scoring.NewBook(nil) })},
		{"Book.UnmarshalJSON in a map", hardening.MustJSON(t, map[string]*scoring.Book{"b": book}), under("b"), into(func() any { return new(map[string]*scoring.Book) })},
	} {
		t.Run(c.name, func(t *testing.T) {
			flat := c.name == "Facts.UnmarshalJSON" // its one object inside is a map
			hardening.Strict(t, c.sound, hardening.StrictOptions{Free: free, Only: c.only, Flat: flat}, scoring.ErrInvalid, c.decode)
		})
	}
}

// TestNamedDefects: the defects a review of the decoders found, each
// refused.
func TestNamedDefects(t *testing.T) {
	sound := string(hardening.MustJSON(t, strictTable()))
	for _, c := range []struct {
		name, in, want string
	}{
		{"a rule with grade twice", strings.Replace(sound, `"grade":"good"`, `"grade":"poor","grade":"good"`, 1), `duplicate key "grade"`},
		{"a condition in upper case", strings.Replace(sound, `"qualityMin"`, `"QUALITYMIN"`, 1), `field "QUALITYMIN" is spelt "qualityMin" here`},
		{"a misspelt condition", strings.Replace(sound, `"qualityMin"`, `"qualtyMin"`, 1), `unknown field "qualtyMin"`},
		{"text that is not UTF-8", strings.Replace(sound, `"快"`, "\"\xe5\xbf\"", 1), "string is not valid UTF-8 at rules[0].doc"},
		{"a lone surrogate", strings.Replace(sound, `"快"`, `"\ud800"`, 1), "string is not valid UTF-8 at rules[0].doc"},
	} {
		_, err := scoring.LoadTable(strings.NewReader(c.in))
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: LoadTable = %v, want ErrInvalid saying %q", c.name, err, c.want)
		}
	}
}

// refusedFast checks that decode refuses with an error that wraps
// ErrInvalid and names the bound, whatever decimal's MaxDecodeExponent is,
// and at once. It takes a few milliseconds (BenchmarkRefuse measures each
// input); the guard here is a second, room for a loaded machine, where these
// inputs once took minutes.
func refusedFast(t *testing.T, what string, want string, decode func() error) {
	// (A test takes its input already made: the time is the decoder's.)
	t.Helper()
	defer func(m int) { decimal.MaxDecodeExponent = m }(decimal.MaxDecodeExponent)
	for _, m := range []int{1, 10000, math.MaxInt32} {
		decimal.MaxDecodeExponent = m
		var err error
		took := hardening.Took(func() { err = decode() })
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s, MaxDecodeExponent %d: %.300v; want ErrInvalid saying %q", what, m, err, want)
		}
		if took > hardening.Budget(time.Second) {
			t.Errorf("%s, MaxDecodeExponent %d: refused after %s", what, m, took)
		}
	}
}

// TestUnboundedNumbers: the inputs that once took minutes are refused
// at once.
func TestUnboundedNumbers(t *testing.T) {
	sound := string(hardening.MustJSON(t, strictTable()))
	digits := func(n int) string { return "1" + strings.Repeat("0", n-1) }
	load := func(in string) func() error {
		return func() error { _, err := scoring.LoadTable(strings.NewReader(in)); return err }
	}
	refusedFast(t, "a scale with a point of 4,000,000 digits", "decision table: json: decimal \"1000000000000000000000000000000000000000000000000000000000000000\"… longer than 64 characters at scale[0].points",
		load(strings.Replace(sound, `"points":"90"`, `"points":"`+digits(4_000_000)+`"`, 1)))
	refusedFast(t, "a bare point of 4,000,000 digits", "longer than 64 characters at scale[0].points",
		load(strings.Replace(sound, `"points":"90"`, `"points":`+digits(4_000_000), 1)))
	refusedFast(t, "a threshold of 15 MiB of digits", "longer than 64 characters at rules[0].responseAtMost",
		load(strings.Replace(sound, `"responseAtMost":"0.5"`, `"responseAtMost":"0.`+strings.Repeat("5", 15<<20)+`"`, 1)))
	refusedFast(t, "a quality bound of 15 MiB of digits", "longer than 64 characters at rules[0].qualityMin",
		load(strings.Replace(sound, `"qualityMin":3`, `"qualityMin":`+digits(15<<20), 1)))
	refusedFast(t, "a rule name of 15 MiB", "string longer than 4194304 bytes (the most a string may hold) at rules[0].name",
		load(strings.Replace(sound, `"name":"fast"`, `"name":"`+strings.Repeat("x", 15<<20)+`"`, 1)))
	refusedFast(t, "a threshold of 4 MiB of digits", "decision table: json: decimal \"0.55555555555555555555555555555555555555555555555555555555555555\"… longer than 64 characters at rules[0].responseAtMost",
		load(strings.Replace(sound, `"responseAtMost":"0.5"`, `"responseAtMost":"0.`+strings.Repeat("5", 4<<20-3)+`"`, 1)))

	book := []byte(strings.Replace(string(hardening.MustJSON(t, strictBook(t))), `"points":"90.5"`, `"points":"`+digits(8_000_000)+`"`, 1))
	refusedFast(t, "a book with a point of 8,000,000 digits", "longer than 64 characters at evaluations[0].result.points",
		func() error { return scoring.NewBook(nil).UnmarshalJSON(book) })
	eval := []byte(strings.Replace(string(hardening.MustJSON(t, strictBook(t).Evaluations()[0])), `"points":"90.5"`, `"points":`+digits(4_000_000), 1))
	refusedFast(t, "an evaluation with points of 4,000,000 digits", "longer than 64 characters at points",
		func() error {
			var r scoring.Result
			return r.UnmarshalJSON(eval[bytes.Index(eval, []byte(`{"grade"`)) : len(eval)-1])
		})
	huge := decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(4_000_000), nil), -2)
	refusedFast(t, "recording points of 4,000,001 digits", "points of more than 64 characters",
		func() error {
			e := strictBook(t).Evaluations()[0]
			e.Matter, e.Result.Points = "M2", huge
			return scoring.NewBook(nil).Record(e)
		})
	// A threshold of 19 digits whose exponent writes two thousand million
	// zeros: refused before anything writes them.
	far := []reason.Reason{{Rule: 1, Checks: []reason.Check{{Of: reason.Response, Op: reason.AtMost, Threshold: decimal.New(math.MaxInt64, math.MaxInt32)}}}}
	refusedFast(t, "recording a threshold of 2^31 digits", "a threshold of more than 64 characters",
		func() error {
			e := strictBook(t).Evaluations()[0]
			e.Matter, e.Result.Reasons = "M2", far
			return scoring.NewBook(nil).Record(e)
		})
	refusedFast(t, "amending with a threshold of 2^31 digits", "a threshold of more than 64 characters",
		func() error {
			b := strictBook(t)
			a := b.Amendments()[0]
			a.Result.Reasons = far
			return b.Amend(a)
		})
}

// TestRecordRefusesWhatJSONCannotWrite: an evaluation JSON could not
// write, or read back, is refused at Record and Amend, and a book that
// holds what Record takes always marshals.
func TestRecordRefusesWhatJSONCannotWrite(t *testing.T) {
	b := strictBook(t)
	base := b.Evaluations()[0]
	for _, c := range []struct {
		name string
		edit func(*scoring.Evaluation)
		want string
	}{
		{"9999-12-31T20:00Z, year 10000 in China", func(e *scoring.Evaluation) { e.At = time.Date(9999, 12, 31, 20, 0, 0, 0, time.UTC) }, "a time outside the years 1 to 9999"},
		{"year 0", func(e *scoring.Evaluation) { e.At = time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC) }, "a time outside the years 1 to 9999"},
		{"points of 65 digits", func(e *scoring.Evaluation) { e.Result.Points = decimal.New(1, 64) }, "points of more than 64 characters"},
		{"points of 63 places", func(e *scoring.Evaluation) { e.Result.Points = decimal.New(1, -63) }, "points of more than 64 characters"},
		{"negative points of 62 places", func(e *scoring.Evaluation) { e.Result.Points = decimal.New(-1, -62) }, "points of more than 64 characters"},
		{"a matter name over 4 MiB", func(e *scoring.Evaluation) { e.Matter = strings.Repeat("x", 4<<20+1) }, "a name longer than 4194304 bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := base
			e.Matter = "M-new"
			c.edit(&e)
			if err := b.Record(e); !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Record = %v, want ErrInvalid saying %q", err, c.want)
			}
			a := scoring.Amendment{Evaluation: base, Author: "审计", Reason: "复核"}
			a.At, a.Result = e.At, e.Result
			if c.name == "a matter name over 4 MiB" {
				a.Author = e.Matter
			}
			if err := b.Amend(a); !errors.Is(err, scoring.ErrInvalid) {
				t.Errorf("Amend = %v, want ErrInvalid", err)
			}
		})
	}
	if _, err := json.Marshal(b); err != nil {
		t.Errorf("the book no longer marshals: %v", err)
	}
	// The edges themselves are taken, and read back.
	for _, e := range []scoring.Evaluation{
		func() scoring.Evaluation {
			e := base
			e.Matter, e.At = "first", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)
			return e
		}(),
		func() scoring.Evaluation {
			e := base
			e.Matter, e.At = "last", time.Date(9999, 12, 31, 23, 59, 59, 999999999, strictCST)
			return e
		}(),
		func() scoring.Evaluation {
			e := base
			e.Matter, e.Result.Points = "long", decimal.New(-1, -61)
			return e
		}(),
		func() scoring.Evaluation {
			e := base
			e.Matter, e.Result.Points = "wide", decimal.New(-1, 62)
			return e
		}(),
	} {
		if err := b.Record(e); err != nil {
			t.Errorf("Record(%s): %v", e.Matter, err)
		}
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, scoring.NewBook(nil)); err != nil {
		t.Errorf("the book does not read back: %v", err)
	}
}

// TestRecordMonotonicClock: a time from time.Now is kept as its wall
// clock, as a journal and the book's JSON keep it.
func TestRecordMonotonicClock(t *testing.T) {
	now := time.Now()
	e := strictBook(t).Evaluations()[0]
	e.At = now
	b := scoring.NewBook(nil)
	if err := b.Record(e); err != nil {
		t.Fatal(err)
	}
	if got := b.Evaluations()[0].At; got.Round(0) != got || !got.Equal(now) {
		t.Errorf("the book keeps %#v for %#v", got, now)
	}
}

// TestBookErrorsCapped: a book of a thousand bad evaluations reports a
// hundred, and the number of the others.
func TestBookErrorsCapped(t *testing.T) {
	var es []string
	for range 1000 {
		es = append(es, `{"matter":"","subject":"s","evaluator":"e","at":"2020-06-01T09:00:00+08:00","result":{"grade":"g","points":"1"}}`)
	}
	err := json.Unmarshal([]byte(`{"evaluations":[`+strings.Join(es, ",")+`]}`), scoring.NewBook(nil))
	if !errors.Is(err, scoring.ErrInvalid) || strings.Count(err.Error(), "\n") != 100 ||
		!strings.HasSuffix(err.Error(), "scoring: invalid: 900 more problems (only the first 100 are listed)") {
		t.Errorf("UnmarshalJSON = %.500v", err)
	}
}

// TestLongTableText: a table text over 256 bytes is refused before the
// region check, which would compare it in every region.
func TestLongTableText(t *testing.T) {
	sound := string(hardening.MustJSON(t, strictTable()))
	in := strings.Replace(sound, `"违法建设"`, `"`+strings.Repeat("x", 4<<20-1)+`"`, 1)
	var err error
	took := hardening.Took(func() { _, err = scoring.LoadTable(strings.NewReader(in)) })
	if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `rules[0] types[0] "xxxx`) || !strings.Contains(err.Error(), "is longer than 256 bytes, the longest text of a table") {
		t.Errorf("LoadTable = %.300v", err)
	}
	if took > hardening.Budget(2*time.Second) { // some tens of milliseconds: decoding 4 MiB; the check after it none
		t.Errorf("LoadTable took %s", took)
	}
}
