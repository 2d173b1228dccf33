package rules

import (
	"bytes"
	"encoding/gob"
	"reflect"
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

// TestSnapshotIndexUpToDate checks that the keys and the index the
// snapshot holds are what NewEngine computes from its rules now
// (keyOf, buildIndex): the YAML's checksum does not see a change to the
// code that computes them, this test does.
func TestSnapshotIndexUpToDate(t *testing.T) {
	lib, err := loadLibrary()
	if err != nil {
		t.Fatal(err)
	}
	if lib.index == nil {
		t.Skip("the snapshot is out of date (TestSnapshotUpToDate fails)")
	}
	if storedIndex(lib.rules) == nil {
		t.Fatal("the snapshot's index is not used for the library's rules")
	}
	code, ctxCode := goRules(), goContextRules()
	var crs []*compiledRule
	for i, r := range lib.rules {
		cr, err := prepareRule(r, i, code, ctxCode)
		if err != nil {
			t.Fatalf("rule %s: %v", r.ID, err)
		}
		if !slices.Equal(cr.keys, lib.keys[i]) {
			t.Fatalf("rule %s: keys %v, the snapshot's %v: run go generate ./rules", r.ID, cr.keys, lib.keys[i])
		}
		crs = append(crs, cr)
	}
	fresh := buildIndex(crs, true)
	if !reflect.DeepEqual(&fresh, lib.index) {
		t.Fatalf("the snapshot's index (%d keys, %d needs) is not the one built from its rules (%d keys, %d needs): run go generate ./rules",
			len(lib.index.keys), len(lib.index.needs), len(fresh.keys), len(fresh.needs))
	}
	// An engine of other rules, or of the library's with one more, builds
	// its own.
	if storedIndex(lib.rules[1:]) != nil || storedIndex(append(slices.Clone(lib.rules), lib.rules[0])) != nil {
		t.Error("the snapshot's index was offered for rules other than the library's")
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
	sum, snap, err := decodeSnapshot(saved)
	if err != nil {
		t.Skipf("the snapshot does not decode (%v): TestSnapshotUpToDate fails", err)
	}
	stale := encodeSnapshot(sum+1, snap)
	for name, data := range map[string]string{"stale": string(stale), "truncated": saved[:len(saved)/2], "empty": "", "gob": "\x0e\xff\x81\x03\x01\x01\x0flibrarySnapshot"} {
		snapshotData = data
		if _, ok := loadSnapshot(); ok {
			t.Errorf("a %s snapshot was used", name)
		}
	}
}

// TestSnapshotFields checks that the snapshot's encoder and decoder know
// every field of the types they write (they name each field; a field
// added to Rule and not to them would be lost in the snapshot, and
// TestSnapshotLoadsTheLibrary would say so only once a rule used it).
func TestSnapshotFields(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields int
	}{
		{Rule{}, 17}, {Pattern{}, 6}, {Context{}, 2}, {Element{}, 17}, {Examples{}, 2}, {BadExample{}, 2},
	} {
		typ := reflect.TypeOf(c.v)
		n := typ.NumField()
		if typ == reflect.TypeOf(Element{}) {
			n-- // re, the compiled Regexp, is not encoded
		}
		if typ == reflect.TypeOf(Rule{}) {
			n-- // checked, what decoding sets
		}
		if n != c.fields {
			t.Errorf("%s has %d fields, the snapshot encodes %d: update encoder and decoder (snapshot.go)", typ.Name(), n, c.fields)
		}
	}
}

// TestSnapshotRoundTrip checks that a snapshot decodes to what was
// encoded, list by list, with the empty lists nil as gob made them.
func TestSnapshotRoundTrip(t *testing.T) {
	parsed, err := parseLibrary()
	if err != nil {
		t.Fatal(err)
	}
	sets := []snapshotSet{{Name: "a", Source: "a.yaml:1", Words: []string{"x", "y"}}, {Name: "b"}}
	e, err := NewEngine(parsed.rules)
	if err != nil {
		t.Fatal(err)
	}
	var keys [][]int
	for _, cr := range e.rules {
		keys = append(keys, cr.keys)
	}
	data := encodeSnapshot(42, &snapshot{rules: parsed.rules, sets: sets, keys: keys, index: &e.onIndex})
	sum, snap, err := decodeSnapshot(string(data))
	if err != nil || sum != 42 {
		t.Fatalf("decode: %d, %v", sum, err)
	}
	rules, gotSets := snap.rules, snap.sets
	for i := range keys {
		if !slices.Equal(keys[i], snap.keys[i]) {
			t.Errorf("rule %s: keys %v after a round trip, %v before", rules[i].ID, snap.keys[i], keys[i])
		}
	}
	if !reflect.DeepEqual(snap.index, &e.onIndex) {
		t.Error("the index differs after a round trip")
	}
	if len(rules) != len(parsed.rules) {
		t.Fatalf("%d rules decoded, %d encoded", len(rules), len(parsed.rules))
	}
	for i := range rules {
		if !bytes.Equal(encodeRule(t, rules[i]), encodeRule(t, parsed.rules[i])) {
			t.Errorf("rule %s differs after a round trip", parsed.rules[i].ID)
		}
	}
	if !reflect.DeepEqual(gotSets, []snapshotSet{{Name: "a", Source: "a.yaml:1", Words: []string{"x", "y"}}, {Name: "b"}}) {
		t.Errorf("sets after a round trip: %+v", gotSets)
	}
	for cut := range len(data) {
		if _, _, err := decodeSnapshot(string(data[:cut])); err == nil {
			t.Fatalf("a snapshot cut at byte %d of %d decoded", cut, len(data))
		}
		if cut > 2000 {
			break // the header and the first rules are enough
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
