package lexfile

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/klauspost/compress/zstd"
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
	if _, err := Decode([]byte("LXM1")); err == nil {
		t.Error("uncompressed input accepted")
	}
	if _, err := Decode(nil); err == nil {
		t.Error("nil input accepted")
	}
	// A well-compressed payload with an absurd record count.
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	bad := enc.EncodeAll([]byte(Magic+"\xff\xff\xff\xff\x0f"), nil)
	if _, err := Decode(bad); !errors.Is(err, ErrCorrupt) {
		t.Errorf("huge count: err = %v, want ErrCorrupt", err)
	}
}
