package rules

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/crc64"
	"io/fs"
	"path"
	"slices"
)

// The library snapshot is the parsed default library, gob-encoded by go
// generate (internal/gensnapshot) and embedded beside the YAML it came
// from. Parsing 1,500 rules of YAML costs a few hundred milliseconds of
// CPU, most of it in the YAML scanner; decoding the snapshot costs about
// a tenth of that, and every `liaison check` and every server start pays
// it. The snapshot carries a checksum of the YAML files: when they have
// changed since it was made, the library is parsed as before (slower, never
// wrong), and TestSnapshotUpToDate fails until go generate is run.
//
//go:generate go run ./internal/gensnapshot -o library.snapshot

//go:embed library.snapshot
var snapshotData []byte

// librarySnapshot is what the snapshot file holds.
type librarySnapshot struct {
	Checksum uint64 // libraryChecksum of the YAML the rules were parsed from
	Rules    []*Rule
	Sets     []snapshotSet // sorted by name
}

// snapshotSet is one named set of the library, resolved.
type snapshotSet struct {
	Name, Source string
	Words        []string
}

// libraryChecksum sums the names and contents of the embedded rule files.
func libraryChecksum() (uint64, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return 0, err
	}
	slices.Sort(names)
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	for _, n := range names {
		data, err := library.ReadFile(n)
		if err != nil {
			return 0, err
		}
		var size [8]byte
		binary.LittleEndian.PutUint64(size[:], uint64(len(data)))
		h.Write([]byte(path.Base(n)))
		h.Write(size[:])
		h.Write(data)
	}
	return h.Sum64(), nil
}

// loadSnapshot returns the library from the embedded snapshot, or false
// when the snapshot is missing, unreadable or older than the YAML.
func loadSnapshot() (*libraryData, bool) {
	if len(snapshotData) == 0 {
		return nil, false
	}
	sum, err := libraryChecksum()
	if err != nil {
		return nil, false
	}
	var s librarySnapshot
	if err := gob.NewDecoder(bytes.NewReader(snapshotData)).Decode(&s); err != nil || s.Checksum != sum {
		return nil, false
	}
	sets := make(setTable, len(s.Sets))
	for _, set := range s.Sets {
		sets[set.Name] = &namedSet{words: set.Words, source: set.Source}
	}
	return &libraryData{rules: s.Rules, sets: sets}, true
}

// EncodeLibrarySnapshot parses the embedded library from its YAML and
// returns the snapshot to embed: the same input always gives the same
// bytes. It is for the generator (internal/gensnapshot).
func EncodeLibrarySnapshot() ([]byte, error) {
	lib, err := parseLibrary()
	if err != nil {
		return nil, err
	}
	sum, err := libraryChecksum()
	if err != nil {
		return nil, fmt.Errorf("summing the rule library: %w", err)
	}
	s := librarySnapshot{Checksum: sum, Rules: lib.rules}
	for name, set := range lib.sets {
		s.Sets = append(s.Sets, snapshotSet{Name: name, Source: set.source, Words: set.words})
	}
	slices.SortFunc(s.Sets, func(a, b snapshotSet) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		return nil, fmt.Errorf("encoding the rule library: %w", err)
	}
	return buf.Bytes(), nil
}
