package markup

import "slices"

// Parse returns the prose blocks of one chunk (as cut by Split, with its
// flags), with Block offsets relative to the chunk. defs are the whole
// document's link reference definitions (nil for none; ignored for plain
// text). The result depends only on the arguments, so a caller may cache
// it by format (FormatFor(languageID).Name), chunk text, flags and
// defs.KeyFor(chunk). An id no format claims reads as plain text.
func Parse(languageID string, chunk string, flags ChunkFlags, defs *Definitions) []Block {
	return FormatFor(languageID).Parse(chunk, flags, defs)
}

// ParseWith is Parse under a project's options (nil: the defaults); a
// cache then keys its result by opts.Key() too.
func ParseWith(languageID string, chunk string, flags ChunkFlags, defs *Definitions, opts *Options) []Block {
	return FormatFor(languageID).ParseWith(chunk, flags, defs, opts)
}

// Extract returns the prose blocks of a whole document in source order,
// with document offsets: Split, ScanDefinitions and Parse in one call.
// Since adjacent chunks with the same flags also form a chunk, it parses
// each run of them in one pass, which saves the per-parse overhead.
func Extract(languageID string, src string) []Block {
	f := FormatFor(languageID)
	chunks := f.Split(src)
	var defs *Definitions
	if f == markdownFormat {
		defs = ScanDefinitionsIn(src, chunks)
	}
	var blocks []Block
	for i := 0; i < len(chunks); {
		run := chunks[i]
		for i++; i < len(chunks) && chunks[i].Flags == run.Flags; i++ {
			run.End = chunks[i].End
		}
		blocks = appendParsed(blocks, f, src, run, defs)
	}
	return blocks
}

// appendParsed parses chunk c of src and appends its blocks with document
// offsets.
func appendParsed(blocks []Block, f *Format, src string, c Chunk, defs *Definitions) []Block {
	for _, b := range f.Parse(c.Text(src), c.Flags, defs) {
		b.Start += c.Start
		b.End += c.Start
		blocks = append(blocks, b)
	}
	return blocks
}

func sortBlocks(blocks []Block) {
	slices.SortStableFunc(blocks, func(a, b Block) int { return a.Start - b.Start })
}
