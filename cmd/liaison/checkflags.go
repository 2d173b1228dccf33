package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"liaison/analysis/markup"
	"liaison/cmd/liaison/report"
	"liaison/rules"
	"liaison/rules/checker"
	"liaison/rules/project/safefile"
)

// listFlag is a flag given any number of times, each a comma-separated
// list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// severityFlag is a severity flag: error, warning, info or hint.
type severityFlag struct{ s rules.Severity }

func (f *severityFlag) String() string {
	if f.s == 0 {
		return ""
	}
	return f.s.String()
}

func (f *severityFlag) Set(v string) error {
	s, err := rules.ParseSeverity(v)
	if err != nil {
		return err
	}
	f.s = s
	return nil
}

// checkOptions are the flags of `liaison check`.
type checkOptions struct {
	format, language, color, excerpt string
	minSeverity, failOn              severityFlag
	only, categories, disable        listFlag
	sourceCode                       listFlag
	config                           string
	fix, diff, quiet                 bool
	changedSince                     string
	staged                           bool
	progress                         string
}

// checkUsage is the first line of check's help.
const checkUsage = "usage: liaison check [--format FORMAT] [--fix|--diff] [--changed-since REF|--staged] [--rule ID…] [--category C…] [--disable ID…] [--min-severity S] [--fail-on S] [--config FILE] PATH…"

// newCheckFlags declares check's flags into o.
func newCheckFlags(o *checkOptions, stderr io.Writer, limits checkLimits) *flag.FlagSet {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	flags.StringVar(&o.language, "language", "", "language of every input: "+languageList()+" (default: by file name and extension; markdown for standard input)")
	flags.StringVar(&o.color, "color", "auto", "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	flags.StringVar(&o.excerpt, "excerpt", "auto", "print the source line and a caret under each finding in the text report: auto (on a terminal), always or never")
	flags.Var(&o.minSeverity, "min-severity", "report only findings of this severity or worse: error, warning, info, hint (default hint: all)")
	flags.Var(&o.failOn, "fail-on", "exit 1 only for findings of this severity or worse (default hint: any finding)")
	flags.Var(&o.only, "rule", "run only these rules (ids, comma-separated or repeated)")
	flags.Var(&o.categories, "category", "run only the rules of these categories ("+strings.Join(rules.Categories(), ", ")+")")
	flags.Var(&o.disable, "disable", "turn these rules off (ids, comma-separated or repeated)")
	flags.Var(&o.sourceCode, "source-code", "in directories, also check the comments of these source-code languages (go, python, …), as a project's source-code list does")
	flags.StringVar(&o.config, "config", "", "use this configuration file for every input instead of the nearest .liaison.yaml")
	flags.BoolVar(&o.fix, "fix", false, "apply the preferred replacement of every finding whose rule's fix is safe, in place, until none is left; then report what remains")
	flags.BoolVar(&o.diff, "diff", false, "like --fix, but print the changes as a unified diff and write nothing")
	flags.StringVar(&o.changedSince, "changed-since", "", "report only findings on lines added or changed since this git revision (and in untracked files); without PATH, check the changed files")
	flags.BoolVar(&o.staged, "staged", false, "report only findings on lines staged for commit (git diff --cached); without PATH, check the staged files")
	flags.BoolVar(&o.quiet, "quiet", false, "print no summary line on standard error")
	flags.StringVar(&o.progress, "progress", "auto", "show a progress bar on standard error when checking many files: auto (on a terminal), always or never")
	flags.Usage = func() {
		fmt.Fprintln(stderr, checkUsage)
		fmt.Fprintln(stderr, "PATH is a file, a directory (its files in every prose format by name and extension: "+proseExtensions()+"; recursively; hidden folders, .gitignore'd paths and the configuration's ignore globs skipped), or - for standard input. Source code (its comments) is checked when named as a file, with --language, or in a directory when --source-code or the project's source-code list turns its language on.")
		fmt.Fprintln(stderr, "Settings, custom rules and ignored files come from the nearest .liaison.yaml (see rules/CONFIG.md), or from --config.")
		fmt.Fprintf(stderr, "Only regular files are read; in a directory, symbolic links are followed only to files inside it.\n")
		if limits.streamMaxBytes > limits.maxBytes {
			fmt.Fprintf(stderr, "Files up to %s are read whole; a larger Markdown or plain-text file, up to %s, is read and checked %s at a time, in memory that does not grow with the file (other formats, UTF-16, --fix, --diff and standard input: %s at most).\n",
				safefile.FormatSize(limits.maxBytes), safefile.FormatSize(limits.streamMaxBytes), safefile.FormatSize(int64(limits.segmentBytes)), safefile.FormatSize(limits.maxBytes))
		} else {
			fmt.Fprintf(stderr, "Files up to %s are read.\n", safefile.FormatSize(limits.maxBytes))
		}
		fmt.Fprintln(stderr, "Columns count characters (SARIF: UTF-16 code units; rdjson: bytes); CR, LF and CRLF each end a line. A UTF-8 byte order mark is skipped; UTF-16 is converted (JSON offsets are then in its UTF-8 form).")
		fmt.Fprintln(stderr, "Exit status: 0 no finding at or above --fail-on, 1 such findings (after --fix: findings remain), 2 bad usage, an invalid configuration, or a file that could not be read.")
		flags.PrintDefaults()
	}
	return flags
}

// validate checks the flags' values, and turns --source-code into
// canonical format names.
func (o *checkOptions) validate() error {
	if !report.IsFormat(o.format) {
		return fmt.Errorf("unknown format %q (want one of %s)", o.format, strings.Join(report.Formats(), ", "))
	}
	if o.language != "" && !knownLanguage(o.language) {
		return fmt.Errorf("unknown language %q (want one of %s)", o.language, languageList())
	}
	for name, v := range map[string]string{"color": o.color, "excerpt": o.excerpt, "progress": o.progress} {
		if v != "auto" && v != "always" && v != "never" {
			return fmt.Errorf("--%s %q: want auto, always or never", name, v)
		}
	}
	for _, c := range o.categories {
		if !isCategoryName(c) {
			return fmt.Errorf("unknown category %q (want one of %s)", c, strings.Join(rules.Categories(), ", "))
		}
	}
	for i, id := range o.sourceCode {
		f, ok := markup.LookupFormat(id)
		if !ok || !f.OptIn {
			return fmt.Errorf("--source-code %q: not a source-code language", id)
		}
		o.sourceCode[i] = f.Name
	}
	if o.fix && o.diff {
		return errors.New("--fix and --diff do not go together: --diff shows what --fix would write")
	}
	if o.changedSince != "" && o.staged {
		return errors.New("--changed-since and --staged do not go together")
	}
	return nil
}

func isCategoryName(c string) bool {
	for _, k := range rules.Categories() {
		if k == c {
			return true
		}
	}
	return false
}

// unknownRules returns the ids among ids that no rule of ruleSet has.
func unknownRules(ids []string, ruleSet []*rules.Rule) []string {
	known := map[string]bool{}
	for _, r := range ruleSet {
		known[r.ID] = true
	}
	var out []string
	for _, id := range ids {
		if !known[id] {
			out = append(out, id)
		}
	}
	return out
}

// settings are the command line's rule settings, layered over each
// project's as the editor's are in the server: --rule and --category turn
// the other built-in rules and categories off, --disable turns rules off.
// The selection is applied again to what is found (selected), since a
// project's custom rules are not known here.
func (o *checkOptions) settings(ruleSet []*rules.Rule) rules.Settings {
	var s rules.Settings
	if len(o.only) > 0 || len(o.disable) > 0 {
		s.Rules = map[string]rules.RuleSetting{}
	}
	if len(o.only) > 0 {
		for _, r := range ruleSet {
			s.Rules[r.ID] = rules.RuleSetting{Off: true}
		}
		for _, id := range o.only {
			s.Rules[id] = rules.RuleSetting{}
		}
	}
	if len(o.categories) > 0 {
		s.Categories = map[string]bool{}
		for _, c := range rules.Categories() {
			s.Categories[c] = false
		}
		for _, c := range o.categories {
			s.Categories[c] = true
		}
	}
	for _, id := range o.disable {
		s.Rules[id] = rules.RuleSetting{Off: true}
	}
	return s
}

// selected reports whether a finding is reported under the selection and
// --min-severity.
func (o *checkOptions) selected(f *rules.Finding) bool {
	if o.minSeverity.s != 0 && f.Severity > o.minSeverity.s {
		return false // severities count up from error
	}
	if len(o.only) > 0 && !contains(o.only, f.Rule.ID) {
		return false
	}
	if len(o.categories) > 0 && !contains(o.categories, f.Rule.Category) {
		return false
	}
	return !contains(o.disable, f.Rule.ID)
}

// fails reports whether a reported finding makes the exit status 1.
func (o *checkOptions) fails(s rules.Severity) bool {
	return o.failOn.s == 0 || s <= o.failOn.s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// configFiles is the checker's file system under --config: every document
// belongs to the one configuration given, rooted at its directory.
type configFiles struct {
	checker.OSFiles
	config, root string
}

func newConfigFiles(path string) (configFiles, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return configFiles{}, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return configFiles{}, unwrapPathError(err)
	}
	if !info.Mode().IsRegular() {
		return configFiles{}, errors.New("not a regular file")
	}
	return configFiles{config: abs, root: filepath.Dir(abs)}, nil
}

func (c configFiles) Find(docPath string, roots []string) (string, string, bool) {
	return c.config, c.root, true
}
