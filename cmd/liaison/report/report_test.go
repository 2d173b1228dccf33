package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"liaison/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// testFindings exercise what the formats must escape or count: a file
// name with a comma, a colon and a space, a message with a percent sign
// and a newline, a line with characters of two UTF-16 code units and four
// UTF-8 bytes before the finding, a finding without replacements, one
// with two, and a tab before a finding.
func testFindings() []Finding {
	alot := &rules.Rule{ID: "alot", Category: "nonword", Severity: rules.SeverityError,
		Summary: "alot is two words", Explanation: "Write *a lot*: **alot** is not a word.", Reference: "https://example.org/alot"}
	verb := &rules.Rule{ID: "liaison-verb", Category: "proscribed", Severity: rules.SeverityWarning,
		Summary: "liaison is a noun; the verb is liaise", Explanation: "Use *liaise* for the verb."}
	hint := &rules.Rule{ID: "style-note", Category: "style", Severity: rules.SeverityHint,
		Summary: "a hint", Explanation: "Advice."}
	return []Finding{
		{File: "docs/a, b: c.md", Line: 3, Column: 10, EndLine: 3, EndColumn: 14, Column16: 11, EndColumn16: 15, ColumnByte: 13, EndColumnByte: 17,
			Offset: 30, EndOffset: 34, Rule: alot, Severity: rules.SeverityError, Message: "100% wrong:\n\"alot\" is two words", Replacements: []string{"a lot"},
			Excerpt: &Excerpt{Text: "Thanks 😀 alot for this.", Caret: 9, Width: 4}},
		{File: "docs/a, b: c.md", Line: 5, Column: 9, EndLine: 5, EndColumn: 16, Column16: 9, EndColumn16: 16, ColumnByte: 9, EndColumnByte: 16,
			Offset: 50, EndOffset: 57, Rule: verb, Severity: rules.SeverityWarning, Message: `"liaison" is a noun; use "liaise"`, Replacements: []string{"liaise", "work"},
			Excerpt: &Excerpt{Text: "\tWe will liaison with", Caret: 9, Width: 7, Before: true, After: true}},
		{File: "/abs/notes.txt", Line: 1, Column: 1, EndLine: 2, EndColumn: 3, Column16: 1, EndColumn16: 3, ColumnByte: 1, EndColumnByte: 3,
			Offset: 0, EndOffset: 9, Rule: hint, Severity: rules.SeverityHint, Message: "a hint",
			Excerpt: &Excerpt{Text: "Long", Caret: 0, Width: 4}},
	}
}

func render(t *testing.T, format string, fs []Finding, opts Options) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := New(format, &out, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fs {
		if err := w.Write(&fs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

var testOptions = Options{BaseURI: "file:///work/project/", Version: "1.2.3"}

// TestGolden compares every format's report of testFindings, and of no
// findings, with its golden file.
func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		for _, tc := range []struct {
			name string
			fs   []Finding
			opts Options
		}{
			{format, testFindings(), testOptions},
			{format + "-empty", nil, testOptions},
		} {
			if format == "text" {
				tc.opts.Color = true
			}
			t.Run(tc.name, func(t *testing.T) {
				got := render(t, format, tc.fs, tc.opts)
				path := filepath.Join("testdata", tc.name+".golden")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("got\n%s\nwant\n%s", got, want)
				}
				if format != "text" && format != "github" && !json.Valid(got) {
					t.Errorf("not JSON:\n%s", got)
				}
			})
		}
	}
}

// TestTextPlain: without colour, no escape sequence; the caret line
// repeats the excerpt's tab and marks the finding's characters.
func TestTextPlain(t *testing.T) {
	got := string(render(t, "text", testFindings()[1:2], Options{}))
	want := "docs/a, b: c.md:5:9: warning: \"liaison\" is a noun; use \"liaise\" [liaison-verb]\n" +
		" 5 | …\tWe will liaison with…\n" +
		"   |  \t        ^^^^^^^ liaise\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if strings.Contains(string(render(t, "text", testFindings(), Options{})), "\x1b") {
		t.Error("an escape sequence without colour")
	}
}

// TestGitHubEscapes: a workflow command's message has %, CR and LF
// escaped; its properties also : and , (which would end a property).
func TestGitHubEscapes(t *testing.T) {
	got := string(render(t, "github", testFindings()[:1], Options{}))
	want := "::error file=docs/a%2C b%3A c.md,line=3,col=10,endLine=3,endColumn=14,title=liaison alot::100% wrong:%0A\"alot\" is two words (suggestion: a lot)\n"
	want = strings.Replace(want, "100% wrong", "100%25 wrong", 1)
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if strings.Count(got, "\n") != 1 {
		t.Error("a finding is more than one command line")
	}
}

// TestSARIFSchema validates the SARIF report against the official SARIF
// 2.1.0 schema, and checks what the schema cannot: every result's rule is
// in tool.driver.rules at its ruleIndex, regions count UTF-16 code units,
// relative paths resolve against originalUriBaseIds.
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	const url = "sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	// The validator refuses a log the schema rules out: a result with no
	// message, a column of 0.
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 1, "startColumn": 0}}}]}]}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("the schema accepts %s", bad)
		}
	}
	for _, fs := range [][]Finding{nil, testFindings()} {
		out := render(t, "sarif", fs, testOptions)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%v in\n%s", err, out)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%d findings: the SARIF log is not valid: %v", len(fs), err)
		}
		var log struct {
			Runs []struct {
				ColumnKind         string                       `json:"columnKind"`
				OriginalURIBaseIDs map[string]map[string]string `json:"originalUriBaseIds"`
				Results            []struct {
					RuleID    string `json:"ruleId"`
					RuleIndex int    `json:"ruleIndex"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string }
							Region           struct{ StartColumn, EndColumn int }
						}
					}
					Fixes []struct{} `json:"fixes"`
				}
				Tool struct {
					Driver struct {
						Version string
						Rules   []struct {
							ID               string
							ShortDescription struct{ Text string }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if run.ColumnKind != "utf16CodeUnits" || run.Tool.Driver.Version != "1.2.3" || run.OriginalURIBaseIDs["SRCROOT"]["uri"] != "file:///work/project/" {
			t.Errorf("run: %+v", run)
		}
		if len(run.Results) != len(fs) {
			t.Fatalf("%d results for %d findings", len(run.Results), len(fs))
		}
		for i, r := range run.Results {
			if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID || rule.ShortDescription.Text != fs[i].Rule.Summary {
				t.Errorf("result %d: rule %q at index %d is %+v", i, r.RuleID, r.RuleIndex, rule)
			}
			loc := r.Locations[0].PhysicalLocation
			if loc.Region.StartColumn != fs[i].Column16 || loc.Region.EndColumn != fs[i].EndColumn16 {
				t.Errorf("result %d: columns %+v, want UTF-16 %d..%d", i, loc.Region, fs[i].Column16, fs[i].EndColumn16)
			}
			if len(r.Fixes) != len(fs[i].Replacements) {
				t.Errorf("result %d: %d fixes for %d replacements", i, len(r.Fixes), len(fs[i].Replacements))
			}
		}
		if len(fs) > 0 {
			if loc := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "docs/a,%20b:%20c.md" || loc.URIBaseID != "SRCROOT" {
				t.Errorf("relative artifact %+v", loc)
			}
			if loc := run.Results[2].Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "file:///abs/notes.txt" || loc.URIBaseID != "" {
				t.Errorf("absolute artifact %+v", loc)
			}
			if len(run.Tool.Driver.Rules) != 3 {
				t.Errorf("%d rules, want each reported rule once", len(run.Tool.Driver.Rules))
			}
		}
	}
}
