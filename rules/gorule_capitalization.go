package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/token"
)

// lowercaseProperAdjective flags the name of a language, a people or a
// faith written in lower case where the lower-case word is also an
// ordinary English word, so that a spell checker lets it pass: english,
// french, german, polish, dutch ("I speak english", "a french company",
// "a catholic school"). It offers the word capitalised.
//
// The words fall in three groups by how much else the lower-case form can
// mean:
//   - words whose lower-case form is rare or archaic in prose (english's
//     spin on a ball, german "closely related") are read everywhere, except
//     in the fixed compounds style guides write in lower case (french
//     fries, arabic numerals, english muffin, chinese whispers);
//   - words with a common lower-case sense (polish, dutch, danish, welsh,
//     to polish, to go dutch, a danish, to welsh on a deal) are read only
//     as a language after speak, learn and the like, or before a noun that
//     names what a people or a country has (the polish government);
//   - catholic, which is also "broad" (catholic tastes), is read only
//     before a noun of the church (a catholic school, the catholic faith).
//
// A word glued to a mark (lang=english, english.txt) is code or a value,
// not prose, and stays quiet.
func lowercaseProperAdjective(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Word || !startsLower(t.Text) {
			continue
		}
		w := t.Text
		group := properGroup(w)
		if group == 0 {
			continue
		}
		if glued(toks, i) {
			continue
		}
		var prev, next string
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Text)
		}
		if i+1 < len(toks) {
			next = strings.ToLower(toks[i+1].Text)
		}
		if lowerCompound(w, next) {
			continue
		}
		ok := false
		switch group {
		case properAlways:
			ok = !(w == "english" && (prev == "some" || prev == "more" || prev == "less" || prev == "little" || prev == "side"))
		case properAsLanguage:
			ok = languageContext(toks, i) || nationalNoun(next)
		case properChurch:
			ok = churchNoun(next)
		}
		if !ok || !prosePunctuation(toks) {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{string(unicode.ToUpper(r)) + w[n:]}})
	}
	return out
}

// The groups of properGroup.
const (
	properAlways = iota + 1
	properAsLanguage
	properChurch
)

// properGroup returns the group of a lower-case proper adjective that the
// lexicon also knows as an ordinary word, or 0. The others (spanish,
// american, monday) are no words in lower case, and the spelling rule
// reports them as names.
func properGroup(w string) int {
	switch w {
	case "english", "french", "german", "chinese", "arabic", "swedish", "indian", "christian",
		"chilean", "flemish", "gaelic", "cornish", "catalan", "hispanic":
		return properAlways
	case "polish", "dutch", "danish", "welsh", "mandarin":
		return properAsLanguage
	case "catholic":
		return properChurch
	}
	return 0
}

// glued reports a token glued to a mark or a symbol on either side: a
// value or a file name (lang=english, english.txt, fr/french).
func glued(toks []analysis.Token, i int) bool {
	t := &toks[i]
	if i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind != token.Word && !isOpeningMark(toks[i-1].Text) && toks[i-1].Text != "(" {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind != token.Word && !closesClause(toks[i+1].Text) &&
		toks[i+1].Text != ")" && toks[i+1].Text != ":" && !isOpeningMark(toks[i+1].Text) {
		return true
	}
	return false
}

// lowerCompound reports the fixed compounds that usage guides accept in
// lower case, where the word no longer names a people: french fries,
// french doors, arabic numerals, english muffin, chinese whispers, dutch
// oven, indian ink. What follows decides; none of these is flagged.
func lowerCompound(w, next string) bool {
	switch w {
	case "french":
		switch next {
		case "fries", "fry", "toast", "door", "doors", "window", "windows", "kiss", "kisses", "kissing",
			"braid", "braids", "press", "presses", "polish", "dressing", "horn", "horns", "knot", "knots",
			"twist", "seam", "seams", "cuff", "cuffs", "manicure", "curve", "curves", "drain", "drains",
			"bean", "beans", "mustard", "bulldog", "bulldogs", "letter", "leave":
			return true
		}
	case "english":
		switch next {
		case "muffin", "muffins", "horn", "horns", "ivy", "setter", "setters", "bond":
			return true
		}
	case "german":
		switch next {
		case "measles", "shepherd", "shepherds", "cockroach":
			return true
		}
	case "chinese":
		switch next {
		case "checkers", "whispers", "lantern", "lanterns", "cabbage", "gooseberry", "wall":
			return true
		}
	case "arabic":
		switch next {
		case "numeral", "numerals", "number", "numbers", "digit", "digits", "figures":
			return true
		}
	case "indian":
		switch next {
		case "ink", "file", "summer", "club", "clubs":
			return true
		}
	case "dutch":
		switch next {
		case "oven", "ovens", "courage", "uncle", "door", "doors", "auction", "auctions", "treat", "elm", "baby":
			return true
		}
	case "danish":
		switch next {
		case "pastry", "pastries":
			return true
		}
	case "welsh":
		switch next {
		case "rarebit", "on":
			return true
		}
	}
	return false
}

// languageContext reports a word in the place of a language's name: after
// a verb of speaking or learning (speak english, learn some polish, is
// fluent in dutch), or after "into" or "from … to" (translate into
// polish). Plain "in" is not enough: "in dutch" is also "in trouble".
func languageContext(toks []analysis.Token, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-3 {
		switch strings.ToLower(toks[k].Text) {
		case "some", "fluent", "basic", "good", "little", "a", "perfect", "broken", "better", "more", "native", "conversational", "and", "or", ",":
			k--
			continue
		}
		break
	}
	if k < 0 {
		return false
	}
	switch strings.ToLower(toks[k].Lemma) {
	case "speak", "learn", "study", "teach", "understand", "translate":
		return true
	}
	switch strings.ToLower(toks[k].Text) {
	case "into", "speaks", "spoke", "spoken", "speaking", "learning", "learned", "learnt", "studied", "studying", "teaches", "taught":
		return true
	case "in":
		return k > 0 && strings.ToLower(toks[k-1].Text) == "fluent"
	}
	return false
}

// nationalNoun reports a noun that names what a people or a country has,
// which after a lower-case proper adjective makes it one (the polish
// government, a dutch bank, welsh history).
func nationalNoun(w string) bool {
	switch w {
	case "people", "government", "language", "border", "borders", "city", "cities", "citizen", "citizens",
		"capital", "king", "queen", "president", "prime", "team", "company", "companies", "bank", "banks",
		"army", "navy", "coast", "culture", "history", "literature", "cuisine", "food", "friend", "friends",
		"man", "woman", "men", "women", "family", "families", "author", "authors", "writer", "writers",
		"painter", "painters", "artist", "artists", "accent", "name", "names", "flag", "national",
		"nationals", "parliament", "police", "embassy", "translation", "speakers", "teacher", "village",
		"town", "towns", "countryside", "passport", "word", "words", "grammar", "poetry", "music", "film":
		return true
	}
	return false
}

// churchNoun reports a noun of the church after catholic, where it names
// the church and not a breadth of taste.
func churchNoun(w string) bool {
	switch w {
	case "church", "churches", "school", "schools", "priest", "priests", "faith", "family", "families",
		"mass", "bishop", "bishops", "doctrine", "teaching", "tradition", "nun", "nuns", "cathedral",
		"university", "charity", "hospital", "parish", "community", "upbringing", "country", "saint",
		"saints", "pope", "clergy", "convert", "converts", "monastery", "order":
		return true
	}
	return false
}

// lowercasePlaceName flags a place of two or three words written in
// lower case, where each word is also an ordinary word or a name the
// spelling rule lets pass in lower case, so that nothing else reports it:
// "new york", "hong kong", "the united states", "south africa". It offers
// the name with its capitals. A place name is matched whole, so "a new
// york" hardly occurs in prose as anything else, and names whose words
// also make an ordinary phrase ("new jersey", a new jersey; "new england")
// are not in the list. A word glued to a mark (new_york, south-africa.txt)
// is code or a file name and stays quiet.
func lowercasePlaceName(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Word || !startsLower(t.Text) {
			continue
		}
		for _, name := range placeNames(t.Text) {
			n := len(name.rest)
			if i+n >= len(toks) {
				continue
			}
			ok := true
			for k, w := range name.rest {
				nt := &toks[i+1+k]
				if nt.Kind != token.Word || nt.Text != w || nt.Start == toks[i+k].End {
					ok = false
					break
				}
			}
			if !ok || glued(toks, i) || glued(toks, i+n) || !prosePunctuation(toks) {
				continue
			}
			out = append(out, GoMatch{Start: i, End: i + n + 1, Replacements: []string{name.proper}})
			break
		}
	}
	return out
}

// placeName is one entry of placeNames: the words after the first, in
// lower case, and the name as it is written.
type placeName struct {
	rest   []string
	proper string
}

// placeNames returns the lower-case places lowercasePlaceName reads
// that begin with first. Only the all-lower-case form is matched ("new
// York" is a different slip, and a capital on the first word alone is
// most often a sentence's start).
func placeNames(first string) []placeName {
	one := func(rest, proper string) placeName { return placeName{strings.Fields(rest), proper} }
	switch first {
	case "new":
		return []placeName{one("york", "New York"), one("zealand", "New Zealand"), one("delhi", "New Delhi"),
			one("orleans", "New Orleans"), one("mexico", "New Mexico"), one("hampshire", "New Hampshire")}
	case "hong":
		return []placeName{one("kong", "Hong Kong")}
	case "united":
		return []placeName{one("states", "United States"), one("kingdom", "United Kingdom"),
			one("nations", "United Nations"), one("arab emirates", "United Arab Emirates")}
	case "south":
		return []placeName{one("africa", "South Africa"), one("america", "South America"), one("korea", "South Korea")}
	case "north":
		return []placeName{one("america", "North America"), one("korea", "North Korea")}
	case "latin":
		return []placeName{one("america", "Latin America")}
	case "great":
		return []placeName{one("britain", "Great Britain")}
	case "saudi":
		return []placeName{one("arabia", "Saudi Arabia")}
	case "sri":
		return []placeName{one("lanka", "Sri Lanka")}
	case "costa":
		return []placeName{one("rica", "Costa Rica")}
	case "puerto":
		return []placeName{one("rico", "Puerto Rico")}
	case "los":
		return []placeName{one("angeles", "Los Angeles")}
	case "san":
		return []placeName{one("francisco", "San Francisco"), one("diego", "San Diego")}
	case "las":
		return []placeName{one("vegas", "Las Vegas")}
	case "buenos":
		return []placeName{one("aires", "Buenos Aires")}
	case "cape":
		return []placeName{one("town", "Cape Town")}
	case "tel":
		return []placeName{one("aviv", "Tel Aviv")}
	}
	return nil
}

// capitalisedSeason flags summer, winter or autumn written with a capital
// inside a sentence after a word that introduces a time ("every Summer",
// "last Winter", "in the Autumn") and offers it in lower case. A capital
// is right in a name, so a capitalised word or a number after it (the
// Summer Olympics, Winter 2024) keeps it quiet, and so does a title where
// the word before is capitalised too (Notes From Last Summer). Fall and
// spring are not read: both are ordinary words and names in other senses.
func capitalisedSeason(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := 1; i < len(toks); i++ {
		t, prev := &toks[i], &toks[i-1]
		if t.Text != "Summer" && t.Text != "Winter" && t.Text != "Autumn" {
			continue
		}
		if !seasonOpener(strings.ToLower(prev.Text)) || i-1 > 0 && !startsLower(prev.Text) {
			continue
		}
		if i+1 < len(toks) {
			next := &toks[i+1]
			if next.Kind == token.Number || next.Kind == token.Word && !startsLower(next.Text) || next.Text == "'s" || next.Text == "’s" {
				continue
			}
		}
		if glued(toks, i) || !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{strings.ToLower(t.Text)}})
	}
	return out
}

// seasonOpener reports the words after which a season names a time of
// year: every summer, last winter, in the autumn.
func seasonOpener(w string) bool {
	switch w {
	case "every", "this", "last", "next", "in", "the", "during", "each", "that", "early", "late", "mid",
		"all", "of", "until", "since", "before", "after", "one", "through":
		return true
	}
	return false
}
