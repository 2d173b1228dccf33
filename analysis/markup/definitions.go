package markup

import (
	"hash/fnv"
	"slices"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	ltext "liaison/analysis/text"
)

// Definitions are a Markdown document's link reference definitions
// ([label]: destination "title"), so that a reference link in one chunk
// resolves against a definition in another. A Definitions is immutable;
// the nil *Definitions has none.
type Definitions struct {
	refs map[string]parser.Reference // by normalised label
	key  uint64
}

// ScanDefinitions finds the link reference definitions of the Markdown
// document src, exactly where goldmark finds them; when two define the
// same label, the first wins. Only chunks that hold "]:" can define
// anything: those are concatenated (chunks parse independently, so their
// concatenation parses as they do) and parsed in one block-only pass.
// Chunks flagged TooDeep are read as plain text and define nothing.
func ScanDefinitions(src string) *Definitions {
	return ScanDefinitionsIn(src, splitMarkdown(src))
}

// ScanDefinitionsIn is ScanDefinitions for a caller that has already split
// the Markdown document src: chunks must be Split("markdown", src).
func ScanDefinitionsIn(src string, chunks []Chunk) *Definitions {
	return ScanDefinitionsSource(ltext.String(src), chunks)
}

// ScanDefinitionsSource is ScanDefinitionsIn for a document read a span at
// a time (an editor's text.Document): chunk by chunk, never joined.
func ScanDefinitionsSource(src ltext.Source, chunks []Chunk) *Definitions {
	d := &Definitions{refs: map[string]parser.Reference{}}
	var candidates []byte
	for _, c := range chunks {
		chunk := lfLines(src.Slice(c.Start, c.End))
		if c.Flags&(FrontMatter|TooDeep) != 0 || !strings.Contains(chunk, "]:") {
			continue
		}
		candidates = append(candidates, chunk...)
		if !strings.HasSuffix(chunk, "\n") {
			candidates = append(candidates, '\n')
		}
	}
	if len(candidates) > 0 {
		ctx := parser.NewContext()
		definitionParser().Parse(text.NewReader(candidates), parser.WithContext(ctx))
		for _, r := range ctx.References() {
			d.refs[util.ToLinkReference(r.Label())] = r
		}
	}
	d.key = d.fingerprint()
	return d
}

// Len returns the number of definitions.
func (d *Definitions) Len() int {
	if d == nil {
		return 0
	}
	return len(d.refs)
}

// Key is a fingerprint of the definitions, for a cache key: Parse's result
// depends on the definitions only through it (see also KeyFor). The nil and the empty
// Definitions have key 0.
func (d *Definitions) Key() uint64 {
	if d == nil {
		return 0
	}
	return d.key
}

// KeyFor is the part of the definitions a chunk's parse depends on, for
// the chunk's cache key: 0 for a chunk that holds no '[' and so can refer
// to no definition (its cached blocks survive any edit of the
// definitions), Key otherwise.
func (d *Definitions) KeyFor(chunk string) uint64 {
	if strings.IndexByte(chunk, '[') < 0 {
		return 0
	}
	return d.Key()
}

func (d *Definitions) fingerprint() uint64 {
	if len(d.refs) == 0 {
		return 0
	}
	keys := make([]string, 0, len(d.refs))
	for k := range d.refs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := fnv.New64a()
	for _, k := range keys {
		r := d.refs[k]
		for _, part := range [][]byte{[]byte(k), r.Destination(), r.Title()} {
			h.Write(part)
			h.Write([]byte{0})
		}
	}
	return h.Sum64() | 1
}
