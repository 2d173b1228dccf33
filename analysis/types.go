package analysis

import (
	"liaison/analysis/markup"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// Token is one analysed token. Start and End are byte offsets relative to
// the start of the Block that holds it (add Block.Start for document
// offsets); Text is the token as it reads in the prose, after entities and
// escapes are decoded.
type Token struct {
	Text       string
	Start, End int
	Kind       token.Kind
	UPOS       tag.UPOS
	PTB        tag.PTB
	Lemma      string
}

// Sentence is a run of tokens; Start and End are relative to the Block.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// BlockAnalysis is the analysis of one prose block. It depends only on the
// block's content (its prose and its span layout relative to its start), so
// it is shared between documents and revisions and must not be modified.
type BlockAnalysis struct {
	Kind      markup.BlockKind
	Prose     string // the block's prose text
	Sentences []Sentence
	// Markup is the block's source ranges that are not plain prose
	// (markup.Block.Markup), relative to the block: a fix may replace a
	// range only if it overlaps none (markup.ProseOnly). nil for a block
	// of plain prose, and for one built by hand whose source is its prose.
	Markup []markup.Range
}

// Block places a BlockAnalysis in a document.
type Block struct {
	Start, End int // source byte range of the block in the document
	*BlockAnalysis
}

// Result is the analysis of one document revision.
type Result struct {
	Blocks []Block
}
