package rules

import (
	"bytes"
	"encoding/gob"
	"slices"
	"testing"
)

// TestSnapshotUpToDate checks that the embedded snapshot was made from the
// library's YAML as it is now (its checksum matches). A stale snapshot
// still loads right — the YAML is parsed instead — only slowly; this test
// is what notices it.
func TestSnapshotUpToDate(t *testing.T) {
	if _, ok := loadSnapshot(); !ok {
		t.Fatal("library.snapshot is out of date: run go generate ./rules")
	}
}

// TestSnapshotLoadsTheLibrary checks that the rules decoded from the
// snapshot are the rules parsed from the YAML, field by field (the
// compiled regular expressions, which are not encoded, aside).
func TestSnapshotLoadsTheLibrary(t *testing.T) {
	snap, ok := loadSnapshot()
	if !ok {
		t.Skip("the snapshot is out of date (TestSnapshotUpToDate fails)")
	}
	parsed, err := parseLibrary()
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.rules) != len(parsed.rules) {
		t.Fatalf("snapshot has %d rules, the YAML %d", len(snap.rules), len(parsed.rules))
	}
	for i := range parsed.rules {
		if !bytes.Equal(encodeRule(t, snap.rules[i]), encodeRule(t, parsed.rules[i])) {
			t.Errorf("rule %d (%s) differs between the snapshot and the YAML", i, parsed.rules[i].ID)
		}
	}
	if len(snap.sets) != len(parsed.sets) {
		t.Errorf("snapshot has %d sets, the YAML %d", len(snap.sets), len(parsed.sets))
	}
	for name, s := range parsed.sets {
		if got := snap.sets[name]; got == nil || !slices.Equal(got.words, s.words) || got.source != s.source {
			t.Errorf("set %s differs between the snapshot and the YAML", name)
		}
	}
}

// TestStaleSnapshotIsNotUsed checks that a snapshot made from other YAML
// than the embedded library's is refused, and so is one that does not
// decode: the library is then parsed from the YAML.
func TestStaleSnapshotIsNotUsed(t *testing.T) {
	saved := snapshotData
	defer func() { snapshotData = saved }()
	var s librarySnapshot
	if err := gob.NewDecoder(bytes.NewReader(saved)).Decode(&s); err != nil {
		t.Fatal(err)
	}
	s.Checksum++
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"stale": buf.Bytes(), "truncated": saved[:len(saved)/2], "empty": nil} {
		snapshotData = data
		if _, ok := loadSnapshot(); ok {
			t.Errorf("a %s snapshot was used", name)
		}
	}
}

func encodeRule(t *testing.T, r *Rule) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
