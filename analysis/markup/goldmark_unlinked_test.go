package markup

import (
	"reflect"
	"testing"
)

// TestUnlinkedParserAgrees checks that leaving linkify out where
// mayHoldBareURL says no bare URL can start changes nothing: on every
// Markdown chunk of the Rust Book and of the markup test documents, the
// parser without linkify gives the blocks the parser with it gives. The
// chunks that may hold a URL are parsed both ways too, and must differ
// somewhere, or the test would not show that linkify matters.
func TestUnlinkedParserAgrees(t *testing.T) {
	src := wholeBook(t) + "\n\nMail admin@example.com or see https://example.com/x and www.example.org.\n"
	defs := ScanDefinitionsIn(src, Split("markdown", src))
	ruledOut, differ := 0, 0
	for _, c := range Split("markdown", src) {
		text := lfLines(c.Text(src))
		linked := goldmarkBlocksWith(proseParser(), text, defs)
		unlinked := goldmarkBlocksWith(unlinkedParser(), text, defs)
		same := reflect.DeepEqual(linked, unlinked)
		if mayHoldBareURL(text) {
			if !same {
				differ++
			}
			continue
		}
		ruledOut++
		if !same {
			t.Errorf("chunk at %d: without linkify\n%+v\nwith it\n%+v", c.Start, unlinked, linked)
		}
	}
	if ruledOut < 1000 || differ == 0 {
		t.Errorf("%d chunks ruled out, %d that may hold a URL read differently without linkify: the test shows nothing", ruledOut, differ)
	}
}
