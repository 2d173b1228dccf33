package rules

import (
	"context"
	"slices"
	"testing"

	"liaison/analysis"
)

// TestSpellingContexts: which words of a text the spelling rule flags,
// for each kind of word it leaves alone by its context or its parts, and
// the slips that look like those kinds but are still misspellings.
func TestSpellingContexts(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // the words flagged, in order
	}{
		{"trailer names", "plaintext", "Reviewed-by: Rebecca Stambler <rstambler@golang.org>\nRun-TryBot: Hyang-Ah Hana Kim <hyangah@gmail.com>", nil},
		{"trailer key after a link", "plaintext", "Reviewed-on: https://go-review.googlesource.com/c/tools/+/1 gopls-CI: kokoro <noreply+kokoro@google.com>", nil},
		{"a slip before an address is a name's", "plaintext", "Write to the admnistrator at admin@example.com today.", []string{"admnistrator"}},
		{"commit subject label", "plaintext", "unix,win: fix the race in the pool", nil},
		{"quoted subject label", "plaintext", `This reverts commit 1234abc ("macos: fix the length").`, nil},
		{"a slip after a label is flagged", "plaintext", "unix: fix the buisness logic", []string{"buisness"}},
		{"a label needs more after its colon", "plaintext", "We need the buisness: now.", []string{"buisness"}},
		{"lower-case initialism", "plaintext", "Save it as xml and send it over http.", nil},
		{"lower-case name", "plaintext", "We flew to chicago in may.", []string{"chicago"}},
		{"binomial", "plaintext", "The leaves of Cymbopogon citratus are used in cooking.", nil},
		{"a slip after a sentence's first word", "plaintext", "Please recievus the parcel.", []string{"recievus"}},
		{"hyphenated term", "plaintext", "Install ob-jupyter from org-elpa on an sshfs-win share.", nil},
		{"hyphenated slip", "plaintext", "It is a well-knwon problem.", []string{"well-knwon"}},
		{"known parts, one slip from a common word", "plaintext", "The tool is usefull and the change is commited.", []string{"usefull", "commited"}},
		{"known parts, a term", "plaintext", "The shards are sharded and the results memoized.", nil},
		{"accents", "plaintext", "The naïve café serves crêpes.", nil},
		{"brand case", "plaintext", "Sign in with OAuth and build it with CRuby.", nil},
		{"shift slip", "plaintext", "We tried it. THis failed.", []string{"THis"}},
		{"split contraction", "plaintext", "I'm gonna check, I wanna know.", nil},
		{"suffix set off by a hyphen", "plaintext", "The light is yellow-ish and the style Kafka-esque; it was noop-ing and we macro-ify it.", nil},
		{"a slip before a hyphen suffix", "plaintext", "The light is yelow-ish.", []string{"yelow-ish"}},
		{"inflection set off by an apostrophe", "plaintext", "The object is decref'ed, then incref'ed, and the file grep'd.", nil},
		{"a slip before an apostrophe inflection", "plaintext", "The file was delted'ed.", []string{"delted'ed"}},
		{"initialism with -ed", "plaintext", "I PRed the fix and the bits are ANDed together.", nil},
		{"joined abbreviation", "plaintext", "Set srcdir and pkgdir, then write a cpuprofile.", nil},
		{"brace group", "plaintext", "It covers {hfs,msdosfs,zfs}_vnop_ioctl() and *ast.Bad{Expr,Decl,Stmt} in uv_fs_{unlink,rmdir}.", nil},
		{"a slip beside braces with spaces", "plaintext", "The set { buisness } is empty.", []string{"buisness"}},
		{"possessive of a name in lower case", "plaintext", "Is mazzoni's deli the best in town?", nil},
		{"possessive of a capitalised name", "plaintext", "It is associated with Reiter's syndrome.", nil},
		{"a slip before a possessive", "plaintext", "We met at my freind's house.", []string{"freind"}},
		{"a name in lower case before a possessive", "plaintext", "We ate at mcdonald's again.", []string{"mcdonald"}},
		{"modifier of a classifier noun", "plaintext", "Update the typeparams API and the gocommand operations, then run the dblatex backend.", nil},
		{"a slip before a classifier noun", "plaintext", "Call the calulate function and the attatchedd test.", []string{"calulate", "attatchedd"}},
		{"review list", "plaintext", "R=golang-dev, adg, bgarcia\nCC=golang-dev", nil},
		{"a slip in a sentence after an equals sign", "plaintext", "Set x = 3, then the resullt is clear.", []string{"resullt"}},
		{"list of tools", "plaintext", "Your launcher (rofi, dmenu, sxhkd, etc) starts it.", nil},
		{"a slip in a list of common words", "plaintext", "We bought apples, pears, bannanas and plums.", []string{"bannanas"}},
		{"a name of a list known in capitals", "plaintext", "Builds exist for linux, darwin, netbsd and plan9.", []string{"linux", "darwin"}},
		{"two unknown words in a row", "plaintext", "kindly contact ramesh bhaiyya in the city", nil},
		{"two slips in a row", "plaintext", "It was realy verry good.", []string{"realy", "verry"}},
		{"identifier compounds in a document that writes code", "plaintext", "Split valNodes into localval and globalval; the nodeids and nevents change.", nil},
		{"the same compounds in prose without code", "plaintext", "Split the nodes into localval and globalval; the nodeids change.", []string{"localval", "globalval", "nodeids"}},
		{"slips that split into parts, beside code", "plaintext", "The fooBar call was discared and the goroutes stopped.", []string{"discared", "goroutes"}},
		{"a prefix on a known word, not a slip of another", "plaintext", "Here is the uncurried form; try unsetting the flag.", nil},
		{"a transcription in IPA", "plaintext", "Typst is said [taɪpst] and Tinymist [ˈtaɪni mɪst].", nil},
		{"a key alone in a table cell", "html", "<table><tr><td>keepalive</td><td>Whether the link stays open.</td></tr><tr><td>timout</td><td>How long it waits.</td></tr></table>", []string{"timout"}},
		{"a slip of a rare term before a classifier noun", "plaintext", "Raise the timout option and the keepalive option.", []string{"timout"}},
		{"a suspended prefix", "plaintext", "The (endo-) functor and the left (endo-)functor; xeno- and allo-grafts.", nil},
		{"a slip before a hyphen joined to a word", "plaintext", "It is a buisness-critical path.", []string{"buisness-critical"}},
		{"an ordinal of a variable", "plaintext", "Take the n'th root, then the k'th.", nil},
		{"a list on one line with dashes", "plaintext", "Examples added: - helloworld - idle-basic - fsnotifier - onresize", nil},
		{"a slip in a dashed list of common words", "plaintext", "We need - bread - milk - chesse - eggs", []string{"chesse"}},
		{"identifier compounds in a document that names paths", "plaintext", "go/packages: keep asmdecl apart\n\nThe functype check moves to aix.c and/or its header.", nil},
		{"a slash between words is no path", "plaintext", "He and/or she will write the functype note.", []string{"functype"}},
		{"combining forms of science", "plaintext", "It is a salt of chloroplatinic acid, near hydroxyacetone and tetrachloride.", nil},
		{"a slip that only looks combined", "plaintext", "They lacked disiplin and trilogie.", []string{"disiplin", "trilogie"}},
		{"full names in a list and a byline", "plaintext", "Listed: Qasim Umar Nadeem, 24, Leeds; Saad Qureshy, 19, Ottawa. He married a judge, not a jury. - Groucho Marx ------ next", nil},
		{"a slip in a title beside common words", "plaintext", "Moving In With My Freind Soon", []string{"Freind"}},
		{"a name alone in parentheses", "plaintext", "It pages with a terminal multiplexer (zellij) and exports md (typlite).", nil},
		{"a slip alone in parentheses", "plaintext", "The total is shown (calulated) below.", []string{"calulated"}},
		{"abbreviations in a document that writes code", "plaintext", "Pass the bufs to uv_write(); check the ptc and the reqs first.", nil},
		{"the same abbreviations in prose without code", "plaintext", "Pass the bufs on; check the ptc and the reqs first.", []string{"bufs", "ptc", "reqs"}},
		{"short slips in a document that writes code", "plaintext", "Call uv_write() on teh handle wich is stil open, sooo fast, and the util.", []string{"teh", "wich", "stil", "sooo", "util"}},
		{"words run together in a document that writes code", "plaintext", "Call uv_write() inthe loop, once.", []string{"inthe"}},
		{"terms of code in a document that writes code", "plaintext", "It now only affects sqpoll, and uv_loop_configure() sets chpwd.", nil},
		{"the same terms in prose without code", "plaintext", "It now only affects sqpoll, and it sets chpwd.", []string{"sqpoll", "chpwd"}},
		{"long slips in a document that writes code", "plaintext", "The impelementation in uv_fs() was implemtned intead of the old one.", []string{"impelementation", "implemtned", "intead"}},
		{"a name after a title, a rank or a naming verb", "plaintext", "Miss Scarlett met Dr. Olly about the class Reptilia and a cat named Hiro.", nil},
		{"a capitalised name before a classifier noun or in a list", "plaintext", "Ride the Metra system, or use the Korn shell, as Whitehead, Russell and Weyl did.", nil},
		{"a capitalised slip among common words", "plaintext", "We ate Apples, Pears, Chesse and Plums.", []string{"Chesse"}},
		{"a capitalised slip mid-sentence", "plaintext", "The report is in the Libary today.", []string{"Libary"}},
		{"a word in single quotation marks", "plaintext", "In Latin each saying begins with ‘beatus’ and ends there.", nil},
		{"a verb made with -ify", "plaintext", "Manify the alt text and jsonify the output.", nil},
		{"compounds of code in a document that writes code", "plaintext", "Build it on sunos and macos with uv_run(); set lineno in smex-powered mode.", nil},
		{"a hyphenated slip beside code", "plaintext", "Call uv_run() on the well-knwon path.", []string{"well-knwon"}},
		{"a name that opens a sentence before another name or a capitalised classifier", "plaintext", "Abu Musab left. Bec Rumbul spoke. Atal Pharmacy is open.", nil},
		{"a short slip that opens a sentence", "plaintext", "Teh Rust book is good.", []string{"Teh"}},
		{"a name after a particle", "plaintext", "It was the group of Ayman al-Zawahiri and of al-Gamaa al-Islamiyyah.", nil},
		{"a part used as a term in hyphenated words", "plaintext", "The hom-set is a set. Each hom-set maps. Two hom-sets meet. The hom-sets agree. A hom-functor acts. So hom sets and hom-sets compose.", nil},
		{"a slip used once in a hyphenated word", "plaintext", "The hom-set is a set and the well-knwon one too.", []string{"hom-set", "well-knwon"}},
		{"a name one edit from a word in a list of tools", "plaintext", "Pick a launcher (rofi, docky, dmenu, sxhkd, etc) first.", nil},
		{"a species after its genus in parentheses", "plaintext", "It is a variety of cup fungus (Chorioactis geaster) from Texas.", nil},
		{"a prefix apart before a version", "plaintext", "Support pre go1.10.4 and post 2.0 releases.", nil},
		{"a derivation in -istic", "plaintext", "It starts with a minimalistic classpath.", nil},
		{"a name a greeting addresses", "plaintext", "Thanks again, Directv. Hi Olly, see you.", nil},
		{"a name beside a first word that is a name by itself", "plaintext", "Mohammed Dirie, 22, Kingston.", nil},
		{"an organisation's name", "plaintext", "Inford Media builds sites.", nil},
		{"a short slip before a capitalised classifier", "plaintext", "Teh Group met.", []string{"Teh"}},
		{"a term of the list in its brand's capitals", "plaintext", "Bump the CMake version and run it.", nil},
		{"a name beside a brand in a title-case list", "plaintext", "We Accept: Visa, MasterCard, Amex, Dinners Club, Personal Checks.", nil},
		{"word written as a path", "plaintext", "gopls/internal/lsp: speed up\n\nThe gopls server starts faster.", nil},
	}
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := a.Analyze(ctx, tc.lang, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range e.Check(ctx, res, Settings{Spelling: Spelling{NoSuggestions: true}}) {
				if f.Rule.Code == SpellingRuleID {
					got = append(got, tc.text[f.Start:f.End])
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: flagged %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestJoinedAbbreviation: an abbreviation or term joined to a word is a
// name of code; two common words run together are a missing space.
func TestJoinedAbbreviation(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"srcdir", true}, {"pkgdir", true}, {"cpuprofile", true}, {"initfile", true}, {"iconsdir", true}, {"tmpfile", true},
		{"everytime", false}, {"eachother", false}, {"infact", false}, {"alot", false}, {"atleast", false},
		{"eventhough", false}, {"noone", false}, {"seperate", false}, {"recieve", false},
		{"exelent", false}, {"iraland", false}, {"december", false}, {"simplz", false},
	} {
		if got := joinedAbbreviation(lex, tc.w); got != tc.want {
			t.Errorf("joinedAbbreviation(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestIdentifierCompound: a word and an abbreviation of code joined, or
// n before a plural, read as an identifier; two common words, a slip of
// one word, or two parts of middling rarity do not.
func TestIdentifierCompound(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"localval", true}, {"typeparams", true}, {"socketaddr", true}, {"exepath", true}, {"asmdecl", true},
		{"nodeids", true}, {"nevents", true}, {"nfiles", true}, {"mkstdlib", true}, {"cgnodes", true},
		{"everytime", false}, {"buildtag", false}, {"discared", false}, {"usuage", false}, {"gitliens", false},
		{"resultng", false}, {"goroutes", false}, {"refactorring", false}, {"Localval", false}, {"local_val", false}, {"nodes", false},
	} {
		if got := identifierCompound(lex, tc.w); got != tc.want {
			t.Errorf("identifierCompound(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
