package lexfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := &File{
		Words:       []Word{{Key: "liaise", Flags: 1<<1 | FlagPronKnown, Senses: 1}, {Key: "liaison", Flags: 1, Senses: 2}},
		Exceptions:  []Exception{{Form: "went", Lemma: "go", POS: 1, FormMask: 1 << 3}},
		Inflections: []Inflection{{Lemma: "go", POS: 1, Form: 3, Surface: "went"}},
		Preferences: []Preference{{Form: "data", POS: 0, Lemma: "data"}},
	}
	var buf bytes.Buffer
	if err := Encode(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
	// Every truncation of the payload is an error, never a panic.
	raw := buf.Bytes()
	for n := range len(raw) {
		if _, err := Decode(raw[:n]); err == nil {
			t.Errorf("Decode of %d of %d bytes succeeded", n, len(raw))
		}
	}
}

func TestDecodeRejectsWrongMagic(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, &File{}); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if _, err := Decode(raw); err != nil {
		t.Fatalf("empty file: %v", err)
	}
	if _, err := Decode([]byte(Magic)); err == nil {
		t.Error("a file of the magic alone accepted")
	}
	if _, err := Decode(append([]byte("LXM1"), raw[4:]...)); err == nil {
		t.Error("another magic accepted")
	}
	if _, err := Decode(nil); err == nil {
		t.Error("nil input accepted")
	}
	// An absurd record count, under a right checksum.
	bad := []byte(Magic + "\xff\xff\xff\xff\x0f")
	bad = binary.LittleEndian.AppendUint32(bad, crc32.Checksum(bad, castagnoli))
	if _, err := Decode(bad); !errors.Is(err, ErrCorrupt) {
		t.Errorf("huge count: err = %v, want ErrCorrupt", err)
	}
}

// TestViewFinds checks that every key of a file is found in place, by
// the entry holding its readings, and that other words are not.
func TestViewFinds(t *testing.T) {
	in := &File{
		Words:      []Word{{Key: "a", Flags: 1}, {Key: "go", Flags: 2}, {Key: "liaise", Flags: 2}, {Key: "liaison", Flags: 1}, {Key: "uncharacteristically", Flags: 8}},
		Exceptions: []Exception{{Form: "go", Lemma: "go", POS: 1, FormMask: 1}, {Form: "went", Lemma: "go", POS: 1, FormMask: 1 << 3}},
	}
	var buf bytes.Buffer
	if err := Encode(&buf, in); err != nil {
		t.Fatal(err)
	}
	v, err := Open(buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if v.Len() != 6 || v.Lemmas() != 5 || v.Exceptions() != 2 {
		t.Fatalf("%d entries, %d lemmas, %d exceptions; want 6, 5, 2", v.Len(), v.Lemmas(), v.Exceptions())
	}
	for _, w := range []string{"a", "go", "liaise", "liaison", "uncharacteristically", "went"} {
		i := v.Find([]byte(w))
		if i < 0 || v.Entry(i).Key != w {
			t.Errorf("Find(%q) = %d", w, i)
			continue
		}
		if e := v.Entry(i); (w == "go" || w == "went") && (e.ExcEnd-e.ExcStart != 1 || v.Exception(e.ExcStart).Lemma != "go") {
			t.Errorf("%s: exceptions %d-%d", w, e.ExcStart, e.ExcEnd)
		}
	}
	for _, w := range []string{"", "b", "liais", "liaisons", "wen", "uncharacteristicall"} {
		if i := v.Find([]byte(w)); i >= 0 {
			t.Errorf("Find(%q) = %d, want -1", w, i)
		}
	}
	if err := Encode(&buf, &File{Words: []Word{{Key: "b"}, {Key: "a"}}}); err == nil {
		t.Error("words out of order encoded")
	}
}
