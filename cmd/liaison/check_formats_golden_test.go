package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"liaison/cmd/liaison/report"
)

// TestCheckFormatsGolden checks testdata/check/formats.md (characters of
// two UTF-16 code units and four bytes before a finding, a tab, several
// rules) in every format and compares the report with its golden file.
// SARIF's base URI, the working directory, is written WORKDIR there.
func TestCheckFormatsGolden(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	input := filepath.Join("testdata", "check", "formats.md")
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			args := []string{"--format", format, "--quiet", input}
			if format == "text" {
				args = append(args, "--excerpt=always", "--color=never")
			}
			out, errOut, code := check(t, "", args...)
			if code != 1 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			got := strings.ReplaceAll(out, dirURI(wd), "file:///WORKDIR/")
			path := filepath.Join("testdata", "check", "formats."+format+".golden")
			if updateGolden() {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if format == "sarif" {
				validateSARIF(t, []byte(out))
			}
		})
	}
}

// validateSARIF validates a SARIF log against the official schema (copied
// into the report package's testdata).
func validateSARIF(t *testing.T, log []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join("report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("the SARIF log is not valid: %v", err)
	}
}

// TestCheckColor: colour on --color=always, none with never or when piped
// (auto into a buffer), whatever NO_COLOR says under always.
func TestCheckColor(t *testing.T) {
	input := filepath.Join("testdata", "check", "formats.md")
	for _, tt := range []struct {
		args  []string
		color bool
	}{
		{[]string{"--color=always"}, true},
		{[]string{"--color=never"}, false},
		{nil, false}, // auto, and standard output is no terminal
	} {
		out, _, _ := check(t, "", append(tt.args, "--quiet", input)...)
		if got := strings.Contains(out, "\x1b["); got != tt.color {
			t.Errorf("%q: colour %v, want %v", tt.args, got, tt.color)
		}
	}
	t.Setenv("NO_COLOR", "1")
	if out, _, _ := check(t, "", "--color=always", input); !strings.Contains(out, "\x1b[") {
		t.Error("--color=always gives no colour under NO_COLOR")
	}
	if decide("auto", isTerminal(os.Stdout) && os.Getenv("NO_COLOR") == "") {
		t.Error("auto colour under NO_COLOR")
	}
}
