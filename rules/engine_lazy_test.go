package rules

import (
	"testing"

	"liaison/analysis"
)

// TestLibraryCompiles checks what NewEngine trusts when it leaves the
// library's rules to be compiled when a text first needs them: every rule
// of the snapshot compiles.
func TestLibraryCompiles(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &templateCache{ts: templates{}}
	code, ctxCode := goRules(), goContextRules()
	checked := 0
	for i, r := range rs {
		if r.checked {
			checked++
		}
		if _, err := compileRule(r, i, code, ctxCode, tmpl); err != nil {
			t.Errorf("%s: rule %s: %v", r.Source, r.ID, err)
		}
	}
	if _, ok := loadSnapshot(); ok && checked != len(rs) {
		t.Errorf("%d of the snapshot's %d rules are marked checked", checked, len(rs))
	}
}

// TestLazyCompile checks that the library's pattern rules are compiled
// only when the index offers one of their patterns, and then match as
// if compiled at NewEngine; and that a rule not from the snapshot is
// compiled, and its errors reported, at NewEngine.
func TestLazyCompile(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	var verb *compiledRule
	for _, cr := range e.rules {
		if cr.code == nil && cr.patterns != nil {
			t.Fatalf("rule %s compiled before any text", cr.rule.ID)
		}
		if cr.rule.ID == "liaison-verb" {
			verb = cr
		}
	}
	if verb == nil {
		t.Fatal("no liaison-verb rule")
	}
	a := analysis.New()
	if fs := checkText(t, a, e, "The agents liaison with the press."); len(fs) == 0 || fs[0].Rule.ID != "liaison-verb" {
		t.Errorf("findings %v, want liaison-verb", fs)
	}
	if verb.patterns == nil {
		t.Error("liaison-verb not compiled after a text that holds its word")
	}

	bad := &Rule{ID: "bad-template", Category: "nonword", Severity: SeverityHint, Message: "{match} {7}",
		Patterns: []Pattern{{Match: []Element{{Words: []string{"zebra"}}}}}}
	if _, err := NewEngine([]*Rule{bad}); err == nil {
		t.Error("a rule whose message names element 7 of 1 was accepted")
	}
}
