package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/klauspost/compress/zstd"

	"liaison/analysis/tag/internal/model"
)

// readClusters reads the word clusters written by genclusters ("path<TAB>word"
// lines, zstd-compressed) into the model's form: entries keyed by the high
// 32 bits of the word's HashLower. Of two words whose keys collide, the
// first in the file is kept (the file is sorted, so this is deterministic).
func readClusters(path string) ([]model.ClusterEntry, error) {
	compressed, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(compressed, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[uint32]bool{}
	var out []model.ClusterEntry
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for line := 1; sc.Scan(); line++ {
		p, w, ok := strings.Cut(sc.Text(), "\t")
		packed := model.PackPath(p)
		if !ok || packed == 0 {
			return nil, fmt.Errorf("%s:%d: bad line", path, line)
		}
		k := uint32(model.HashLower(w) >> 32)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, model.ClusterEntry{Key: k, Path: packed})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b model.ClusterEntry) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}
