package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"liaison/analysis"
	"liaison/rules"
	"liaison/rules/project"
	"liaison/rules/project/safefile"
)

// runRulesTest implements `liaison rules test FILE…`: it runs the examples
// of custom rule files through the real pipeline, as `go test ./rules`
// does for the built-in rules. Every bad example must be flagged by its
// rule, and applying the rule's first replacements must give its fix;
// no good example may be flagged; every rule needs at least two of each.
// Exit status: 0 all pass, 1 a failure, 2 bad usage or a file that cannot
// be read or parsed.
func runRulesTest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rules test", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: liaison rules test FILE…")
		fmt.Fprintln(stderr, "Runs the examples of custom rule files (the built-in YAML format) and reports each failure.")
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	analyzerReady := make(chan *analysis.Analyzer, 1)
	go func() { analyzerReady <- analysis.New() }()
	builtin, err := rules.LoadDefault()
	if err != nil {
		fmt.Fprintf(stderr, "liaison rules test: %v\n", err)
		return 2
	}
	builtinIDs := make(map[string]string, len(builtin))
	for _, r := range builtin {
		builtinIDs[r.ID] = r.Source
	}

	status := 0
	var analyzer *analysis.Analyzer
	rulesRun, examplesRun, failures := 0, 0, 0
	for _, name := range flags.Args() {
		data, err := readRuleFile(name)
		if err == nil {
			var rs []*rules.Rule
			if rs, err = project.ParseRuleFile(name, data); err == nil {
				if analyzer == nil {
					analyzer = <-analyzerReady
				}
				var engine *rules.Engine
				if engine, err = rules.NewEngine(rs); err == nil {
					for _, r := range rs {
						rulesRun++
						fail := func(format string, args ...any) {
							failures++
							fmt.Fprintf(stdout, "%s: %s: %s\n", quoteName(r.Source), r.ID, fmt.Sprintf(format, args...))
						}
						if src, dup := builtinIDs[r.ID]; dup {
							fail("the id is already a built-in rule (%s); a configuration cannot load it", src)
						}
						examplesRun += testRuleExamples(ctx, analyzer, engine, r, fail)
					}
					continue
				}
			}
		}
		status = 2
		fmt.Fprintf(stderr, "liaison rules test: %v\n", err)
	}
	fmt.Fprintf(stdout, "%d rules, %d examples, %d failures\n", rulesRun, examplesRun, failures)
	if status == 0 && failures > 0 {
		status = 1
	}
	return status
}

// readRuleFile reads a rule file through safefile: a regular file (a
// FIFO or a device is refused, never opened blocking) of at most
// project.MaxFileBytes.
func readRuleFile(name string) ([]byte, error) {
	data, err := safefile.Read(name, safefile.Options{MaxBytes: project.MaxFileBytes})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", quoteName(name), err)
	}
	return data, nil
}

// testRuleExamples runs r's examples and reports each failure; it returns
// how many examples ran.
func testRuleExamples(ctx context.Context, analyzer *analysis.Analyzer, engine *rules.Engine, r *rules.Rule, fail func(string, ...any)) int {
	if len(r.Examples.Bad) < 2 || len(r.Examples.Good) < 2 {
		fail("needs at least two bad and two good examples (has %d and %d)", len(r.Examples.Bad), len(r.Examples.Good))
	}
	findingsOf := func(text string) []rules.Finding {
		res, err := analyzer.Analyze(ctx, "plaintext", text)
		if err != nil {
			fail("analysing %q: %v", text, err)
			return nil
		}
		var out []rules.Finding
		for _, f := range engine.Check(ctx, res, rules.Settings{}) {
			if f.Rule == r {
				out = append(out, f)
			}
		}
		return out
	}
	for _, ex := range r.Examples.Bad {
		fs := findingsOf(ex.Text)
		if len(fs) == 0 {
			fail("bad example not flagged: %q", ex.Text)
			continue
		}
		if got := applyFirstReplacements(ex.Text, fs); got != ex.Fix {
			fail("fixing %q gives %q, want %q", ex.Text, got, ex.Fix)
		}
		for _, f := range fs {
			if strings.Contains(f.Message, "{") {
				fail("%q: message %q has an unrendered placeholder", ex.Text, f.Message)
			}
		}
	}
	for _, good := range r.Examples.Good {
		if fs := findingsOf(good); len(fs) > 0 {
			fail("good example flagged: %q: %s", good, fs[0].Message)
		}
	}
	return len(r.Examples.Bad) + len(r.Examples.Good)
}

// applyFirstReplacements applies each finding's first replacement
// (findings sorted; overlapping ones after the first are skipped).
func applyFirstReplacements(text string, fs []rules.Finding) string {
	var b strings.Builder
	last := 0
	for _, f := range fs {
		if len(f.Replacements) == 0 || f.Start < last {
			continue
		}
		b.WriteString(text[last:f.Start])
		b.WriteString(f.Replacements[0])
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String()
}
