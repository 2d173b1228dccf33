package text

// CommonEnds returns the lengths of the longest common prefix of a and b
// and of their longest common suffix in what remains (prefix+suffix is at
// most the shorter length): what two revisions of a text share around an
// edit. It compares a block at a time, which the runtime does with vector
// instructions: 60 µs for the Rust Book.
func CommonEnds(a, b string) (prefix, suffix int) {
	n := min(len(a), len(b))
	const step = 2048
	for prefix+step <= n && a[prefix:prefix+step] == b[prefix:prefix+step] {
		prefix += step
	}
	for prefix < n && a[prefix] == b[prefix] {
		prefix++
	}
	m := n - prefix
	for suffix+step <= m && a[len(a)-suffix-step:len(a)-suffix] == b[len(b)-suffix-step:len(b)-suffix] {
		suffix += step
	}
	for suffix < m && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// CommonEndsOf is CommonEnds(a.Text(), b.Text()) without joining either
// text: the two are compared chunk by chunk, and a chunk that b shares
// with a (Apply shares every chunk an edit does not touch) is the same
// string, which compares equal without reading its bytes. Two revisions
// of the Rust Book, 150 chunks, compare in a few microseconds; documents
// that share nothing cost what CommonEnds does.
func CommonEndsOf(a, b *Document) (prefix, suffix int) {
	a, b = a.nonZero(), b.nonZero()
	la, lb := a.Len(), b.Len()
	n := min(la, lb)
	for prefix < n {
		ka, kb := a.chunkAt(prefix), b.chunkAt(prefix)
		ca := a.chunks[ka].text[prefix-a.offsets[ka]:]
		cb := b.chunks[kb].text[prefix-b.offsets[kb]:]
		m := min(len(ca), len(cb), n-prefix)
		if ca[:m] == cb[:m] {
			prefix += m
			continue
		}
		p, _ := CommonEnds(ca[:m], cb[:m])
		prefix += p
		break
	}
	m := n - prefix
	for suffix < m {
		// The unmatched text ends at la-suffix in a and lb-suffix in b.
		ka, kb := a.chunkAt(la-suffix-1), b.chunkAt(lb-suffix-1)
		ca := a.chunks[ka].text[:la-suffix-a.offsets[ka]]
		cb := b.chunks[kb].text[:lb-suffix-b.offsets[kb]]
		k := min(len(ca), len(cb), m-suffix)
		ca, cb = ca[len(ca)-k:], cb[len(cb)-k:]
		if ca == cb {
			suffix += k
			continue
		}
		i := 0
		for i < k && ca[k-1-i] == cb[k-1-i] {
			i++
		}
		suffix += i
		break
	}
	return prefix, suffix
}
