// Package slotcache is the bounded, concurrent, insert-only cache behind
// the analysis's per-word memos (lemmas, word classes): an open-addressing
// table whose 32-bit slots hold a 16-bit fingerprint of the key's hash
// beside the entry's index, so a probe reads one slot and a hit one entry.
// Entries are never evicted one by one: when a generation fills, the next
// miss starts an empty one, so a long-running server stays bounded.
package slotcache
