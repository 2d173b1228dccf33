package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"liaison/analysis"
	"liaison/rules"
	"liaison/rules/project"
)

// maxExplainBytes bounds the text explain reads from standard input: it
// prints several lines per token, so more than this is not for reading.
const maxExplainBytes = 1 << 20

// ruleFiles is a repeatable --rules flag.
type ruleFiles []string

func (r *ruleFiles) String() string     { return strings.Join(*r, ",") }
func (r *ruleFiles) Set(v string) error { *r = append(*r, v); return nil }

// runExplain implements `liaison explain [--format text|json] [--rules FILE]… TEXT…|-`:
// each sentence as the rules see it (tokens, Universal and Penn tags,
// lemmas, features, the sound a word starts with) and every pattern that
// matched in it, with what became of the match: a finding, overlapped by
// another rule's, cancelled by an exception. The built-in rules run, plus
// those of each --rules file. Exit status: 0 explained, 2 bad usage or a
// rule file that cannot be read or parsed.
func runExplain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("explain", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output format: text or json")
	var files ruleFiles
	flags.Var(&files, "rules", "a custom rule file to load beside the built-in rules (repeatable)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: liaison explain [--format text|json] [--rules FILE]… TEXT… | -")
		fmt.Fprintln(stderr, "Shows each sentence as the rules see it and which rule patterns match, and why a match is not reported.")
		flags.PrintDefaults()
	}
	words, err := parseInterleaved(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "liaison explain: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if len(words) == 0 {
		flags.Usage()
		return 2
	}
	text := strings.Join(words, " ")
	if len(words) == 1 && words[0] == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxExplainBytes+1))
		if err != nil {
			fmt.Fprintf(stderr, "liaison explain: reading standard input: %v\n", err)
			return 2
		}
		if len(data) > maxExplainBytes {
			fmt.Fprintf(stderr, "liaison explain: standard input is over %d bytes\n", maxExplainBytes)
			return 2
		}
		text = string(data)
	}
	engine, err := explainEngine(files)
	if err != nil {
		fmt.Fprintf(stderr, "liaison explain: %v\n", err)
		return 2
	}
	res, err := analysis.New().Analyze(ctx, "plaintext", text)
	if err != nil {
		fmt.Fprintf(stderr, "liaison explain: %v\n", err)
		return 2
	}
	report := explainReport(ctx, engine, res, text)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(report)
	} else {
		err = writeExplainText(stdout, report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "liaison explain: %v\n", err)
		return 2
	}
	return 0
}

// explainEngine builds the engine of the built-in rules and the rule files.
func explainEngine(files []string) (*rules.Engine, error) {
	rs, err := rules.LoadDefault()
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		data, err := readRuleFile(name)
		if err != nil {
			return nil, err
		}
		custom, err := project.ParseRuleFile(name, data)
		if err != nil {
			return nil, err
		}
		rs = append(rs, custom...)
	}
	return rules.NewEngine(rs)
}

// The report, as JSON writes it; the text format prints the same.

type explainedText struct {
	Sentences []explainedSentence `json:"sentences"`
}

type explainedSentence struct {
	Text    string           `json:"text"`
	Start   int              `json:"start"` // byte offsets in the text
	End     int              `json:"end"`
	Tokens  []explainedToken `json:"tokens"`
	Matches []explainedMatch `json:"matches"`
}

type explainedToken struct {
	Text     string              `json:"text"`
	Start    int                 `json:"start"`
	End      int                 `json:"end"`
	UPOS     string              `json:"upos"`
	Penn     string              `json:"penn"`
	Lemma    string              `json:"lemma"`
	Features map[string][]string `json:"features"` // by kind, as a rule names them; sound apart
	Sound    string              `json:"sound"`    // vowel, consonant, or "" when unknown
}

type explainedMatch struct {
	Rule       string             `json:"rule"`
	Source     string             `json:"source"`  // file:line of the rule
	Pattern    int                `json:"pattern"` // from 1; 0 for a rule written in Go
	Patterns   int                `json:"patterns"`
	Describe   string             `json:"describe,omitempty"` // the pattern, in rule-file terms
	FirstToken int                `json:"first_token"`        // from 1, the matched span
	LastToken  int                `json:"last_token"`
	Text       string             `json:"text"`
	Elements   []explainedElement `json:"elements,omitempty"`
	Status     string             `json:"status"`
	Unless     int                `json:"unless,omitempty"`    // from 1: which exception cancelled it
	Exception  string             `json:"exception,omitempty"` // the exception that holds, in rule-file terms
	By         string             `json:"by,omitempty"`        // for overlapped: the rule kept
	Same       int                `json:"same,omitempty"`      // for duplicate: the pattern (from 1) listed with the finding
}

type explainedElement struct {
	Number int    `json:"number"`
	Part   string `json:"part"`
	Token  int    `json:"token"` // from 1; 0 when an optional element took none
}

func explainReport(ctx context.Context, engine *rules.Engine, res *analysis.Result, text string) explainedText {
	out := explainedText{Sentences: []explainedSentence{}}
	for _, b := range res.Blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		for _, se := range engine.Explain(ctx, b.BlockAnalysis) {
			s := explainedSentence{Start: b.Start + se.Start, End: b.Start + se.End, Tokens: []explainedToken{}, Matches: []explainedMatch{}}
			s.Text = text[s.Start:s.End]
			for _, t := range se.Tokens {
				et := explainedToken{Text: t.Text, Start: b.Start + t.Start, End: b.Start + t.End,
					UPOS: t.UPOS.String(), Penn: t.PTB.String(), Lemma: t.Lemma, Features: map[string][]string{}}
				for _, kv := range t.Features.FeatureValues() {
					if kv[0] == "sound" {
						et.Sound = kv[1]
						continue
					}
					et.Features[kv[0]] = append(et.Features[kv[0]], kv[1])
				}
				s.Tokens = append(s.Tokens, et)
			}
			for _, m := range se.Matches {
				em := explainedMatch{Rule: m.Rule.ID, Source: m.Rule.Source, Pattern: m.Pattern + 1,
					Patterns: len(m.Rule.Patterns), FirstToken: m.Start + 1, LastToken: m.End, Status: m.Status.String()}
				if m.Pattern >= 0 {
					em.Describe = describePattern(m.Rule.Patterns[m.Pattern])
				}
				em.Text = text[b.Start+se.Tokens[m.Start].Start : b.Start+se.Tokens[m.End-1].End]
				for _, el := range m.Elements {
					em.Elements = append(em.Elements, explainedElement{Number: el.Number, Part: el.Part, Token: el.Token + 1})
				}
				switch m.Status {
				case rules.CancelledByPattern:
					em.Unless = m.Unless + 1
					em.Exception = describeContext(m.Rule.Patterns[m.Pattern].Unless[m.Unless])
				case rules.CancelledByRule:
					em.Unless = m.Unless + 1
					em.Exception = describeContext(m.Rule.Unless[m.Unless])
				case rules.Overlapped:
					em.By = m.By.ID
				case rules.Duplicate:
					em.Same = m.Same + 1
				}
				s.Matches = append(s.Matches, em)
			}
			out.Sentences = append(out.Sentences, s)
		}
	}
	return out
}

// writeExplainText prints the report for reading.
func writeExplainText(w io.Writer, r explainedText) error {
	var b strings.Builder
	for i, s := range r.Sentences {
		if i > 0 {
			b.WriteByte('\n')
		}
		// Line breaks and indentation of the source shown as single spaces.
		fmt.Fprintf(&b, "sentence %d (bytes %d–%d): %s\n", i+1, s.Start, s.End, strings.Join(strings.Fields(s.Text), " "))
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  #\ttoken\tupos\tpenn\tlemma\tsound\tfeatures")
		for j, t := range s.Tokens {
			sound := t.Sound
			if sound == "" {
				sound = "-"
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\n", j+1, t.Text, t.UPOS, t.Penn, t.Lemma, sound, featureText(t.Features))
		}
		tw.Flush()
		if len(s.Matches) == 0 {
			b.WriteString("  no rule matches\n")
			continue
		}
		b.WriteString("  matches:\n")
		for _, m := range s.Matches {
			pattern := "rule written in Go"
			if m.Pattern > 0 {
				pattern = fmt.Sprintf("pattern %d of %d", m.Pattern, m.Patterns)
			}
			span := strconv.Itoa(m.FirstToken)
			if m.LastToken != m.FirstToken {
				span += "–" + strconv.Itoa(m.LastToken)
			}
			fmt.Fprintf(&b, "  %s (%s), %s, tokens %s %q: %s\n", m.Rule, m.Source, pattern, span, m.Text, statusText(m))
			if m.Describe != "" {
				fmt.Fprintf(&b, "      %s\n", m.Describe)
			}
			if m.Exception != "" {
				fmt.Fprintf(&b, "      exception %d: %s\n", m.Unless, m.Exception)
			}
			if len(m.Elements) > 0 {
				var els []string
				for _, el := range m.Elements {
					tok := "none"
					if el.Token > 0 {
						tok = fmt.Sprintf("%d %q", el.Token, s.Tokens[el.Token-1].Text)
					}
					els = append(els, fmt.Sprintf("%d (%s) = %s", el.Number, el.Part, tok))
				}
				fmt.Fprintf(&b, "      elements: %s\n", strings.Join(els, ", "))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func statusText(m explainedMatch) string {
	switch m.Status {
	case "reported":
		return "reported"
	case "overlapped":
		return "not reported: overlaps a finding of " + m.By + ", which is kept"
	case "cancelled-by-pattern-unless":
		return fmt.Sprintf("not reported: the pattern's exception %d (unless) holds", m.Unless)
	case "cancelled-by-rule-unless":
		return fmt.Sprintf("not reported: the rule's exception %d (unless) holds", m.Unless)
	case "duplicate":
		return fmt.Sprintf("the same finding as pattern %d", m.Same)
	case "suppressed":
		return "not reported: the same rule already reported a finding there, or spent its budget for the sentence"
	case "off":
		return "not reported: the rule is off unless turned on (its category is off by default)"
	}
	return m.Status
}

func featureText(fs map[string][]string) string {
	var parts []string
	for _, k := range []string{"number", "verb-form", "person", "degree"} {
		if vs := fs[k]; len(vs) > 0 {
			parts = append(parts, k+": "+strings.Join(vs, "|"))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// describePattern writes a pattern compactly in rule-file terms:
// before [..] match [..] after [..], each element as {key: value, …}.
func describePattern(p rules.Pattern) string {
	var parts []string
	for _, part := range []struct {
		name  string
		elems []rules.Element
	}{{"before", p.Before}, {"match", p.Match}, {"after", p.After}} {
		if len(part.elems) == 0 {
			continue
		}
		var es []string
		for _, e := range part.elems {
			es = append(es, describeElement(e))
		}
		parts = append(parts, part.name+": ["+strings.Join(es, ", ")+"]")
	}
	if len(p.Unless) > 0 {
		parts = append(parts, fmt.Sprintf("unless: %d exception(s)", len(p.Unless)))
	}
	return strings.Join(parts, "  ")
}

// describeContext writes an exception (unless) in rule-file terms.
func describeContext(c rules.Context) string {
	var parts []string
	for _, side := range []struct {
		name  string
		elems []rules.Element
	}{{"before", c.Before}, {"after", c.After}} {
		if len(side.elems) == 0 {
			continue
		}
		var es []string
		for _, e := range side.elems {
			es = append(es, describeElement(e))
		}
		parts = append(parts, side.name+": ["+strings.Join(es, ", ")+"]")
	}
	return strings.Join(parts, "  ")
}

func describeElement(e rules.Element) string {
	var kv []string
	list := func(key string, vs []string) {
		switch len(vs) {
		case 0:
		case 1:
			kv = append(kv, key+": "+vs[0])
		default:
			if len(vs) > 6 {
				vs = append(vs[:6:6], fmt.Sprintf("… %d in all", len(vs)))
			}
			kv = append(kv, key+": ["+strings.Join(vs, ", ")+"]")
		}
	}
	tri := func(key string, t rules.Tri) {
		switch t {
		case rules.Yes:
			kv = append(kv, key+": true")
		case rules.No:
			kv = append(kv, key+": false")
		}
	}
	list("word", e.Words)
	list("lemma", e.Lemmas)
	var pos, tags []string
	for _, u := range e.POS {
		pos = append(pos, u.String())
	}
	for _, t := range e.Tags {
		tags = append(tags, t.String())
	}
	list("pos", pos)
	list("tag", tags)
	list("prefix", e.Prefixes)
	list("suffix", e.Suffixes)
	if e.Regexp != "" {
		kv = append(kv, "regexp: "+strconv.Quote(e.Regexp))
	}
	tri("capitalised", e.Capitalised)
	tri("all-caps", e.AllCaps)
	tri("sentence-start", e.SentenceStart)
	if e.Features != 0 {
		kv = append(kv, e.Features.String())
	}
	if e.SameForm != 0 {
		kv = append(kv, fmt.Sprintf("same-form: %d", e.SameForm))
	}
	if e.SameLemma != 0 {
		kv = append(kv, fmt.Sprintf("same-lemma: %d", e.SameLemma))
	}
	if e.CaseSensitive {
		kv = append(kv, "case: true")
	}
	if e.Negate {
		kv = append(kv, "not: true")
	}
	if e.Optional {
		kv = append(kv, "optional: true")
	}
	if e.Skip != 0 {
		kv = append(kv, fmt.Sprintf("skip: %d", e.Skip))
	}
	if len(kv) == 0 {
		return "{}"
	}
	return "{" + strings.Join(kv, ", ") + "}"
}
