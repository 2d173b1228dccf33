package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"liaison/rules"
)

// sarifSchema is the $id of the SARIF 2.1.0 schema (OASIS).
const sarifSchema = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"

// srcRoot is the uriBaseId of relative paths; originalUriBaseIds says it
// is the working directory.
const srcRoot = "SRCROOT"

// sarifWriter writes one SARIF 2.1.0 log with one run. Results are
// written as they come; the rules they name are collected, once each, and
// written after them in tool.driver.rules (JSON objects are unordered, so
// the run's "tool" may follow its "results"), each result pointing at its
// rule by ruleIndex.
//
// Regions use 1-based lines and columns. SARIF's default column unit is
// the UTF-16 code unit (§3.30.3, run.columnKind "utf16CodeUnits"); it is
// stated in the run all the same, and the columns are counted in it.
type sarifWriter struct {
	w       *bufio.Writer
	opts    Options
	started bool
	results *arrayWriter
	rules   []*rules.Rule
	index   map[*rules.Rule]int
}

func newSARIFWriter(w *bufio.Writer, opts Options) *sarifWriter {
	return &sarifWriter{w: w, opts: opts, results: newArrayWriter(w, "      "), index: map[*rules.Rule]int{}}
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	} `json:"physicalLocation"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties struct {
		Category string   `json:"category"`
		Tags     []string `json:"tags"`
	} `json:"properties"`
}

type sarifTool struct {
	Driver struct {
		Name    string      `json:"name"`
		Version string      `json:"version"`
		Rules   []sarifRule `json:"rules"`
	} `json:"driver"`
}

// sarifLevel maps a severity to a SARIF level: hints and information are
// notes.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityWarning:
		return "warning"
	}
	return "note"
}

// artifact is where a file is for SARIF: a path relative to the working
// directory is a relative URI reference against SRCROOT; an absolute path
// is a file: URI.
func artifact(file string) sarifArtifactLocation {
	slashed := filepath.ToSlash(file)
	if filepath.IsAbs(file) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	// A relative reference whose first segment holds a colon would read
	// as a scheme: url.URL.String then writes it "./a:b.md".
	u := (&url.URL{Path: slashed}).String()
	return sarifArtifactLocation{URI: u, URIBaseID: srcRoot}
}

func (s *sarifWriter) start() {
	if s.started {
		return
	}
	s.started = true
	base := map[string]any{}
	if s.opts.BaseURI != "" {
		base[srcRoot] = map[string]string{"uri": s.opts.BaseURI}
	}
	baseJSON, _ := json.MarshalIndent(base, "      ", "  ")
	fmt.Fprintf(s.w, "{\n  \"$schema\": %q,\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"columnKind\": \"utf16CodeUnits\",\n      \"originalUriBaseIds\": %s,\n      \"results\": ", sarifSchema, baseJSON)
}

func (s *sarifWriter) Write(f *Finding) error {
	s.start()
	idx, ok := s.index[f.Rule]
	if !ok {
		idx = len(s.rules)
		s.index[f.Rule] = idx
		s.rules = append(s.rules, f.Rule)
	}
	loc := artifact(f.File)
	region := sarifRegion{StartLine: f.Line, StartColumn: f.Column16, EndLine: f.EndLine, EndColumn: f.EndColumn16}
	r := sarifResult{RuleID: ruleID(f), RuleIndex: idx, Level: sarifLevel(f.Severity), Message: sarifMessage{Text: f.Message}}
	var l sarifLocation
	l.PhysicalLocation.ArtifactLocation = loc
	l.PhysicalLocation.Region = region
	r.Locations = []sarifLocation{l}
	for _, rep := range f.Replacements {
		r.Fixes = append(r.Fixes, sarifFix{
			Description: sarifMessage{Text: fmt.Sprintf("Replace with %q", rep)},
			ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: loc, Replacements: []sarifReplacement{{
				DeletedRegion: region, InsertedContent: sarifMessage{Text: rep},
			}}}},
		})
	}
	return s.results.add(&r)
}

func (s *sarifWriter) Close() error {
	s.start()
	s.results.end()
	var tool sarifTool
	tool.Driver.Name = "liaison"
	tool.Driver.Version = s.opts.Version
	tool.Driver.Rules = make([]sarifRule, 0, len(s.rules))
	for _, r := range s.rules {
		tool.Driver.Rules = append(tool.Driver.Rules, describe(r))
	}
	toolJSON, err := json.MarshalIndent(&tool, "      ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(s.w, ",\n      \"tool\": %s\n    }\n  ]\n}\n", toolJSON)
	return s.w.Flush()
}

// describe is a rule's reportingDescriptor: its summary is the short
// description, its explanation (Markdown) the full description and help.
func describe(r *rules.Rule) sarifRule {
	var d sarifRule
	if r == nil {
		return d
	}
	d.ID = r.ID
	d.ShortDescription = sarifMessage{Text: r.Summary}
	d.FullDescription = sarifMessage{Text: r.Explanation, Markdown: r.Explanation}
	help := r.Explanation
	if r.Reference != "" {
		help += "\n\nReference: " + r.Reference
	}
	d.Help = sarifMessage{Text: help, Markdown: help}
	if strings.HasPrefix(r.Reference, "https://") || strings.HasPrefix(r.Reference, "http://") {
		d.HelpURI = r.Reference
	}
	d.DefaultConfiguration.Level = sarifLevel(r.Severity)
	d.Properties.Category = r.Category
	d.Properties.Tags = []string{r.Category}
	return d
}
