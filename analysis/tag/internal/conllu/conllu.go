package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence's word tokens with their gold tags, index-aligned.
type Sentence struct {
	Words []string
	UPOS  []string
	XPOS  []string
}

// Read parses CoNLL-U text from r.
func Read(r io.Reader) ([]Sentence, error) {
	var (
		sentences []Sentence
		current   Sentence
		lineNo    int
	)
	flush := func() {
		if len(current.Words) > 0 {
			sentences = append(sentences, current)
		}
		current = Sentence{}
	}
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for scanner.Scan() {
		lineNo++
		line := strings.TrimRight(scanner.Text(), "\r")
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d fields, want 10", lineNo, len(fields))
		}
		if strings.ContainsAny(fields[0], "-.") {
			continue // multiword token range or empty node
		}
		current.Words = append(current.Words, fields[1])
		current.UPOS = append(current.UPOS, fields[3])
		current.XPOS = append(current.XPOS, fields[4])
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", lineNo, err)
	}
	flush()
	return sentences, nil
}

// ReadFile parses the CoNLL-U file at path.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	sentences, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sentences, nil
}
