package model

import (
	"bytes"
	"io"
	"testing"

	"github.com/klauspost/compress/zstd"
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
	if n, withEmpty := len(SelfKeys(PlainFeatures, &plain, nil)), len(SelfKeys(PlainFeatures, &empty, nil)); withEmpty != n+3 {
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

func TestContextFeatureKeys(t *testing.T) {
	d := func(s string) *Word { w := Describe(s, nil, nil, nil); return &w }
	// The plain set has the keys it had before sets: a model of formats
	// 2 and 3 scores as it did.
	for _, tt := range []struct {
		name        string
		keys        func(FeatureSet) []uint32
		extraInCtxt int
	}{
		{"self, capitalised", func(fs FeatureSet) []uint32 { return SelfKeys(fs, d("Bank"), nil) }, 1},
		{"self, lower case", func(fs FeatureSet) []uint32 { return SelfKeys(fs, d("bank"), nil) }, 0},
		{"previous word", func(fs FeatureSet) []uint32 { return PrevOwnKeys(fs, d("bank"), nil) }, 1},
		{"next word", func(fs FeatureSet) []uint32 { return NextOwnKeys(fs, d("bank"), nil) }, 1},
		{"before the start", func(fs FeatureSet) []uint32 { return BoundaryKeys(fs, -1, nil) }, 1},
		{"past the end", func(fs FeatureSet) []uint32 { return BoundaryKeys(fs, 1, nil) }, 1},
		{"two past the end", func(fs FeatureSet) []uint32 { return BoundaryKeys(fs, 2, nil) }, 0},
		{"all of a position", func(fs FeatureSet) []uint32 {
			words := []Word{*d("the"), *d("Bank"), *d("Street")}
			return Keys(fs, words, 1, 0, 1, nil)
		}, 4}, // exact form, both shapes, capitals
	} {
		plain, ctx := tt.keys(PlainFeatures), tt.keys(ContextFeatures)
		if len(ctx)-len(plain) != tt.extraInCtxt {
			t.Errorf("%s: context set adds %d keys, want %d", tt.name, len(ctx)-len(plain), tt.extraInCtxt)
		}
	}
	// The exact form tells "May" from "MAY"; the lower-cased form does not.
	if may, upper := d("May"), d("MAY"); may.Lower != upper.Lower || may.Exact == upper.Exact || may.Exact == 0 {
		t.Error("May and MAY: same lower-cased hash and different exact hashes expected")
	}
	keys := map[uint32]string{}
	for _, c := range []struct {
		name             string
		prev, word, next *Word
	}{
		{"start Bank of", nil, d("Bank"), d("of")},
		{"the Bank Street", d("the"), d("Bank"), d("Street")},
		{"the bank street", d("the"), d("bank"), d("street")},
		{"THE BANK STREET", d("THE"), d("BANK"), d("STREET")},
		{"the Bank end", d("the"), d("Bank"), nil},
	} {
		k := CapContextKey(c.prev, c.word, c.next)
		if other, ok := keys[k]; ok {
			t.Errorf("%s and %s share a capitals key", c.name, other)
		}
		keys[k] = c.name
	}
	// Only the capitals count, not the words.
	if CapContextKey(d("a"), d("Bank"), d("Road")) != CapContextKey(d("the"), d("River"), d("Lane")) {
		t.Error("capitals keys differ for the same capitals")
	}
}

func TestFeatureSetRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		fs       FeatureSet
		clusters []ClusterEntry
		magic    []byte
	}{
		{PlainFeatures, nil, magic},
		{PlainFeatures, []ClusterEntry{{Key: 3, Path: 0b101}}, magicClusters},
		{ContextFeatures, nil, magicFeatures},
		{ContextFeatures, []ClusterEntry{{Key: 3, Path: 0b101}}, magicFeatures},
	} {
		m := &Model{Labels: []Label{{"NOUN", "NN"}}, Weights: map[uint32][]Entry{7: {{Label: 0, Weight: 0.5}}}, Clusters: tt.clusters, Features: tt.fs}
		var buf bytes.Buffer
		if err := m.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		raw, err := zstdDecode(buf.Bytes())
		if err != nil || !bytes.HasPrefix(raw, tt.magic) {
			t.Errorf("set %d, %d clusters: not written as format %d (%v)", tt.fs, len(tt.clusters), tt.magic[len(tt.magic)-1], err)
		}
		d, err := Decode(buf.Bytes())
		if err != nil {
			t.Fatalf("set %d: %v", tt.fs, err)
		}
		if d.Features != tt.fs || len(d.Clusters) != len(tt.clusters) || len(d.Keys) != 1 {
			t.Errorf("set %d, %d clusters: decoded set %d, %d clusters, %d keys", tt.fs, len(tt.clusters), d.Features, len(d.Clusters), len(d.Keys))
		}
	}
	if err := (&Model{Features: numFeatureSets}).Encode(io.Discard); err == nil {
		t.Error("an unknown feature set was encoded")
	}
}

func zstdDecode(b []byte) ([]byte, error) {
	dec, err := zstd.NewReader(nil)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	return dec.DecodeAll(b, nil)
}
