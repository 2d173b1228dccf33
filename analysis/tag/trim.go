package tag

// Trim lets go of the word descriptions built so far, of known and of
// unknown forms; the next sentence that has a form describes it again
// (about 2-3 µs a form, measured by BenchmarkTagAfterTrim), with the same
// result, so tags do not change. It is for a pause in the tagging, such as
// an editor's idle time: with the Rust Book open and edited, the
// descriptions were the tagger's largest part of the heap (7.5 MB of the
// server's, profiled), and after a pause only the forms of the next
// edited block are needed again. Trim is safe to call while Tag runs: a
// sentence being tagged keeps the descriptions it has read.
func (t *Tagger) Trim() {
	clearSlots(t.known)
	clearSlots(t.unknown)
}

// clearSlots empties the published slots, skipping those already empty
// (most of the vocabulary's, whose load is cheaper than a store).
func clearSlots(slots []atomicWordType) {
	for i := range slots {
		if slots[i].Load() != nil {
			slots[i].Store(nil)
		}
	}
}
