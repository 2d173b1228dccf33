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
		// Any form of the verb: "sign them", "I signed them".
		v := &toks[k-1]
		if len(toks[k].Text) != 4 || pcLower(toks[k].Text) != "them" || !thingObjectVerb(v.Text) && !(v.UPOS == tag.VERB && thingObjectVerb(v.Lemma)) {
			continue
		}
		if k+1 < len(toks) && isParticle(&toks[k+1]) {
			continue
		}
		// "mail them the form", "save them a seat": people, with the
		// thing as a second object.
		// (Not a time: "signed them the same day".)
		if k+1 < len(toks) && (toks[k+1].PTB == tag.DT || toks[k+1].PTB == tag.PRPS || toks[k+1].PTB == tag.CD) && !timeNounPhrase(toks, k+1) {
			continue
		}
		// The verb's own subject is no antecedent: "…, and we signed them".
		before := toks[:k-1]
		if k >= 2 && isAnyOf(toks[k-2].Text, "we", "you", "i", "he", "she") {
			before = toks[:k-2]
		}
		if singularOnly(before) {
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
		"submit", "resubmit", "scan", "upload", "download", "mail", "save", "attach", "forward",
		"export", "return", "photograph", "frame", "wrap", "unwrap",
		// What one does to a text or a file and never to a person ("read"
		// is left out: "the coach could read them like a book").
		"complete", "translate", "recycle", "stamp", "encrypt", "decrypt", "compress", "unzip", "reformat":
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
			// After a comma a subject pronoun opens a clause of its own:
			// "the landlord sent the lease, and I signed them".
			if i+1 < len(ts) && (nounPhraseTag(ts[i+1].PTB) || ts[i+1].PTB == tag.PRP && !(i > 0 && ts[i-1].Text == "," && subjectPronoun(ts[i+1].Text))) {
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

// timeNounPhrase reports whether a noun phrase of time begins at toks[i]:
// a determiner or number, at most one adjective, and a word of time ("the
// same day", "this week", "two hours").
func timeNounPhrase(toks []analysis.Token, i int) bool {
	k := i + 1
	if k < len(toks) && (toks[k].PTB == tag.JJ || toks[k].PTB == tag.JJS) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	w := pcLower(toks[k].Text)
	return timeNoun(w) || isAnyOf(w, "hour", "hours", "minute", "minutes", "days", "weeks", "months", "years", "nights", "mornings", "evenings")
}
