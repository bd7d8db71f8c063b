package strictjson

import "testing"

func TestDecode(t *testing.T) {
	type doc struct {
		Name string `json:"name"`
	}
	tests := []struct {
		in      string
		wantErr bool
	}{
		{`{"name":"中庙街道"}`, false},
		{"{\"name\":\"x\"}\n  \n", false},
		{`{"nmae":"x"}`, true},              // misspelt key
		{`{"name":"x"} {"name":"y"}`, true}, // a second value
		{`{"name":"x"}}`, true},             // a stray brace
		{`{"name":`, true},                  // cut short
		{``, true},
	}
	for _, tt := range tests {
		var d doc
		err := Decode([]byte(tt.in), &d)
		if (err != nil) != tt.wantErr {
			t.Errorf("Decode(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
		}
	}
}
