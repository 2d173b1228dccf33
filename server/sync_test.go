package server_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"go.lsp.dev/protocol"

	"liaison/server"
)

// utf16Doc is an independent model of a document edited in UTF-16
// positions, to check the server's incremental sync against.
type utf16Doc struct{ lines [][]uint16 }

func newUTF16Doc(s string) *utf16Doc {
	d := &utf16Doc{}
	for _, l := range strings.Split(s, "\n") {
		d.lines = append(d.lines, utf16.Encode([]rune(l)))
	}
	return d
}

func (d *utf16Doc) String() string {
	parts := make([]string, len(d.lines))
	for i, l := range d.lines {
		parts[i] = string(utf16.Decode(l))
	}
	return strings.Join(parts, "\n")
}

// randomPos returns a position on a character boundary.
func (d *utf16Doc) randomPos(rng *rand.Rand) protocol.Position {
	line := rng.IntN(len(d.lines))
	l := d.lines[line]
	col := rng.IntN(len(l) + 1)
	if col > 0 && col < len(l) && utf16.IsSurrogate(rune(l[col])) && l[col] >= 0xDC00 {
		col-- // not between the halves of a surrogate pair
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

func (d *utf16Doc) apply(r protocol.Range, text string) {
	before := d.lines[r.Start.Line][:r.Start.Character]
	after := d.lines[r.End.Line][r.End.Character:]
	joined := string(utf16.Decode(before)) + text + string(utf16.Decode(after))
	repl := newUTF16Doc(joined).lines
	d.lines = slices.Concat(d.lines[:r.Start.Line], repl, d.lines[r.End.Line+1:])
}

// TestRandomIncrementalEdits applies random edits in UTF-16 positions
// (emoji, accents, newlines, deletions across lines) and checks that the
// server's diagnostics match the document as the client has it.
func TestRandomIncrementalEdits(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("random.md")
	start := "Intro 😀 line.\nThey will liaison here.\n\nÉtude: we will liaison too.\n"
	if err := c.Open(ctx(t), u, "markdown", 1, start); err != nil {
		t.Fatal(err)
	}
	local := newUTF16Doc(start)
	inserts := []string{"a", "😀", "é", "\n", " will liaison ", "👍🏽x", "", "\n\n", "to liaison"}
	rng := rand.New(rand.NewPCG(7, 7))
	version := int32(1)
	for range 300 {
		a, b := local.randomPos(rng), local.randomPos(rng)
		if b.Line < a.Line || (b.Line == a.Line && b.Character < a.Character) {
			a, b = b, a
		}
		if rng.IntN(8) > 0 { // mostly insertions; some deletions span lines
			b = a
		}
		text := inserts[rng.IntN(len(inserts))]
		version++
		if err := c.Change(ctx(t), u, version, &protocol.Range{Start: a, End: b}, text); err != nil {
			t.Fatal(err)
		}
		local.apply(protocol.Range{Start: a, End: b}, text)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, version)
	if err != nil {
		t.Fatal(err)
	}
	final := local.String()
	var want []protocol.Range
	for _, m := range fakeVerb.FindAllStringSubmatchIndex(final, -1) {
		want = append(want, rangeAt(final, m[2], m[3]))
	}
	var got []protocol.Range
	for _, d := range p.Diagnostics {
		if d.Code == protocol.String("liaison-verb") {
			got = append(got, d.Range)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("after 300 random edits the server's diagnostics are at\n%v\nwant\n%v\ndocument:\n%s", got, want, final)
	}
	if len(want) == 0 {
		t.Fatal("the random edits left nothing to find; the test checks nothing")
	}
}

// rangeAt is the UTF-16 range of the bytes [start, end) of src.
func rangeAt(src string, start, end int) protocol.Range {
	pos := func(off int) protocol.Position {
		line := strings.Count(src[:off], "\n")
		ls := strings.LastIndex(src[:off], "\n") + 1
		return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(src[ls:off]))))}
	}
	return protocol.Range{Start: pos(start), End: pos(end)}
}
