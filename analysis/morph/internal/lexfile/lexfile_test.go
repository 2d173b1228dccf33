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
