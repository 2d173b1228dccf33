package rules

import "testing"

// The held-out grammar probes (testdata/grammar-heldout/*.tsv) measure the
// grammar and mechanics rules on common writers' errors outside the grammar
// dev sets: the issue-15 categories in constructions the dev sets do not
// use (questions, inversion, relative clauses, quotations, long
// intervening phrases) and mechanics they do not cover (apostrophes,
// double negatives, nonstandard past forms, lower-case days and months),
// each beside correct near-misses. The format is the breadth probes'
// (label<TAB>sentence<TAB>category: note). heldout-mix.tsv was written
// before this round's grammar rules and is what they were written from, so
// it is a tuning set now for those categories. heldout-mix-2.tsv was written
// after them (new wordings of the same categories, none of its sentences in
// a dev set, a rule's examples or another probe) and its figure recorded
// from its first run, with no rule changed for it: 135/152 caught, 0/159
// flagged; 134 since missing-to-infinitive leaves a plain verb before a
// preposition (a noun the tagger misread: "he wanted help with his
// homework"), which also loses "She decided stay at home"; 135 again since
// question-agreement reads "Here is" + a plural (from heldout-mix's "Here is
// the keys"), which also catches its "Here is the photos". heldout-mix-3.tsv
// (127 errors, 127 near-misses) was written at the start of the next round,
// before its rules: the same categories in fresh wordings plus verb
// complementation ("enjoy to swim", "decided going", "made him to wait"),
// stative progressives, "use to", "am agree" and since + a duration; its
// start figure was 75/127 caught, 0/127 flagged. heldout-mix-4.tsv (155
// errors, 165 near-misses) was written at the start of the round after,
// before any rule change of it: only issue 15's categories, in emails,
// instructions, narrative, technical prose and questions, many with the
// error in a later clause; its start figure was 119/155 caught, 0/165
// flagged on main, 121/155 with the previous round's unlanded rules
// (question agreement with a noun subject, "this shoes", "was broke by");
// 140 since "it's" and "there" + a bare noun + a finite verb are read as
// possessives after a comma and a coordinator too, not only at a sentence's
// start; 142 since to-for-too reads "be/have to many|much + noun" and a
// verb of doing + "to" + an adverb of speed or time before a preposition;
// 143 since except-for-accept reads "except" after do + not/n't/never;
// 144 since effect-as-verb reads a determined subject between the
// auxiliary and "effect" ("How will the strike effect our ..."); 146 since
// ", than" + a plain verb and its object is read as the next step ("then")
// and "more X this year then last year" as a comparison; 147 since
// "there" + an -ing verb after a that-less verb of saying or thinking is
// "they're" ("said there going away"), as at a sentence's start; 148
// since "they're" + a bare plural + a finite verb is "their" anywhere
// ("said they're laptops were"); 149 since lead-past reads a singular
// subject + "lead" + by/into/through/to + a noun phrase ("the captain lead
// by example").
// heldout-mix-5.tsv (155 errors, 155 near-misses) was written at the start
// of the round after that, before any rule change of it: the nine
// categories in recipes, clinic and legal notices, sport, travel, children's
// stories, chat and finance news, most errors beside the same sentence put
// right; its start figure was 146/155 caught, 1/155 flagged (the subjunctive
// "insists that every member attend"); 151 since there-for-their reads
// "to there" + a noun ("going to there house"); 153 since a three-letter
// initialism of a consonant and two vowels no word ends in is spelled ("a
// SEO") and "did not" + "saw" is the past of "see" ("didn't saw the sign");
// 154 since proof-as-verb reads "proof" after a plural noun that opens the
// sentence, before "that" ("The tests proof that"); 155 since
// be-base-for-participle reads a noun subject + "be" + a plain form,
// then an adverb or phrase and a by-agent ("was build in 1890 by").
// heldout-mix-6.tsv (222 errors, 209 near-misses) was written at the start
// of the round after that, before any rule change of it: the nine
// categories in software documentation, office e-mail, shop and travel
// notices, school, sport, home and garden and chat; its blind figure, from
// its first run on main at 184ee5a, is 204/222 caught (92%), 1/209 flagged
// (the word play "That that is is that that is not is not"); weakest were
// pronoun number (1/4), determiner-noun number (21/25) and verb form (22/25).
// 205 after rebasing on main's tagger changes ("That apples look ripe");
// 206 since each/this + a plural + a prepositional phrase + a singular verb
// reads the plural as the subject's head ("Each houses on the street has");
// 208 since of-phrase-head-agreement takes a participle as a modifier of
// either noun ("The list of approved vendors are"); 209 since modal-to
// reads a modal with "n't" ("I can't to believe").
// A sentence is caught when anything at all is reported on it (what
// a user sees), flagged when anything is.

// grammarHeldoutFloors holds each probe to its last measurement.
var grammarHeldoutFloors = probeFloors{
	"heldout-mix.tsv":   {minCaught: 203, maxFlagged: 0},
	"heldout-mix-2.tsv": {minCaught: 144, maxFlagged: 0},
	"heldout-mix-3.tsv": {minCaught: 117, maxFlagged: 0},
	"heldout-mix-4.tsv": {minCaught: 149, maxFlagged: 0},
	"heldout-mix-5.tsv": {minCaught: 155, maxFlagged: 0},
	"heldout-mix-6.tsv": {minCaught: 209, maxFlagged: 1},
}

func TestGrammarHeldout(t *testing.T) {
	runProbes(t, "testdata/grammar-heldout", grammarHeldoutFloors)
}
