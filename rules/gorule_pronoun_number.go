package rules

import (
	"liaison/analysis"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// pronounNumber flags "them" for a thing the sentence names only in the
// singular: "Please read the report and sign them" (it). It is meant for
// the clear case only, because "they" and "them" are standard for one
// person whose sex is not given ("a user who forgets their password") and
// may point back past the sentence. So it speaks only when:
//
//   - "them" is the object of a verb whose object is a document or a file,
//     never a person ("sign", "print", "staple", "shred", …), and is not
//     followed by a particle ("sign them up" is about people);
//   - every noun before it in the sentence is singular, at least one has a
//     determiner ("the report"), no two are joined by "and"/"or" (the
//     report and the appendix), and no plural word (these, both, two,
//     they, …) comes before it.
func pronounNumber(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for k := 1; k < len(toks); k++ {
		if len(toks[k].Text) != 4 || pcLower(toks[k].Text) != "them" || !thingObjectVerb(toks[k-1].Text) {
			continue
		}
		if k+1 < len(toks) && isParticle(&toks[k+1]) {
			continue
		}
		if singularOnly(toks[:k-1]) {
			out = append(out, GoMatch{Start: k, End: k + 1, Replacements: []string{"it"}})
		}
	}
	return out
}

// thingObjectVerb reports whether w is the base form of a verb whose object
// is a document or a file.
func thingObjectVerb(w string) bool {
	switch pcLower(w) {
	case "sign", "countersign", "print", "reprint", "file", "staple", "photocopy", "shred", "proofread", "reread",
		"rename", "bookmark", "archive", "delete", "edit", "initial", "laminate", "fax", "notarize", "notarise",
		"submit", "resubmit", "scan", "upload", "download":
		return true
	}
	return false
}

func isParticle(t *analysis.Token) bool {
	if t.PTB == tag.RP {
		return true
	}
	switch pcLower(t.Text) {
	case "up", "in", "off", "out", "on", "over", "away", "down", "all", "both":
		return true
	}
	return false
}

// singularOnly reports whether the words before the verb name a single
// thing and nothing plural: at least one singular common noun after a
// determiner, no plural noun, number or plural pronoun, no two nouns
// joined by a conjunction.
func singularOnly(ts []analysis.Token) bool {
	determined := false
	for i := range ts {
		t := &ts[i]
		switch t.PTB {
		case tag.NNS, tag.NNPS, tag.CD:
			return false
		case tag.NN:
			if i > 0 && (ts[i-1].PTB == tag.DT || ts[i-1].PTB == tag.PRPS || ts[i-1].PTB == tag.JJ && i > 1 && ts[i-2].PTB == tag.DT) {
				determined = true
			}
		case tag.CC:
			// "the report and the appendix": a conjunction followed by a
			// noun phrase joins two things; "and sign" joins two verbs.
			if i+1 < len(ts) && (nounPhraseTag(ts[i+1].PTB) || ts[i+1].PTB == tag.PRP) {
				return false
			}
		}
		if t.Kind == token.Word {
			switch pcLower(t.Text) {
			case "they", "them", "these", "those", "both", "all", "each", "every", "some", "many", "several", "few",
				"we", "us", "you", "copies", "pages", "forms", "documents":
				return false
			}
		}
	}
	return determined
}
