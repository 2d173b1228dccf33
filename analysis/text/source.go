package text

// Source is a text read a span at a time: a Document is one, and so is a
// String. The analysis of an editor's revision reads its document this
// way, only around the edit, so that a keystroke in a document of a
// megabyte never joins the whole text into one string (the join was 55%
// of what a keystroke in the Rust Book allocated, profiled).
type Source interface {
	// Len returns the length of the text in bytes.
	Len() int
	// Slice returns the text from byte offset start to end, which must
	// satisfy 0 <= start <= end <= Len().
	Slice(start, end int) string
}

// String is a text held as one string, as a Source.
type String string

// Len returns the length of s in bytes.
func (s String) Len() int { return len(s) }

// Slice returns s[start:end].
func (s String) Slice(start, end int) string { return string(s[start:end]) }

// Whole returns src's whole text: for a Document its Text (joined once and
// kept), for a String the string itself.
func Whole(src Source) string {
	switch s := src.(type) {
	case String:
		return string(s)
	case *Document:
		return s.Text()
	case nil:
		return ""
	}
	return src.Slice(0, src.Len())
}

// SourceEnds is CommonEnds for two Sources: without joining either when
// both are Documents (CommonEndsOf), or the strings' CommonEnds.
func SourceEnds(a, b Source) (prefix, suffix int) {
	if da, ok := a.(*Document); ok {
		if db, ok := b.(*Document); ok {
			return CommonEndsOf(da, db)
		}
	}
	return CommonEnds(Whole(a), Whole(b))
}
