package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func rulesTest(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runRules(context.Background(), append([]string{"test"}, args...), strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestRulesTest(t *testing.T) {
	broken := strings.NewReplacer(
		"fix: We use the tool.", "fix: We employ the tool.", // wrong fix
		"- We use the tool.", "- We utilize the tool.", // a good example the rule flags
	).Replace(customRules)
	thin := strings.Replace(customRules, "      - Utility bills are due.\n", "", 1)
	dir := writeTree(t, map[string]string{
		"good.yaml":    customRules,
		"broken.yaml":  broken,
		"thin.yaml":    thin,
		"invalid.yaml": "- id: Not Kebab\n  category: nope\n",
		"builtin.yaml": strings.Replace(customRules, "id: utilise", "id: alot", 1),
	})
	j := func(name string) string { return filepath.Join(dir, name) }

	out, errOut, code := rulesTest(t, j("good.yaml"))
	if code != 0 || !strings.Contains(out, "1 rules, 4 examples, 0 failures") {
		t.Errorf("good file: exit %d\n%s%s", code, out, errOut)
	}

	out, _, code = rulesTest(t, j("broken.yaml"))
	if code != 1 {
		t.Errorf("broken file: exit %d, want 1", code)
	}
	for _, w := range []string{
		j("broken.yaml") + `:1: utilise: fixing "We utilise the tool." gives "We use the tool.", want "We employ the tool."`,
		j("broken.yaml") + `:1: utilise: good example flagged: "We utilize the tool."`,
		"1 rules, 4 examples, 2 failures",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}

	if out, _, code := rulesTest(t, j("thin.yaml")); code != 1 || !strings.Contains(out, "needs at least two bad and two good examples") {
		t.Errorf("thin file: exit %d\n%s", code, out)
	}
	if out, _, code := rulesTest(t, j("builtin.yaml")); code != 1 || !strings.Contains(out, "already a built-in rule") {
		t.Errorf("built-in id: exit %d\n%s", code, out)
	}
	out, errOut, code = rulesTest(t, j("invalid.yaml"), j("good.yaml"))
	if code != 2 || !strings.Contains(errOut, j("invalid.yaml")+":1:") || !strings.Contains(out, "1 rules, 4 examples, 0 failures") {
		t.Errorf("invalid file: exit %d\n%s%s", code, out, errOut)
	}
	if _, _, code := rulesTest(t); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
	if _, errOut, code := rulesTest(t, j("missing.yaml")); code != 2 || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing file: exit %d %q", code, errOut)
	}
}
