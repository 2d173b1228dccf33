package server

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"go.uber.org/zap"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/rules"
)

// DefaultLinter returns the linter built from liaison's analysis pipeline
// and its default rules.
//
// The embedded data (tagger model, lexicon, rules) decode in parallel: the
// load is most of the time from process start to first diagnostics.
func DefaultLinter() (Linter, error) {
	lexicon := make(chan *morph.Lexicon, 1)
	go func() { lexicon <- morph.Default() }()
	type loaded struct {
		rules []*rules.Rule
		err   error
	}
	ruleSet := make(chan loaded, 1)
	go func() {
		rs, err := rules.LoadDefault()
		ruleSet <- loaded{rs, err}
	}()
	tagger := tag.Default()
	analyzer := analysis.NewWith(tagger, <-lexicon)
	rs := <-ruleSet
	if rs.err != nil {
		return nil, fmt.Errorf("loading the default rules: %w", rs.err)
	}
	return NewLinter(analyzer, rs.rules)
}

// NewLinter returns a linter that analyses documents with analyzer and
// checks them with rs.
func NewLinter(analyzer *analysis.Analyzer, rs []*rules.Rule) (Linter, error) {
	engine, err := rules.NewEngine(rs)
	if err != nil {
		return nil, fmt.Errorf("compiling the rules: %w", err)
	}
	return &pipelineLinter{analyzer: analyzer, engine: engine, rules: rs}, nil
}

// pipelineLinter runs the analyzer and the rules engine. Both cache by
// content (the analyzer per chunk, the engine per block), so re-linting an
// edited document costs what the edit touched.
type pipelineLinter struct {
	analyzer *analysis.Analyzer
	engine   *rules.Engine
	rules    []*rules.Rule
	projects projectEngines // engines with a project's custom rules (projectconfig.go)
}

func (l *pipelineLinter) Lint(ctx context.Context, languageID, src string, s Settings) ([]Problem, error) {
	problems, _, err := l.LintAnalysis(ctx, languageID, src, s)
	return problems, err
}

// LintAnalysis lints like Lint and also returns the analysis it checked,
// for hovers that read the words in their sentences.
func (l *pipelineLinter) LintAnalysis(ctx context.Context, languageID, src string, s Settings) ([]Problem, *analysis.Result, error) {
	res, err := l.analyzer.Analyze(ctx, languageID, src)
	if err != nil {
		return nil, nil, fmt.Errorf("analysing: %w", err)
	}
	engine, err := l.engineFor(s.Project)
	if err != nil {
		return nil, nil, err
	}
	findings := engine.Check(ctx, res, rulesSettings(s))
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	out := make([]Problem, len(findings))
	for i, f := range findings {
		out[i] = Problem{
			Start:        f.Start,
			End:          f.End,
			Severity:     Severity(f.Severity),
			Message:      f.Message,
			Replacements: f.Replacements,
		}
		if f.Rule != nil {
			out[i].RuleID = f.Rule.ID
			out[i].Category = f.Rule.Category
			out[i].Explanation = f.Rule.Explanation
		}
	}
	return out, res, nil
}

// rulesSettings converts the server's settings to the engine's.
func rulesSettings(s Settings) rules.Settings {
	out := rules.Settings{Categories: s.Categories}
	if len(s.Rules) > 0 {
		out.Rules = make(map[string]rules.RuleSetting, len(s.Rules))
		for id, rs := range s.Rules {
			switch rs {
			case RuleOff:
				out.Rules[id] = rules.RuleSetting{Off: true}
			case RuleError:
				out.Rules[id] = rules.RuleSetting{Severity: rules.SeverityError}
			case RuleWarning:
				out.Rules[id] = rules.RuleSetting{Severity: rules.SeverityWarning}
			case RuleInfo:
				out.Rules[id] = rules.RuleSetting{Severity: rules.SeverityInfo}
			case RuleHint:
				out.Rules[id] = rules.RuleSetting{Severity: rules.SeverityHint}
			case "": // on: overrides a project configuration that turned it off
				out.Rules[id] = rules.RuleSetting{}
			}
		}
	}
	return out
}

// lazyLinter is a linter still loading: Lint waits until it is ready.
type lazyLinter struct {
	ready  chan struct{}
	linter Linter // set before ready is closed
}

// loadLinter starts loading the default linter in the background and
// returns it at once; a load error is logged and leaves a linter that
// finds nothing.
func loadLinter(log *zap.Logger) Linter {
	z := &lazyLinter{ready: make(chan struct{})}
	go func() {
		defer close(z.ready)
		start := time.Now()
		l, err := DefaultLinter()
		log.Debug("linter loaded", zap.Duration("took", time.Since(start)))
		if err != nil {
			log.Error("loading the linter", zap.Error(err))
			l = nopLinter{}
		}
		z.linter = l
	}()
	return z
}

func (z *lazyLinter) Lint(ctx context.Context, languageID, src string, s Settings) ([]Problem, error) {
	select {
	case <-z.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return z.linter.Lint(ctx, languageID, src, s)
}

func (z *lazyLinter) LintAnalysis(ctx context.Context, languageID, src string, s Settings) ([]Problem, *analysis.Result, error) {
	select {
	case <-z.ready:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	return lintAnalysis(ctx, z.linter, languageID, src, s)
}

// settingsChecker is a linter that can tell which rule ids and categories
// named in settings it does not know, so a typo in the editor's settings is
// reported instead of silently doing nothing.
type settingsChecker interface {
	UnknownSettings(ctx context.Context, s Settings) []string
}

// UnknownSettings lists the rule ids and categories in s that no built-in
// rule has. A project's own rule files may define more ids; those are
// named too, with that caveat in the message.
func (l *pipelineLinter) UnknownSettings(ctx context.Context, s Settings) []string {
	ids := make(map[string]bool, len(l.rules))
	categories := make(map[string]bool)
	for _, r := range l.rules {
		ids[r.ID] = true
		categories[r.Category] = true
	}
	var unknown []string
	for _, id := range slices.Sorted(maps.Keys(s.Rules)) {
		if !ids[id] {
			unknown = append(unknown, fmt.Sprintf("settings: %q is not a built-in rule (ignored unless a project rule file defines it); `liaison rules` lists them", id))
		}
	}
	for _, c := range slices.Sorted(maps.Keys(s.Categories)) {
		if !categories[c] {
			unknown = append(unknown, fmt.Sprintf("settings: %q is not a rule category (ignored); `liaison rules` lists them", c))
		}
	}
	return unknown
}

func (z *lazyLinter) UnknownSettings(ctx context.Context, s Settings) []string {
	select {
	case <-z.ready:
	case <-ctx.Done():
		return nil
	}
	if c, ok := z.linter.(settingsChecker); ok {
		return c.UnknownSettings(ctx, s)
	}
	return nil
}
