package blockfile

import (
	"encoding/binary"
	"fmt"
	"testing"
)

func keyed(key, rest string) []byte {
	b := binary.AppendUvarint(nil, uint64(len(key)))
	return append(append(b, key...), rest...)
}

func TestRoundTrip(t *testing.T) {
	var plain, keys [][]byte
	for i := range 1000 {
		plain = append(plain, []byte(fmt.Sprintf("record %d", i)))
		keys = append(keys, keyed(fmt.Sprintf("k%04d", 2*i), fmt.Sprint(i)))
	}
	data, err := Write([]Table{{Records: plain, PerBlock: 64}, {Records: keys, PerBlock: 100, Keyed: true, DictSize: 500}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	p, k := f.Tables[0], f.Tables[1]
	for _, i := range []int{0, 63, 64, 999} {
		rec, err := p.Record(i)
		if err != nil || string(rec) != fmt.Sprintf("record %d", i) {
			t.Errorf("Record(%d) = %q, %v", i, rec, err)
		}
	}
	if _, err := p.Record(1000); err == nil {
		t.Error("Record(1000) did not fail")
	}
	if p.DecodedBlocks() != 3 {
		t.Errorf("decoded %d blocks, want 3", p.DecodedBlocks())
	}
	tests := []struct {
		key  string
		want int
	}{
		{"", 0}, {"k0000", 0}, {"k0001", 1}, {"k0198", 99}, {"k0199", 100}, {"k0200", 100}, {"k1998", 999}, {"k1999", 1000}, {"z", 1000},
	}
	for _, tt := range tests {
		got, err := k.Search(tt.key)
		if err != nil || got != tt.want {
			t.Errorf("Search(%q) = %d, %v; want %d", tt.key, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		prefix string
		want   bool
	}{{"k02", true}, {"k0200", true}, {"k0201", false}, {"k2", false}, {"j", false}} {
		if got, err := k.HasPrefix(tt.prefix); err != nil || got != tt.want {
			t.Errorf("HasPrefix(%q) = %v, %v", tt.prefix, got, err)
		}
	}
}

func TestWriteRejectsUnsortedKeys(t *testing.T) {
	_, err := Write([]Table{{Records: [][]byte{keyed("b", ""), keyed("a", "")}, PerBlock: 8, Keyed: true}})
	if err == nil {
		t.Fatal("unsorted keys accepted")
	}
}

func TestOpenRejectsCorruptData(t *testing.T) {
	data, err := Write([]Table{{Records: [][]byte{[]byte("x")}, PerBlock: 8}})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, []byte("nonsense"), data[:len(data)-3], data[:len(magic)+2]} {
		if f, err := Open(bad); err == nil {
			if _, err := f.Tables[0].Record(0); err == nil {
				t.Errorf("Open(%q) and Record(0) succeeded", bad)
			}
		}
	}
}
