package text

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// Converting between a byte offset and a Character means counting the code
// units from the start of the line. On ordinary lines that walk is short,
// but a document of one long line (a minified file, a paragraph without
// line breaks) would pay the whole line for every conversion, and a
// diagnostic per sentence would cost time quadratic in the line's length.
// So every line longer than a stride carries checkpoints: states of that
// walk, one about every stride bytes, from which a conversion resumes. A
// conversion then walks at most about one stride, whatever the line's
// length.

// defaultStride is the distance in bytes between checkpoints. The index of
// a long line costs 3 words per stride (about 5% of the text at 512) and a
// conversion walks at most about a stride (a few hundred nanoseconds).
const defaultStride = 512

// checkpoint is a state of the walk along one line: the byte offset off,
// relative to the chunk, is a character boundary, and u16 and u32 count
// the UTF-16 and UTF-32 code units from the line's start to it (UTF-8
// units are bytes: off minus the line's start).
type checkpoint struct{ off, u16, u32 int }

// units returns the checkpoint's column in code units of enc, on a line
// that starts at lineStart.
func (c checkpoint) units(enc Encoding, lineStart int) int {
	switch enc {
	case UTF8:
		return c.off - lineStart
	case UTF32:
		return c.u32
	default:
		return c.u16
	}
}

// columnIndex holds a chunk's checkpoints, built on first use. Chunks an
// edit does not touch keep theirs: Apply shares the pointer.
type columnIndex struct {
	once sync.Once
	cps  []checkpoint // sorted by off; only in lines longer than the stride
}

// checkpoints returns the checkpoints of chunk k, building them on first
// use with the document's stride.
func (d *Document) checkpoints(k int) []checkpoint {
	c := d.chunks[k]
	if c.cols == nil {
		return nil
	}
	c.cols.once.Do(func() { c.cols.cps = d.buildCheckpoints(k) })
	return c.cols.cps
}

// buildCheckpoints walks each line of chunk k longer than the stride once,
// recording a checkpoint at the first character boundary at or after every
// multiple of the stride from the line's start.
func (d *Document) buildCheckpoints(k int) []checkpoint {
	stride := d.strideOrDefault()
	var cps []checkpoint
	text := d.chunks[k].text
	for j := range d.chunks[k].starts {
		start, end := d.lineIn(k, j)
		if end-start <= stride {
			continue
		}
		next := start + stride
		i, u16, u32 := start, 0, 0
		for i < end {
			if i >= next {
				cps = append(cps, checkpoint{off: i, u16: u16, u32: u32})
				next = i + stride
			}
			if text[i] < utf8.RuneSelf {
				i++
				u16++
				u32++
				continue
			}
			size, units := nextChar(text[i:end], UTF16)
			i += size
			u16 += units
			u32++
		}
	}
	return cps
}

func (d *Document) strideOrDefault() int {
	if d.stride > 0 {
		return d.stride
	}
	return defaultStride
}

// resumeAtOffset returns the walk state to start from to reach byte offset
// rel (relative to chunk k) on the line [start, end) of that chunk, with
// start <= rel <= end: the last checkpoint of the line at or before rel,
// or the line's start.
func (d *Document) resumeAtOffset(k, start, rel int, enc Encoding) (i, col int) {
	if rel-start <= d.strideOrDefault() {
		return start, 0
	}
	cps := d.checkpoints(k)
	n := sort.Search(len(cps), func(i int) bool { return cps[i].off > rel })
	// Checkpoints lie strictly inside their lines: one after start and at
	// or before rel <= end is on this line.
	if n == 0 || cps[n-1].off <= start {
		return start, 0
	}
	return cps[n-1].off, cps[n-1].units(enc, start)
}

// resumeAtColumn returns the walk state to start from to reach column want
// (in code units of enc) on the line [start, end) of chunk k: the last
// checkpoint of the line whose column is at most want, or the line's start.
func (d *Document) resumeAtColumn(k, start, end, want int, enc Encoding) (i, col int) {
	if end-start <= d.strideOrDefault() || want <= 0 {
		return start, 0
	}
	cps := d.checkpoints(k)
	// The line's checkpoints are cps[first:last]: those with start < off < end.
	first := sort.Search(len(cps), func(i int) bool { return cps[i].off > start })
	line := cps[first:]
	line = line[:sort.Search(len(line), func(i int) bool { return line[i].off >= end })]
	// Columns grow along the line: the last checkpoint with units <= want.
	n := sort.Search(len(line), func(i int) bool { return line[i].units(enc, start) > want })
	if n == 0 {
		return start, 0
	}
	return line[n-1].off, line[n-1].units(enc, start)
}
