package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/tag"
)

// passiveVoice matches a passive: a form of "be" (or, for get-passives,
// "get"), up to two adverbs, and a past participle (*was deleted*, *were
// quickly fixed*, *got fired*). Left out, as the usual exceptions:
//   - participles that work as adjectives (*is interested*, *is located*,
//     *are based on*, *is done*, *is supposed to*): adjectivalParticiples;
//   - a participle before the noun it modifies (*is a used car* does not
//     reach here; *was finished work* does): the next token a noun;
//   - "get" with a participle of state (*got tired*, *got married*,
//     *got lost*), which is not a passive of action.
func passiveVoice(aux func(lemma string) bool) GoRule {
	return func(toks []analysis.Token) []GoMatch {
		var out []GoMatch
		for i := 0; i < len(toks); i++ {
			if !aux(strings.ToLower(toks[i].Lemma)) {
				continue
			}
			j := i + 1
			for n := 0; n < 2 && j < len(toks) && toks[j].UPOS == tag.ADV; n++ {
				j++
			}
			if j >= len(toks) || toks[j].PTB != tag.VBN {
				continue
			}
			p := strings.ToLower(toks[j].Lemma)
			if adjectivalParticiples[p] || adjectivalParticiples[strings.ToLower(toks[j].Text)] {
				continue
			}
			if j+1 < len(toks) && (toks[j+1].UPOS == tag.NOUN || toks[j+1].UPOS == tag.PROPN) {
				continue
			}
			out = append(out, GoMatch{Start: i, End: j + 1})
			i = j
		}
		return out
	}
}

func isBe(l string) bool  { return l == "be" }
func isGet(l string) bool { return l == "get" }

// adjectivalParticiples are past participles (lemmas and forms) that
// usage guides and style checkers do not count as passives after "be" or
// "get": they name a state, not an action done by someone.
var adjectivalParticiples = map[string]bool{
	"interest": true, "interested": true, "locate": true, "located": true, "base": true, "based": true,
	"do": true, "done": true, "suppose": true, "supposed": true,
	"tire": true, "tired": true, "marry": true, "married": true, "lose": true, "lost": true,
	"concern": true, "concerned": true, "involve": true, "involved": true, "excite": true, "excited": true,
	"bore": true, "bored": true, "please": true, "pleased": true, "satisfy": true, "satisfied": true,
	"surprise": true, "surprised": true, "worry": true, "worried": true, "scare": true, "scared": true,
	"frighten": true, "frightened": true, "confuse": true, "confused": true, "amaze": true, "amazed": true,
	"disappoint": true, "disappointed": true, "embarrass": true, "embarrassed": true,
	"finish": true, "finished": true, "go": true, "gone": true, "dress": true, "dressed": true,
	"engage": true, "engaged": true, "prepare": true, "prepared": true, "qualify": true, "qualified": true,
	"relate": true, "related": true, "compose": true, "composed": true, "equip": true, "equipped": true,
	"entitle": true, "entitled": true, "allow": true, "allowed": true, "require": true, "required": true,
	"expect": true, "expected": true, "aware": true, "accustom": true, "accustomed": true,
	"determine": true, "determined": true, "convince": true, "convinced": true, "devote": true, "devoted": true,
	"dedicate": true, "dedicated": true, "situate": true, "situated": true,
	"stick": true, "stuck": true, "close": true, "closed": true, "open": true,
	"retire": true, "retired": true, "divorce": true, "divorced": true, "acquaint": true, "acquainted": true,
	"delight": true, "delighted": true, "thrill": true, "thrilled": true, "annoy": true, "annoyed": true,
	"exhaust": true, "exhausted": true, "fascinate": true, "fascinated": true, "impress": true, "impressed": true,
	"upset": true, "shock": true, "shocked": true, "overwhelm": true, "overwhelmed": true,
}
