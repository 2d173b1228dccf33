package tag

import "sync/atomic"

// Trim lets go of the word descriptions built so far, of known and of
// unknown forms, and of the rows of the previous-two-tags features; the
// next sentence that needs one builds it again (about 3 µs a form,
// measured by BenchmarkTagAfterTrim), with the same result, so tags do not
// change. It is for a pause in the tagging, such as an editor's idle time:
// with the Rust Book open and edited, the descriptions were the tagger's
// largest part of the heap (7.5 MB of the server's, profiled; the rows
// about 1 MB more, 2,000 pairs of tags), and after a pause only those of
// the next edited block are needed again. Trim is safe to call while Tag
// runs: a sentence being tagged keeps what it has read.
func (t *Tagger) Trim() {
	clearSlots(t.known)
	clearSlots(t.unknown)
	clearSlots(t.tagRows)
}

// clearSlots empties the published slots, skipping those already empty
// (most of the vocabulary's, whose load is cheaper than a store).
func clearSlots[T any](slots []atomic.Pointer[T]) {
	for i := range slots {
		if slots[i].Load() != nil {
			slots[i].Store(nil)
		}
	}
}
