package rules

import (
	"context"
	"slices"
	"strings"

	"liaison/analysis"
	"liaison/analysis/markup"
)

// scratch holds per-call buffers.
type scratch struct {
	ctx    context.Context // checked in long sentences; never nil
	norms  []string
	lemmas []string   // by token: the lemma in lower case
	words  [][]patternRef // by token: the patterns the index keys by its form
	lrefs  [][]patternRef // and by its lemma
	have   []uint64 // bit per needed word (index.needs) the sentence holds
	set    []int32  // the bits of have that are set
	lists  []uint64 // bit per needs list one of whose words the sentence holds, of those known
	known  []uint64 // bit per needs list looked at in the sentence
	listed []int32  // the bits of known that are set
	sent   sentence
	budget budgets
	prev   []analysis.Token // the previous sentence of the block, nil for the first
	marks  []markup.Range   // the block's markup ranges (block offsets)
	ix     *index           // the rules to run: all, or those on by default
}

// checkSentence runs the rules over one sentence and appends findings
// (block offsets) to out.
func (e *Engine) checkSentence(sc *scratch, toks []analysis.Token, out []Finding) []Finding {
	if len(toks) == 0 {
		return out
	}
	ix := sc.ix
	// Each token's form and lemma, normalised once, and what the index
	// holds for them; the words patterns need that the sentence holds.
	sc.norms, sc.lemmas = sc.norms[:0], sc.lemmas[:0]
	sc.words, sc.lrefs = sc.words[:0], sc.lrefs[:0]
	if n := (ix.nNeed + 63) / 64; len(sc.have) != n {
		sc.have = make([]uint64, n)
	}
	if n := (len(ix.needs) + 63) / 64; len(sc.lists) != n {
		sc.lists, sc.known = make([]uint64, n), make([]uint64, n)
	}
	sc.set, sc.listed = sc.set[:0], sc.listed[:0]
	repeats := false // a form written twice in a row
	mark := func(id int32) {
		if id >= 0 && sc.have[id/64]&(1<<(id%64)) == 0 {
			sc.have[id/64] |= 1 << (id % 64)
			sc.set = append(sc.set, id)
		}
	}
	for i := range toks {
		norm := normalise(toks[i].Text)
		lemma := norm
		if l := toks[i].Lemma; l != norm {
			lemma = strings.ToLower(l)
		}
		ent, ok := ix.entry(norm)
		if ok {
			mark(ent.needWord)
		}
		lent := ent
		if lemma != norm {
			lent, ok = ix.entry(lemma)
		}
		if ok && lemma != "" {
			mark(lent.needLemma)
		} else {
			lent = keyEntry{}
		}
		repeats = repeats || i > 0 && norm == sc.norms[i-1]
		sc.norms, sc.lemmas = append(sc.norms, norm), append(sc.lemmas, lemma)
		sc.words, sc.lrefs = append(sc.words, ent.word), append(sc.lrefs, lent.lemma)
	}
	s := &sc.sent
	s.resetWith(toks, sc.norms, sc.lemmas)
	s.mass, s.sound = e.mass, e.sound
	s.prev, s.marks = sc.prev, sc.marks
	sc.budget.startSentence()
	for i := range toks {
		if i > 0 && i%cancelCheckTokens == 0 && sc.ctx.Err() != nil {
			sc.clearNeeds()
			return out // checkBlock sees the error and drops the block
		}
		t := &toks[i]
		// The patterns the index offers at the token, in this order: by
		// its form, its lemma, its Penn tag, its Universal tag. They are
		// read where the index holds them, not copied into one list (the
		// copy was a tenth of the engine's own time).
		for _, refs := range [4][]patternRef{sc.words[i], sc.lrefs[i], ix.byPTB[t.PTB&63], ix.byUPOS[t.UPOS&31]} {
			for j := range refs {
				ref := &refs[j]
				if ref.need > 0 {
					// The sentence's answer for the need list, known or
					// looked up (look).
					l := uint32(ref.need - 1)
					w, bit := l>>6, uint64(1)<<(l&63)
					if sc.lists[w]&bit == 0 && (sc.known[w]&bit != 0 || !sc.look(ix.needs, int32(l))) {
						continue // a word the pattern needs is not in the sentence
					}
				}
				if ref.repeat && !repeats {
					continue
				}
				if ref.anchored {
					out = e.try(sc, ref, i, out)
					continue
				}
				for at := max(0, i+int(ref.lo)); at <= i+int(ref.hi) && at < len(toks); at++ {
					out = e.try(sc, ref, at, out)
				}
			}
		}
	}
	sc.clearNeeds()
	for _, ri := range ix.code {
		out = e.runCode(e.rules[ri], s, out)
	}
	return out
}

// look reports whether the sentence holds one of the words of needs
// list l, and remembers the answer for the rest of the sentence (its
// words are all marked before the first pattern is offered) in lists
// and known, which checkSentence reads first: a list is offered again at
// every token its pattern's key finds, a tag's at every noun or verb, and
// scanning it each time (up to maxNeedWords words) was 4.5% of the
// instructions of a check of the Rust Book; calling a function to read
// the answer known was a twentieth of the engine's own time.
func (sc *scratch) look(needs [][]int32, l int32) bool {
	sc.known[l/64] |= 1 << (l % 64)
	sc.listed = append(sc.listed, l)
	for _, id := range needs[l] {
		if sc.have[id/64]&(1<<(id%64)) != 0 {
			sc.lists[l/64] |= 1 << (l % 64)
			return true
		}
	}
	return false
}

// clearNeeds forgets the sentence's needed words.
func (sc *scratch) clearNeeds() {
	for _, id := range sc.set {
		sc.have[id/64] = 0
	}
	for _, l := range sc.listed {
		sc.lists[l/64], sc.known[l/64] = 0, 0
	}
	sc.set, sc.listed = sc.set[:0], sc.listed[:0]
}

// try attempts one pattern at token i within the rule's budgets.
func (e *Engine) try(sc *scratch, ref *patternRef, i int, out []Finding) []Finding {
	cr := e.rules[ref.rule]
	allow := sc.budget.allowance(e, cr.id)
	if allow <= 0 || !cr.compiled(&e.tmpl) {
		return out
	}
	s := &sc.sent
	s.budget = allow
	p := &cr.patterns[ref.pattern]
	first := &p.match[0]
	if ref.anchored {
		first = &p.first // the index found the token by its words
	}
	end, ok := s.matchFrom(p, i, first)
	ok = ok && !s.cancelled(cr.unless, i, end)
	sc.budget.spend(e, cr.id, allow-s.budget, s.toks[i].Start, s.toks[i].End)
	if !ok {
		return out
	}
	return e.addFinding(out, cr, p, s, i, end)
}

// addFinding appends the finding for toks[start:end], unless the same rule
// already reported a finding starting there.
func (e *Engine) addFinding(out []Finding, cr *compiledRule, p *compiledPattern, s *sentence, start, end int) []Finding {
	toks := s.toks
	st, en := toks[start].Start, toks[end-1].End
	for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
		if out[i].Rule == cr.rule && out[i].Start == st {
			return out
		}
	}
	r := cr.rule
	matched := matchedText(toks[start:end])
	reps := make([]string, 0, len(p.replacements))
	for _, t := range p.replacements {
		if t.hasElements() {
			if rep, ok := e.render(t, s, matched); ok {
				reps = append(reps, matchCase(matched, rep))
			}
			continue
		}
		reps = append(reps, e.replacement(r, toks[start:end], t.literal()))
	}
	// Two replacements may render alike; a duplicate offers nothing.
	reps = slices.Compact(reps)
	// A computed replacement that gives back the matched text means the
	// pattern matched a form it did not mean ("didn't put", put read as a
	// past): no finding.
	if p.templated && len(reps) > 0 && !slices.ContainsFunc(reps, func(r string) bool { return !strings.EqualFold(r, matched) }) {
		return out
	}
	msg, _ := e.render(p.message, s, matched)
	first := ""
	if len(reps) > 0 {
		first = reps[0]
	}
	msg = strings.ReplaceAll(msg, "{replacement}", first)
	return append(out, Finding{Rule: r, Start: st, End: en, Severity: r.Severity, Message: msg, Replacements: reps,
		specificity: p.specificity})
}

// matchedText is the text of a run of tokens, with single spaces where the
// source had a gap.
func matchedText(toks []analysis.Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].End < t.Start {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// resolveOverlaps keeps at most one finding per span: of findings whose
// spans overlap, the one of higher rule priority, then higher pattern
// specificity (see specificityOf), then the longer span, then the earlier
// one, then the smaller rule id. fs must be sorted by position; the result
// is too, and reuses fs.
func resolveOverlaps(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	// The engine's own warnings (a suspended rule) are not findings of a
	// rule: they neither hide nor are hidden.
	if slices.ContainsFunc(fs, isEngineWarning) {
		engine := slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { return !isEngineWarning(f) })
		out := append(resolveOverlaps(slices.DeleteFunc(fs, isEngineWarning)), engine...)
		sortFindings(out)
		return out
	}
	out := fs[:0]
	for i := 0; i < len(fs); {
		// A cluster: findings linked by overlapping spans.
		j, end := i+1, fs[i].End
		for j < len(fs) && fs[j].Start < end {
			end = max(end, fs[j].End)
			j++
		}
		if j == i+1 {
			out = append(out, fs[i])
			i = j
			continue
		}
		cluster := slices.Clone(fs[i:j])
		slices.SortStableFunc(cluster, func(a, b Finding) int { return -outranks(a, b) })
		var kept []Finding
		for _, f := range cluster {
			if !slices.ContainsFunc(kept, func(k Finding) bool { return k.Start < f.End && f.Start < k.End }) {
				kept = append(kept, f)
			}
		}
		sortFindings(kept)
		out = append(out, kept...)
		i = j
	}
	return out
}

func isEngineWarning(f Finding) bool { return f.Rule != nil && f.Rule.Category == "engine" }

// outranks compares two findings for resolveOverlaps: positive when a is
// kept over b.
func outranks(a, b Finding) int {
	if a.Rule.Priority != b.Rule.Priority {
		return a.Rule.Priority - b.Rule.Priority
	}
	if a.specificity != b.specificity {
		return a.specificity - b.specificity
	}
	if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
		return la - lb
	}
	if a.Start != b.Start {
		return b.Start - a.Start
	}
	return strings.Compare(b.Rule.ID, a.Rule.ID)
}
