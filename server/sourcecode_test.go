package server

import (
	"slices"
	"testing"
)

// TestSettingsSourceCode checks the sourceCode setting: ids and aliases of
// source-code formats become canonical names, an absent setting keeps the
// base, an empty list turns every language off, and anything that is not
// a source-code language is refused.
func TestSettingsSourceCode(t *testing.T) {
	base := DefaultSettings()
	s, err := ParseSettings(base, []byte(`{"liaison": {"sourceCode": ["go", "py", "golang"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"go", "python"}; !slices.Equal(s.SourceCode, want) {
		t.Errorf("SourceCode = %q, want %q", s.SourceCode, want)
	}
	kept, err := ParseSettings(s, []byte(`{"debounceMs": 10}`))
	if err != nil || !slices.Equal(kept.SourceCode, s.SourceCode) {
		t.Errorf("an absent sourceCode changed it: %q, %v", kept.SourceCode, err)
	}
	off, err := ParseSettings(s, []byte(`{"sourceCode": []}`))
	if err != nil || len(off.SourceCode) != 0 {
		t.Errorf("an empty sourceCode left %q, %v", off.SourceCode, err)
	}
	for _, bad := range []string{`{"sourceCode": ["markdown"]}`, `{"sourceCode": ["cobol"]}`, `{"sourceCode": "go"}`} {
		if got, err := ParseSettings(s, []byte(bad)); err == nil || !slices.Equal(got.SourceCode, s.SourceCode) {
			t.Errorf("%s: err %v, SourceCode %q (want an error and the base kept)", bad, err, got.SourceCode)
		}
	}
}
