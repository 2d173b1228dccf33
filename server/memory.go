package server

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"liaison/analysis/dictionary"
	"liaison/analysis/tag"
)

// idleTrim gives the garbage of a burst of edits back to the system once
// the server is idle. With the Rust Book open the live heap is about
// 50 MB and a keystroke makes 2 to 3 MB of garbage; the collector lets the
// heap grow to about twice the live heap (or to `liaison serve`'s soft
// limit) before collecting, and the runtime's scavenger returns the freed
// pages slowly, so the resident size stayed near its peak after typing
// stopped: 117-135 MB after a session of edits (lspbench), for about
// 60 MB live. A pause in the lints (idleTrimDelay) with enough garbage
// made since the last trim runs trimMemory: one collection and a
// scavenge, about 20-40 ms of one core for the book, off any request's
// path. Like trimMemory it does nothing in a process without a memory
// limit (a test embedding the server).
type idleTrim struct {
	mu     sync.Mutex
	timer  *time.Timer
	allocs uint64           // heap bytes allocated when last trimmed
	do     func()           // the trim; nil is trimMemory (a test counts instead)
	caches func() []trimmer // what the trim empties first; nil is idleCaches
	exe    sync.Once        // the first trim also releases the executable's pages
}

// idleTrimDelay is the pause after a lint that counts as idle: longer
// than the gap between two keystrokes of a typist, short enough that
// memory is given back while the user reads.
const idleTrimDelay = 500 * time.Millisecond

// idleTrimGarbage is how much must have been allocated since the last
// trim for another to be worth its collection.
const idleTrimGarbage = 16 << 20

// linted notes a lint, or a request that makes garbage as one does (a
// hover, a code action): the trim waits for idleTrimDelay without one. It
// runs only while ctx (the connection's) is live.
func (t *idleTrim) linted(ctx context.Context) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Reset(idleTrimDelay)
		return
	}
	t.timer = time.AfterFunc(idleTrimDelay, func() {
		if ctx.Err() == nil {
			t.trim()
		}
	})
}

// stop cancels a pending trim (the connection ended).
func (t *idleTrim) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
	}
}

// now trims at once (a lint that analysed much, see trimAfter).
func (t *idleTrim) now() {
	allocs := heapAllocs()
	t.mu.Lock()
	t.allocs = allocs
	t.mu.Unlock()
	t.run()
}

func (t *idleTrim) run() {
	if t.do != nil {
		t.do()
		return
	}
	caches := t.caches
	if caches == nil {
		caches = idleCaches
	}
	trimCaches(caches)
	trimMemory()
	// The first trim comes after the first lints, so the load is done:
	// what it read of the executable is given back once (see
	// releaseExecutable). Later trims do not repeat it: the pages still
	// used would only be faulted in again.
	if memoryLimited() {
		t.exe.Do(func() { releaseExecutable() })
	}
}

func (t *idleTrim) trim() {
	allocs := heapAllocs()
	t.mu.Lock()
	due := allocs-t.allocs >= idleTrimGarbage
	if due {
		t.allocs = allocs
	}
	t.mu.Unlock()
	if due {
		t.run()
	}
}

// heapAllocs is the bytes allocated on the heap since the process began.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// trimmer is a cache that lets go of what it holds and builds it again
// on use, with the same answers.
type trimmer interface{ Trim() }

// idleCaches returns the caches that a pause gives back cheaply: the
// dictionary's decompressed blocks and decoded entries (3.4 MB after
// hovers over the whole Rust Book, profiled), which the first hover after
// the pause decodes again for the word it needs, in 40-120 µs; the
// tagger's word descriptions (3-4 MB with the book open, profiled), which
// the first edit after the pause builds again for the forms of its block,
// about 3 µs a form. An idle trim comes after lints, so the tagger is
// loaded.
func idleCaches() []trimmer {
	var cs []trimmer
	if d, err := dictionary.Default(); err == nil {
		cs = append(cs, d)
	}
	return append(cs, tag.Default())
}

// trimCaches empties the caches in a process with a memory limit (see
// trimMemory): elsewhere (a test embedding the server) it does nothing,
// and does not ask for them, which would load the dictionary.
func trimCaches(caches func() []trimmer) {
	if !memoryLimited() {
		return
	}
	for _, c := range caches() {
		c.Trim()
	}
}

// firstLintNoGCBytes is the largest document whose first lint runs with
// the collector off (see holdCollector): a chapter-sized file allocates a
// few megabytes to lint, far below `liaison serve`'s memory limit.
const firstLintNoGCBytes = 64 << 10

// holdCollector turns the collector off for the session's first lint when
// its document is at most firstLintNoGCBytes, in a process with a memory
// limit, and returns what turns it back on. The load (loadLinter) runs
// with the collector off, so when it is turned back on the heap is past
// its goal and a collection of the whole loaded heap began at once,
// inside the first lint: 9% of start → first diagnostics on a 25 KB
// chapter (profile of 30 starts: collection and the preemptions it
// makes). Held off until that lint is done, the load's garbage and the
// lint's are collected together by the trim after it (idleTrim, or
// loadLinter's trimDelay); the memory limit still bounds the heap. Call it
// once the checker has loaded, whose own hold has ended by then.
func (s *Server) holdCollector(docBytes int) (restore func()) {
	restore = func() {}
	s.firstLint.Do(func() {
		if docBytes > firstLintNoGCBytes || !memoryLimited() {
			return
		}
		old := debug.SetGCPercent(-1)
		restore = func() { debug.SetGCPercent(old) }
	})
	return restore
}
