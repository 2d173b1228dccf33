package markup

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestLoneCR: a document whose lines end in a lone CR reads exactly as the
// same document with LFs (same blocks, prose and spans: the two have the
// same length), in Markdown and plain text, and so do its comments (issue
// 12, item 12: "<!-- liaison-disable-next-line -->" then a lone CR made
// the whole document one HTML block, with no prose at all).
func TestLoneCR(t *testing.T) {
	docs := []string{
		"<!-- liaison-disable-next-line alot -->\nWe had alot of fun.\nWe had alot of fun.\n",
		"# Title\nWe had alot of fun.\n\n- item alot\n- two\n\n> quoted\n> more\n",
		"---\ntitle: x\n---\nText.\n\n```\ncode\n```\nafter\n",
		"First line.\nWe had alot of fun.\n",
		"a\n\nb\nc\n\n\nd",
	}
	rng := rand.New(rand.NewPCG(5, 8))
	for range *randomDocs / 3 {
		var sb strings.Builder
		for range 1 + rng.IntN(20) {
			sb.WriteString(markdownLines[rng.IntN(len(markdownLines))])
			sb.WriteByte('\n')
		}
		docs = append(docs, sb.String())
	}
	for i, lf := range docs {
		if strings.Contains(lf, "\r") {
			continue
		}
		cr := strings.ReplaceAll(lf, "\n", "\r")
		for _, lang := range []string{"markdown", "plaintext"} {
			want, got := Extract(lang, lf), Extract(lang, cr)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("document %d (%s) %q: with lone CRs\n%s\nwith LFs\n%s", i, lang, lf, describe(cr, got), describe(lf, want))
			}
			checkExtract(t, lang, cr)
		}
		wantC, gotC := Comments(lf), Comments(cr)
		for j := range gotC {
			gotC[j].Text = strings.ReplaceAll(gotC[j].Text, "\r", "\n")
		}
		if !reflect.DeepEqual(gotC, wantC) {
			t.Fatalf("document %d %q: comments with lone CRs %+v, with LFs %+v", i, lf, gotC, wantC)
		}
	}
}
