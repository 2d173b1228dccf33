package markup

import (
	"hash/fnv"
	"slices"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
// document src. Only chunks that hold "]:" can define anything, and only
// those are parsed (block structure only), so definitions are found
// exactly where goldmark finds them; when two define the same label, the
// first wins.
func ScanDefinitions(src string) *Definitions {
	return ScanDefinitionsIn(src, splitMarkdown(src))
}

// ScanDefinitionsIn is ScanDefinitions for a caller that has already split
// the Markdown document src: chunks must be Split("markdown", src).
func ScanDefinitionsIn(src string, chunks []Chunk) *Definitions {
	d := &Definitions{refs: map[string]parser.Reference{}}
	for _, c := range chunks {
		chunk := c.Text(src)
		if c.Flags&FrontMatter != 0 || !strings.Contains(chunk, "]:") {
			continue
		}
		ctx := parser.NewContext()
		definitionParser().Parse(text.NewReader([]byte(chunk)), parser.WithContext(ctx))
		refs := ctx.References()
		slices.SortFunc(refs, func(a, b parser.Reference) int {
			return strings.Compare(string(a.Label()), string(b.Label()))
		})
		for _, r := range refs {
			key := util.ToLinkReference(r.Label())
			if _, ok := d.refs[key]; !ok {
				d.refs[key] = r
			}
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
// depends on the definitions only through it. The nil and the empty
// Definitions have key 0.
func (d *Definitions) Key() uint64 {
	if d == nil {
		return 0
	}
	return d.key
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
