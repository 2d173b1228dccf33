package rules

import (
	"strings"
	"testing"
)

// TestSafeFix: a rule file's safe-fix wins; without it the category
// decides; anything but a boolean is an error at its line.
func TestSafeFix(t *testing.T) {
	rule := func(id, category, extra string) string {
		return "- id: " + id + "\n  category: " + category + "\n  severity: warning\n  summary: s\n  message: m\n  explanation: e\n" +
			"  match: [{word: " + id + "}]\n  replace: [x]\n" + extra +
			"  examples:\n    bad: [{text: \"a " + id + " b\", fix: \"a x b\"}, {text: \"" + id + " c\", fix: \"x c\"}]\n    good: [\"a b\", \"c d\"]\n"
	}
	src := rule("one", "misspelling", "") + rule("two", "confusable", "") +
		rule("three", "confusable", "  safe-fix: true\n") + rule("four", "misspelling", "  safe-fix: false\n")
	rs, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"one": true, "two": false, "three": true, "four": false}
	for _, r := range rs {
		if r.SafeFix() != want[r.ID] {
			t.Errorf("%s: SafeFix %v, want %v", r.ID, r.SafeFix(), want[r.ID])
		}
	}
	if _, err := Parse("r.yaml", []byte(rule("five", "misspelling", "  safe-fix: maybe\n"))); err == nil || !strings.Contains(err.Error(), "r.yaml:9:13:") || !strings.Contains(err.Error(), "safe-fix must be true or false") {
		t.Errorf("bad safe-fix: %v", err)
	}
	// The default library: the liaison verb's fix is applied, a
	// confusable's is only offered.
	lib, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for id, safe := range map[string]bool{"liaison-verb": true, "alot": true, "effect-as-verb": false} {
		found := false
		for _, r := range lib {
			if r.ID == id {
				found = true
				if r.SafeFix() != safe {
					t.Errorf("%s: SafeFix %v, want %v", id, r.SafeFix(), safe)
				}
			}
		}
		if !found {
			t.Errorf("no rule %s in the library", id)
		}
	}
}
