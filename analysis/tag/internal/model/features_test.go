package model

import (
	"bytes"
	"testing"
)

func TestClusterPaths(t *testing.T) {
	tests := []struct {
		path   string
		packed uint32
		prefix map[int]uint32
	}{
		{"", 0, map[int]uint32{4: 0}},
		{"01x", 0, nil},
		{"0110", 0b10110, map[int]uint32{2: 0b101, 4: 0b10110, 10: 0b10110}},
		{"1111000011", 0b11111000011, map[int]uint32{4: 0b11111, 6: 0b1111100, 10: 0b11111000011}},
		{"000000000000000000", 1 << 18, map[int]uint32{4: 1 << 4, 18: 1 << 18}},
	}
	for _, tt := range tests {
		if got := PackPath(tt.path); got != tt.packed {
			t.Errorf("PackPath(%q) = %b, want %b", tt.path, got, tt.packed)
		}
		for k, want := range tt.prefix {
			if got := ClusterPrefix(tt.packed, k); got != want {
				t.Errorf("ClusterPrefix(%b, %d) = %b, want %b", tt.packed, k, got, want)
			}
		}
	}
	// Prefixes of different lengths of one path are different payloads.
	if ClusterPrefix(PackPath("0000"), 4) == ClusterPrefix(PackPath("000000"), 6) {
		t.Error("prefixes of lengths 4 and 6 of zeros collide")
	}
}

func TestClustersRoundTrip(t *testing.T) {
	m := &Model{
		Labels:   []Label{{"NOUN", "NN"}, {"VERB", "VB"}},
		Weights:  map[uint32][]Entry{7: {{Label: 1, Weight: 0.5}}},
		Clusters: []ClusterEntry{{Key: 3, Path: 0b10110}, {Key: 1 << 31, Path: 1 << 18}},
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Clusters) != 2 || d.Clusters[0] != m.Clusters[0] || d.Clusters[1] != m.Clusters[1] {
		t.Fatalf("clusters %v, want %v", d.Clusters, m.Clusters)
	}
	look := d.ClusterFunc()
	if got := look(uint64(1<<31) << 32); got != 1<<18 {
		t.Errorf("lookup of key 1<<31 = %b", got)
	}
	if got := look(uint64(4) << 32); got != 1 {
		t.Errorf("lookup of an absent key = %b, want the empty path 1", got)
	}
	// A model without clusters: no lookup, no cluster features.
	if (&Model{}).ClusterFunc() != nil {
		t.Error("a model without clusters has a cluster lookup")
	}
	plain := Describe("word", nil, nil, nil)
	empty := plain
	empty.Cluster = 1
	if n, withEmpty := len(SelfKeys(&plain, nil)), len(SelfKeys(&empty, nil)); withEmpty != n+3 {
		t.Errorf("keys without clusters %d, with the empty path %d, want 3 more", n, withEmpty)
	}
	// A model without clusters encodes as format 2, as before them.
	var plainBuf bytes.Buffer
	if err := (&Model{Labels: m.Labels, Weights: m.Weights}).Encode(&plainBuf); err != nil {
		t.Fatal(err)
	}
	if p, err := Decode(plainBuf.Bytes()); err != nil || len(p.Clusters) != 0 {
		t.Errorf("format 2 model: %v, %d clusters", err, len(p.Clusters))
	}
	w := Describe("word", nil, nil, func(uint64) uint32 { return 0b10110 })
	if w.Cluster != 0b10110 {
		t.Errorf("Describe cluster %b", w.Cluster)
	}
}
