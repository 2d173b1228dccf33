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

// TestBudget: a bounded table drops blocks past its budget, keeps the
// ones read again (the clock), and reads a dropped block back the same.
func TestBudget(t *testing.T) {
	var recs [][]byte
	for i := range 1000 {
		recs = append(recs, []byte(fmt.Sprintf("record %04d %s", i, "padding padding padding padding")))
	}
	data, err := Write([]Table{{Records: recs, PerBlock: 10}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	tb := f.Tables[0]
	if _, err := tb.Record(0); err != nil {
		t.Fatal(err)
	}
	one := tb.Held()
	tb.SetBudget(5 * one)
	for i := 0; i < 1000; i += 10 {
		rec, err := tb.Record(i)
		if err != nil || string(rec) != string(recs[i]) {
			t.Fatalf("Record(%d) = %q, %v", i, rec, err)
		}
		if _, err := tb.Record(0); err != nil { // block 0 is hot
			t.Fatal(err)
		}
		if tb.Held() > 5*one+one/2 {
			t.Fatalf("after block %d: %d bytes held, budget %d", i/10, tb.Held(), 5*one)
		}
	}
	if n := tb.DecodedBlocks(); n > 6 {
		t.Errorf("%d blocks held, want at most 6", n)
	}
	before := tb.Decodes()
	if _, err := tb.Record(0); err != nil || tb.Decodes() != before {
		t.Errorf("the hot block 0 was dropped (decodes %d → %d)", before, tb.Decodes())
	}
	if _, err := tb.Record(15); err != nil || tb.Decodes() != before+1 {
		t.Errorf("block 1 was not decompressed again (decodes %d → %d)", before, tb.Decodes())
	}
	tb.SetBudget(0)
	for i := 0; i < 1000; i += 10 {
		if _, err := tb.Record(i); err != nil {
			t.Fatal(err)
		}
	}
	if tb.DecodedBlocks() != tb.Blocks() {
		t.Errorf("unbounded: %d of %d blocks held", tb.DecodedBlocks(), tb.Blocks())
	}
}

// TestDrop: Drop lets go of every block, a record returned before it stays
// as it was, and reading again decompresses the block anew.
func TestDrop(t *testing.T) {
	var recs [][]byte
	for i := range 300 {
		recs = append(recs, []byte(fmt.Sprintf("record %d", i)))
	}
	data, err := Write([]Table{{Records: recs, PerBlock: 50}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	r := f.Tables[0]
	before, err := r.Record(120)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Record(260); err != nil {
		t.Fatal(err)
	}
	if r.DecodedBlocks() != 2 || r.Held() == 0 {
		t.Fatalf("before Drop: %d blocks, %d bytes held; want 2 and some", r.DecodedBlocks(), r.Held())
	}
	r.Drop()
	if r.DecodedBlocks() != 0 || r.Held() != 0 {
		t.Errorf("after Drop: %d blocks, %d bytes held; want none", r.DecodedBlocks(), r.Held())
	}
	if string(before) != "record 120" {
		t.Errorf("a record read before Drop became %q", before)
	}
	decodes := r.Decodes()
	again, err := r.Record(120)
	if err != nil || string(again) != "record 120" {
		t.Errorf("Record(120) after Drop = %q, %v", again, err)
	}
	if r.Decodes() != decodes+1 || r.DecodedBlocks() != 1 {
		t.Errorf("reading after Drop: %d decodes (was %d), %d blocks held; want one more, 1", r.Decodes(), decodes, r.DecodedBlocks())
	}
}
