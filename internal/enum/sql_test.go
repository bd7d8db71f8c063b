package enum_test

import (
	"database/sql/driver"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestValue(t *testing.T) {
	for _, tc := range []struct {
		name    string
		got     func() (driver.Value, error)
		want    driver.Value
		wantErr bool
	}{
		{"a named value: its code", func() (driver.Value, error) { return colors.Value(2) }, "green", false},
		{"zero not named: NULL", func() (driver.Value, error) { return colors.Value(0) }, nil, false},
		{"zero named: its code", func() (driver.Value, error) { return answers.Value(0) }, "any", false},
		{"a value not named", func() (driver.Value, error) { return colors.Value(3) }, nil, true},
		{"a negative value", func() (driver.Value, error) { return colors.Value(-1) }, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.got()
			if tc.wantErr != (err != nil) || tc.wantErr && !errors.Is(err, errTest) {
				t.Fatalf("error %v; want one wrapping the sentinel: %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name    string
		src     any
		want    color
		wantErr bool
	}{
		{"a code", "green", 2, false},
		{"a code as bytes", []byte("red"), 1, false},
		{"a label", "绿", 2, false},
		{"an alias", "赤", 1, false},
		{"NULL: the zero value", nil, 0, false},
		{"the empty text: the zero value", "", 0, false},
		{"an unknown code", "blue", 9, true},
		{"a number", int64(1), 9, true},
		{"a time", time.Time{}, 9, true},
		{"a bool", true, 9, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := color(9) // left alone on an error
			err := colors.Scan(tc.src, &v)
			if tc.wantErr != (err != nil) || tc.wantErr && !errors.Is(err, errTest) {
				t.Fatalf("Scan(%v) error %v; want one wrapping the sentinel: %v", tc.src, err, tc.wantErr)
			}
			if v != tc.want {
				t.Errorf("Scan(%v) = %d; want %d", tc.src, v, tc.want)
			}
		})
	}
}

// TestValueScan: what Value writes, Scan reads back, for every value a
// codec names and for the zero value.
func TestValueScan(t *testing.T) {
	for v := range colors.Max() + 1 {
		val, err := colors.Value(v)
		if err != nil {
			t.Fatal(err)
		}
		back := color(9)
		if err := colors.Scan(val, &back); err != nil || back != v {
			t.Errorf("Value(%d) = %v, which scans to %d, %v", v, val, back, err)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"red", "绿", "", "blue", " red ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v, u color
		err := colors.Scan(s, &v)
		uerr := colors.Unmarshal([]byte(s), &u)
		if (err == nil) != (uerr == nil) || v != u {
			t.Fatalf("Scan(%q) = %d, %v; UnmarshalText = %d, %v", s, v, err, u, uerr)
		}
		if err != nil {
			return
		}
		val, err := colors.Value(v)
		if err != nil {
			t.Fatal(err)
		}
		var back color
		if err := colors.Scan(val, &back); err != nil || back != v {
			t.Fatalf("%d written as %v scans to %d, %v", v, val, back, err)
		}
	})
}
