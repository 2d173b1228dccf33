package checker

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/directive"
	"liaison/rules/project"
)

// Finder finds the rules' findings in a document's text under settings,
// sorted by Start, with the settings applied. The Checker's own Find is the
// analysis and the rules engine; a stand-in (Options.Finder) lets tests of
// what surrounds them — projects, directives, the server — run without the
// tagger.
type Finder interface {
	Find(ctx context.Context, languageID, src string, s rules.Settings) ([]rules.Finding, error)
}

// Options configure a Checker.
type Options struct {
	// Analyzer analyses documents; it or LoadAnalyzer is required unless
	// Finder is set.
	Analyzer *analysis.Analyzer
	// LoadAnalyzer, when Analyzer is nil, is called once, when the first
	// document is analysed: the CLI loads the tagger model while it lists
	// its inputs and reads their configurations.
	LoadAnalyzer func() *analysis.Analyzer
	// Rules are the built-in rules; a project's custom rules are added to
	// them. Directives may name any of them.
	Rules []*rules.Rule
	// CacheBytes bounds the cache of analyses and findings by the memory it
	// retains (estimated); 0 keeps no cache (the CLI checks each file once).
	CacheBytes int64
	// Files is what projects are read through; nil reads the disk (tests
	// count or block the reads).
	Files FileSystem
	// Roots are the directories a configuration search stops at
	// (workspace folders; see project.Find). SetRoots replaces them.
	Roots []string
	// Finder, when set, stands in for the analysis and the rules engine
	// (see Finder); custom rules of projects are then not run.
	Finder Finder
	// PartBytes, when positive and there is no cache, has each document
	// analysed and checked about this many bytes of source at a time
	// (analysis.AnalyzeParts), each part's analysis dropped before the
	// next: memory then holds one part's analysis and the findings, not
	// the document's analysis. Result.Analysis is nil then. The CLI uses
	// it; 0 analyses each document whole.
	PartBytes int
}

// DefaultCacheBytes is the server's cache bound: the analysis and findings
// of the Rust Book (1.2 MB of Markdown) are estimated at about 25 MB.
const DefaultCacheBytes = 96 << 20

// Checker checks documents. It is safe for concurrent use.
type Checker struct {
	analyzer func() *analysis.Analyzer
	builtin  []*rules.Rule
	engine   *rules.Engine // of the built-in rules
	gen      uint64        // the built-in engine's generation, for the cache
	known    map[string]bool
	files    FileSystem
	finder   Finder
	cache    *cache // nil: none
	parts    int    // Options.PartBytes; 0 with a cache

	gens atomic.Uint64 // numbers engines, so cached findings never outlive theirs

	mu       sync.Mutex
	roots    []string
	projects map[string]*configEntry // by configuration path

	words *wordState // the spelling rule's word lists and open documents (words.go)
}

// New returns a Checker; it compiles the built-in rules.
func New(opts Options) (*Checker, error) {
	return newChecker(opts, nil)
}

// newChecker is New with the built-in rules' engine compiled already
// (nil: compile it).
func newChecker(opts Options, engine *rules.Engine) (*Checker, error) {
	c := &Checker{
		builtin:  opts.Rules,
		files:    opts.Files,
		finder:   opts.Finder,
		roots:    opts.Roots,
		projects: map[string]*configEntry{},
		words:    newWordState(),
	}
	if c.files == nil {
		c.files = OSFiles{}
	}
	switch {
	case opts.Analyzer != nil:
		a := opts.Analyzer
		c.analyzer = func() *analysis.Analyzer { return a }
	case opts.LoadAnalyzer != nil:
		c.analyzer = sync.OnceValue(opts.LoadAnalyzer)
	}
	if c.finder == nil {
		if c.analyzer == nil {
			return nil, fmt.Errorf("checker: no analyzer")
		}
		if engine == nil {
			e, err := rules.NewEngine(opts.Rules)
			if err != nil {
				return nil, fmt.Errorf("compiling the rules: %w", err)
			}
			engine = e
		}
		c.engine = engine
	}
	c.gen = c.gens.Add(1)
	c.known = ruleIDs(opts.Rules, nil)
	if opts.CacheBytes > 0 {
		c.cache = newCache(opts.CacheBytes)
	} else {
		c.parts = max(opts.PartBytes, 0)
	}
	return c, nil
}

// Default returns a Checker with the embedded tagger, lexicon and rules,
// decoded in parallel (their load is most of the time from a server's
// start to its first diagnostics), with a cache of cacheBytes (0: none).
func Default(cacheBytes int64, files FileSystem) (*Checker, error) {
	lexicon := make(chan *morph.Lexicon, 1)
	go func() { lexicon <- morph.Default() }()
	type loaded struct {
		rules  []*rules.Rule
		engine *rules.Engine
		err    error
	}
	// The rules are compiled as soon as they are decoded, while the tagger
	// still loads: compiling them after every load was done kept a core
	// idle for that long on the way to the first diagnostics.
	ruleSet := make(chan loaded, 1)
	go func() {
		rs, err := rules.LoadDefault()
		if err != nil {
			ruleSet <- loaded{err: fmt.Errorf("loading the default rules: %w", err)}
			return
		}
		e, err := rules.NewEngine(rs)
		if err != nil {
			err = fmt.Errorf("compiling the rules: %w", err)
		}
		ruleSet <- loaded{rs, e, err}
	}()
	tagger := tag.Default()
	analyzer := analysis.NewWith(tagger, <-lexicon)
	rs := <-ruleSet
	if rs.err != nil {
		return nil, rs.err
	}
	return newChecker(Options{Analyzer: analyzer, Rules: rs.rules, CacheBytes: cacheBytes, Files: files}, rs.engine)
}

// Rules returns the built-in rules.
func (c *Checker) Rules() []*rules.Rule { return c.builtin }

// Document is one document to check.
type Document struct {
	// Key identifies the document among those checked with the cache (an
	// editor's URI): what its previous revision used may then be dropped.
	// "" for a document checked once.
	Key string
	// Path is the document's local path, absolute; "" when it has none (an
	// untitled buffer, standard input read as such).
	Path       string
	LanguageID string // a language id of markup.FormatFor ("markdown", "latex"; unknown: plain text)
	Text       string
	// Edit, when known, says how Text was made from an earlier revision's
	// text (an editor's document knows: text.Document.Edit); when that is
	// the revision last checked under Key, the two are not compared to
	// find what changed. nil: unknown.
	Edit *analysis.Edit
	// Source, when not nil, is the text read a span at a time (an
	// editor's text.Document) and Text is not read: a revision made from
	// the one last checked under Key is then read around its edit alone,
	// its whole text never joined (that join was 55% of what a keystroke
	// in the Rust Book allocated, profiled). Edit is not needed then: two
	// Documents are compared chunk by chunk.
	Source text.Source
}

// source returns the document's text as a Source.
func (d *Document) source() text.Source {
	if d.Source != nil {
		return d.Source
	}
	return text.String(d.Text)
}

// whole returns the document's whole text: joined from Source (once: a
// Document keeps it) where a check needs all of it (a configuration
// file, directives, a stand-in Finder).
func (d *Document) whole() string {
	if d.Source != nil {
		return text.Whole(d.Source)
	}
	return d.Text
}

// Result is what checking a document gives.
type Result struct {
	// Findings are sorted by Start, byte offsets into the text: the rules'
	// under the merged settings, less those the directives silence, plus
	// the directives' own (unknown rule ids) or, for a configuration file,
	// its problems (rule ConfigRuleID).
	Findings []rules.Finding
	// Analysis is what the rules were run on; nil for a configuration file
	// or under a stand-in Finder. It must not be modified.
	Analysis *analysis.Result
}

// Check checks doc under the editor's settings (layered over the project's)
// and the project lk was looked up for (nil: none). It reads no file,
// except for a configuration file's rule files.
func (c *Checker) Check(ctx context.Context, doc Document, lk *Lookup, editor rules.Settings) (Result, error) {
	if doc.Path != "" && (IsConfigFile(doc.Path) || lk.isRuleFile(doc.Path)) {
		return Result{Findings: c.configFindings(doc.Path, doc.whole())}, nil
	}
	settings, engine, gen, known, markupOpts := c.under(doc, lk, editor)
	learnt := &knownOfText{}
	settings = c.withSpelling(doc, lk, settings, true, learnt) // words.go
	var res *analysis.Result
	var findings []rules.Finding
	if c.finder != nil {
		fs, err := c.finder.Find(ctx, doc.LanguageID, doc.whole(), settings)
		if err != nil {
			return Result{}, err
		}
		findings = fs
	} else {
		var err error
		var noDirectives bool
		findings, res, noDirectives, err = c.find(ctx, engine, gen, doc, settings, markupOpts, learnt)
		if err != nil {
			return Result{}, err
		}
		c.rememberCode(doc, res) // words.go
		if noDirectives {
			return Result{Findings: findings, Analysis: res}, nil
		}
	}
	findings = directive.Apply(doc.LanguageID, doc.whole(), findings, func(id string) bool { return known[id] })
	return Result{Findings: findings, Analysis: res}, nil
}

// under returns what doc is checked under: the editor's settings layered
// over the project's, the project's engine (its generation and rule ids)
// and its markup options (nil: the defaults).
func (c *Checker) under(doc Document, lk *Lookup, editor rules.Settings) (rules.Settings, *rules.Engine, uint64, map[string]bool, *markup.Options) {
	p := lk.project()
	if p == nil {
		return editor, c.engine, c.gen, c.known, nil
	}
	path := doc.Path
	if path == "" {
		path = filepath.Join(p.Dir, "untitled")
	}
	return project.Merge(p.SettingsFor(path), editor), lk.engine, lk.gen, lk.known, p.Config.Markup
}

// Find is the analysis and the built-in rules alone, uncached: no project,
// no directives. It makes a Checker a Finder.
func (c *Checker) Find(ctx context.Context, languageID, src string, s rules.Settings) ([]rules.Finding, error) {
	if c.finder != nil {
		return c.finder.Find(ctx, languageID, src, s)
	}
	fs, _, _, err := c.find(ctx, c.engine, c.gen, Document{LanguageID: languageID, Text: src}, s, nil, nil)
	return fs, err
}

// find analyses doc, read under the project's markup options (nil: the
// defaults), and runs engine over it, through the cache when there is one.
// With the cache, a document is analysed revision by revision
// (analysis.AnalyzeNext: only around the edit), and noDirectives reports
// that its text mentions no directive, known from the edit alone when the
// previous revision mentioned none.
//
// known (nil: none) is told what find learns of the text before the rules
// run, for the spelling rule's lookups (withSpelling).
func (c *Checker) find(ctx context.Context, engine *rules.Engine, gen uint64, doc Document, s rules.Settings, mo *markup.Options, known *knownOfText) (fs []rules.Finding, res *analysis.Result, noDirectives bool, err error) {
	if c.cache == nil && c.parts > 0 {
		fs, err := c.findParts(ctx, engine, doc, s, mo)
		return fs, nil, false, err
	}
	if c.cache == nil {
		res, err := c.analyzer().WithOptions(mo).Analyze(ctx, doc.LanguageID, doc.whole())
		if err != nil {
			return nil, nil, false, fmt.Errorf("analysing: %w", err)
		}
		fs := engine.Check(ctx, res, s)
		if err := ctx.Err(); err != nil {
			return nil, nil, false, err
		}
		return fs, res, false, nil
	}
	v := c.cache.begin(doc.Key, gen)
	var rev *analysis.Revision
	if doc.Source != nil {
		res, rev, err = c.analyzer().WithOptions(mo).AnalyzeSource(ctx, v, v.prev.rev, doc.LanguageID, doc.Source)
	} else {
		res, rev, err = c.analyzer().WithOptions(mo).AnalyzeEdit(ctx, v, v.prev.rev, doc.LanguageID, doc.Text, doc.Edit)
	}
	if err != nil {
		v.end(false, docRevision{})
		return nil, nil, false, fmt.Errorf("analysing: %w", err)
	}
	var mentions bool
	if start, _, end, ok := rev.Edit(); ok && v.prev.rev != nil && !v.prev.mentions {
		mentions = directive.MentionedNearIn(doc.source(), start, end)
	} else {
		mentions = directive.Mentions(doc.whole())
	}
	if known != nil {
		known.noMentions = !mentions
	}
	v.prefetch(res.Blocks)
	fs = engine.CheckWith(ctx, res, s, v)
	if err := ctx.Err(); err != nil {
		v.end(false, docRevision{})
		return nil, nil, false, err
	}
	v.end(true, docRevision{rev: rev, mentions: mentions})
	return fs, res, !mentions, nil
}

// Forget tells the cache that the document key names is closed: what its
// latest revision used may be dropped.
func (c *Checker) Forget(key string) {
	if c.cache != nil {
		c.cache.forget(key)
	}
	c.forgetCode(key)
}

// CacheStats reports the cache's estimated retained bytes and its
// entries (zero without a cache), for tests and logs.
func (c *Checker) CacheStats() (bytes int64, chunks, blocks int) {
	if c.cache == nil {
		return 0, 0, 0
	}
	return c.cache.stats()
}

// ruleIDs is the set of ids directives may name.
func ruleIDs(builtin, custom []*rules.Rule) map[string]bool {
	ids := make(map[string]bool, len(builtin)+len(custom))
	for _, r := range builtin {
		ids[r.ID] = true
	}
	for _, r := range custom {
		ids[r.ID] = true
	}
	return ids
}
