package spell

import (
	"bytes"
	"errors"
	"testing"

	"liaison/analysis/spell/internal/wordfile"
)

// TestLoadCorrupt: a damaged word list is an error (or, for a damaged
// table, wrong answers), never a panic or a hang.
func TestLoadCorrupt(t *testing.T) {
	good := embedded
	full := append([]byte(nil), good...)
	for i := wordfile.HeaderSize; i < len(full) && i < wordfile.HeaderSize+1<<20; i++ {
		full[i] = 0xff // no empty slot left
	}
	for _, tc := range []struct {
		name    string
		data    []byte
		loadErr bool // Load must refuse it; otherwise Suggest finds the damage
	}{
		{"empty", nil, true},
		{"magic", append([]byte("spell0\n"), good[len(wordfile.Magic):]...), true},
		{"truncated header", good[:wordfile.HeaderSize-1], true},
		{"truncated table", good[:wordfile.HeaderSize+100], true},
		{"truncated words", good[:len(good)-100], false},
		{"garbled words", append(append([]byte(nil), good[:len(good)-1000]...), bytes.Repeat([]byte{7}, 1000)...), false},
		{"full table", full, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := load(tc.data)
			if tc.loadErr {
				if !errors.Is(err, wordfile.ErrCorrupt) {
					t.Errorf("load: %v, want ErrCorrupt", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			l.Known("recieve", EnUS) // must return, not loop
			if _, err := l.decodeWords(); err == nil && tc.name != "full table" {
				t.Error("decodeWords: no error for damaged words")
			}
			l.Suggest("recieve", EnUS, 3)
		})
	}
	if _, err := load(good); err != nil {
		t.Fatal(err)
	}
}
