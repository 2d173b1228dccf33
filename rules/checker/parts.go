package checker

import (
	"context"
	"fmt"
	"strings"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/rules"
	"liaison/rules/directive"
)

// findParts is find without a cache, a part of the document at a time
// (Options.PartBytes): each part is analysed, checked and dropped, and
// only its findings are kept. The findings are those of the whole
// document's check: blocks are checked on their own, and a part that
// continues a long block repeats the sentence before it for the rules
// that read it, whose findings are the previous part's (Part.From). The
// rules' per-document time budget (rules/budget.go) counts per part.
func (c *Checker) findParts(ctx context.Context, engine *rules.Engine, doc Document, s rules.Settings, mo *markup.Options) ([]rules.Finding, error) {
	var out []rules.Finding
	err := c.streamParts(ctx, engine, doc, s, mo, nil, func(fs []rules.Finding) error {
		out = append(out, fs...)
		return nil
	})
	return out, err
}

// streamParts is findParts giving each part's findings to emit as the part
// is checked, in document order, instead of keeping them. defs are the
// Markdown link reference definitions (nil: doc's own; see Segments).
func (c *Checker) streamParts(ctx context.Context, engine *rules.Engine, doc Document, s rules.Settings, mo *markup.Options, defs *markup.Definitions, emit func([]rules.Finding) error) error {
	in := interner{}
	err := c.analyzer().WithOptions(mo).AnalyzePartsWith(ctx, doc.LanguageID, doc.whole(), defs, c.parts, func(p analysis.Part) error {
		fs := engine.Check(ctx, &p.Result, s)
		if err := ctx.Err(); err != nil {
			return err
		}
		var out []rules.Finding
		for _, f := range fs {
			if f.Start < p.From {
				continue
			}
			f.Message = in.string(f.Message)
			f.Replacements = in.strings(f.Replacements)
			out = append(out, f)
		}
		return emit(out)
	})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("analysing: %w", err)
	}
	return nil
}

// CheckParts is Check giving the findings to emit a run at a time, in
// document order, as each part of the document is checked (see
// Options.PartBytes), so that they can be reported and dropped instead of
// held until the whole document is checked: the runs together are Check's
// Findings. The directives are parsed once, up front, and applied to each
// part's findings (directive.Stream). Without PartBytes, with a stand-in
// Finder or for a configuration file, the findings are Check's, in one
// run. An error from emit stops the check and is returned; findings
// already given stay given.
func (c *Checker) CheckParts(ctx context.Context, doc Document, lk *Lookup, editor rules.Settings, emit func([]rules.Finding) error) error {
	return c.checkParts(ctx, doc, lk, editor, nil, emit)
}

// checkParts is CheckParts with the Markdown link reference definitions
// given (nil: doc's own).
func (c *Checker) checkParts(ctx context.Context, doc Document, lk *Lookup, editor rules.Settings, defs *markup.Definitions, emit func([]rules.Finding) error) error {
	if c.finder != nil || c.cache != nil || c.parts <= 0 || (doc.Path != "" && (IsConfigFile(doc.Path) || lk.isRuleFile(doc.Path))) {
		res, err := c.Check(ctx, doc, lk, editor)
		if err != nil {
			return err
		}
		return emit(res.Findings)
	}
	settings, engine, _, known, markupOpts := c.under(doc, lk, editor)
	settings = c.withSpelling(doc, lk, settings, false, nil) // words.go
	st := directive.NewStream(doc.LanguageID, doc.whole(), func(id string) bool { return known[id] })
	err := c.streamParts(ctx, engine, doc, settings, markupOpts, defs, func(fs []rules.Finding) error {
		out, err := st.Apply(fs)
		if err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		return emit(out)
	})
	if err != nil {
		return err
	}
	if rest := st.Close(); len(rest) > 0 {
		return emit(rest)
	}
	return nil
}

// interner shares equal messages and replacement lists between the
// findings of one document: a file full of one mistake has a finding
// every few dozen bytes, each with the same message, which would
// otherwise be held once per finding until the report is written.
type interner struct {
	strs map[string]string
	reps map[string][]string
}

func (in *interner) string(s string) string {
	if t, ok := in.strs[s]; ok {
		return t
	}
	if in.strs == nil {
		in.strs = map[string]string{}
	}
	if len(in.strs) >= maxInterned {
		return s
	}
	in.strs[s] = s
	return s
}

func (in *interner) strings(reps []string) []string {
	if len(reps) == 0 {
		return reps
	}
	key := strings.Join(reps, "\x00")
	if t, ok := in.reps[key]; ok {
		return t
	}
	if in.reps == nil {
		in.reps = map[string][]string{}
	}
	if len(in.reps) >= maxInterned {
		return reps
	}
	in.reps[key] = reps // not modified: the engine may share it
	return reps
}

// maxInterned bounds each of an interner's tables: past it, findings keep
// their own strings (a document of all-different findings gains nothing).
const maxInterned = 1 << 14
