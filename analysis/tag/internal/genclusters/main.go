// Command genclusters computes the word clusters whose bit-string prefixes
// the tagger uses as features (the field's remedy for words the labelled
// training data never shows: a word unseen in EWT that was seen in
// unlabelled text gets the cluster of the words that share its contexts).
//
// The clusters are those of a class-bigram model fitted by the exchange
// algorithm (exchange.go), at three sizes: 16, 64 and 256 classes. A
// word's path is its three class numbers in binary, coarsest first, so a
// prefix names a coarser clustering, as with Brown clusters. The
// unlabelled text is the OEWN glosses and examples, the Rust Book's prose
// (-corpus) and the EWT training words (no tags; dev and test stay held
// out), about 1.8M tokens. The markup corpora are left out: they measure
// the rules' false positives, and some are CC BY-SA. Words are
// lower-cased.
//
// Output: one "path<TAB>word" line per word (path as 0/1 characters),
// sorted by word, zstd-compressed; `train -clusters FILE` makes the
// prefixes of 4, 10 and 18 bits features of the word and of its ±1
// neighbours and stores the clusters in the model. It is deterministic.
//
// Measured (issue 14), the same trainer with and without the clusters,
// shuffling seeds 2 and 3, UPOS/PTB: EWT dev 95.37/94.79 → 95.48/94.86,
// test 95.64/95.11 → 95.67/95.12; the model 1.56 → 1.76 MB, tagging
// about 15% slower (BenchmarkTag medians, quiet machine, same run: 1.30
// → 1.11 M tokens/cpu-s; sharing a cluster's neighbour scores among its
// words did not win it back). The clusters' own features of the word
// alone gave nothing (dev 95.37/94.77, test 95.62/95.10); the gain is in
// the neighbours'. Not worth the speed with 1.8M tokens of text, so the
// embedded model has none: half of EWT test's unseen forms (mostly
// names and numbers) are not in this text at all, and on those that are,
// the clusters did not beat suffixes and the lexicon. With the markup
// corpora in the text (2.1M tokens): dev 95.51/94.87, test 95.70/95.13.
// Splitting PPMI context vectors by recursive spherical 2-means instead
// of the exchange algorithm: dev 95.56/94.83 but test 95.56/94.98.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/klauspost/compress/zstd"

	"liaison/analysis/markup"
	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/token"
)

func main() {
	oewn := flag.String("oewn", "", "OEWN YAML folder (glosses and examples)")
	corpus := flag.String("corpus", "", "folder of prose files in any format the markup package reads")
	ewt := flag.String("ewt", "", "CoNLL-U file whose words (not tags) join the text")
	out := flag.String("out", "clusters.tsv.zst", "output file")
	minCount := flag.Int("min", 2, "words seen fewer times are not clustered")
	sizes := flag.String("k", "16,64,256", "the numbers of classes, coarsest first (powers of two)")
	iters := flag.Int("iters", 15, "the most passes of the exchange algorithm")
	flag.Parse()
	var c counter
	c.init()
	if *oewn != "" {
		if err := c.readOEWN(*oewn); err != nil {
			log.Fatal(err)
		}
	}
	if *corpus != "" {
		if err := c.readCorpus(*corpus); err != nil {
			log.Fatal(err)
		}
	}
	if *ewt != "" {
		sentences, err := conllu.ReadFile(*ewt)
		if err != nil {
			log.Fatal(err)
		}
		for _, s := range sentences {
			c.sentence(s.Words)
		}
	}
	fmt.Fprintf(os.Stderr, "%d tokens, %d sentences, %d types\n", c.tokens, c.sentences, len(c.words))
	var ks []int
	for _, f := range strings.Split(*sizes, ",") {
		k, err := strconv.Atoi(f)
		if err != nil || k < 2 || k&(k-1) != 0 {
			log.Fatalf("bad -k %q", *sizes)
		}
		ks = append(ks, k)
	}
	words, paths := cluster(&c, *minCount, ks, *iters)
	if err := write(*out, words, paths); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %d words to %s\n", len(words), *out)
}

// counter gathers the word bigrams of the text.
type counter struct {
	ids       map[string]int32
	words     []string
	counts    []int
	bigrams   map[[2]int32]int32 // (left, right) word ids; boundary is id 0
	tokens    int
	sentences int
	buf       []int32
	tok       token.Tokenizer
	toks      []token.Token
}

const boundary = "<s>"

func (c *counter) init() {
	c.ids = map[string]int32{}
	c.bigrams = map[[2]int32]int32{}
	c.id(boundary)
}

func (c *counter) id(w string) int32 {
	if id, ok := c.ids[w]; ok {
		return id
	}
	id := int32(len(c.words))
	c.ids[w] = id
	c.words = append(c.words, w)
	c.counts = append(c.counts, 0)
	return id
}

// sentence counts one sentence's words, lower-cased.
func (c *counter) sentence(words []string) {
	if len(words) == 0 {
		return
	}
	c.sentences++
	c.buf = append(c.buf[:0], 0)
	for _, w := range words {
		id := c.id(strings.ToLower(w))
		c.counts[id]++
		c.buf = append(c.buf, id)
	}
	c.buf = append(c.buf, 0)
	c.tokens += len(words)
	for i := 1; i < len(c.buf); i++ {
		c.bigrams[[2]int32{c.buf[i-1], c.buf[i]}]++
	}
}

// text counts the sentences of prose text as the tagger's tokenizer cuts them.
func (c *counter) text(s string) {
	c.toks = c.tok.Append(c.toks[:0], s)
	for _, sent := range token.SplitTokens(nil, s, c.toks) {
		words := make([]string, 0, len(sent.Tokens))
		for _, t := range sent.Tokens {
			words = append(words, s[t.Start:t.End])
		}
		c.sentence(words)
	}
}

// readOEWN reads the definitions and examples of the OEWN synset files.
// The YAML is read line by line: only those two keys matter, and they are
// lists of plain or quoted scalars, or of {source, text} maps for quoted
// examples.
func (c *counter) readOEWN(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	for _, f := range files {
		base := filepath.Base(f)
		if !strings.HasPrefix(base, "noun.") && !strings.HasPrefix(base, "verb.") &&
			!strings.HasPrefix(base, "adj.") && !strings.HasPrefix(base, "adv.") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		key := ""
		var cur strings.Builder
		flush := func() {
			if cur.Len() > 0 {
				c.text(unquote(cur.String()))
				cur.Reset()
			}
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "  - "):
				flush()
				key = strings.TrimSuffix(strings.TrimSpace(line), ":")
			case !strings.HasPrefix(line, " "):
				flush()
				key = ""
			case key != "definition" && key != "example":
			case strings.HasPrefix(line, "  - source:"):
				flush()
			case strings.HasPrefix(line, "  - text:"):
				flush()
				cur.WriteString(strings.TrimPrefix(line, "  - text:"))
			case strings.HasPrefix(line, "    text:"):
				flush()
				cur.WriteString(strings.TrimPrefix(line, "    text:"))
			case strings.HasPrefix(line, "  - "):
				flush()
				cur.WriteString(line[4:])
			case strings.HasPrefix(line, "    source:"):
			default: // a continuation line of the current scalar
				if cur.Len() > 0 {
					cur.WriteByte(' ')
					cur.WriteString(strings.TrimSpace(line))
				}
			}
		}
		flush()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
		s = strings.ReplaceAll(s, "''", "'")
		s = strings.ReplaceAll(s, `\"`, `"`)
	}
	return s
}

// readCorpus reads the prose of every file under dir whose format the
// markup package knows.
func (c *counter) readCorpus(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if f, ok := markup.FormatForPath(p); ok && f.Name != "plaintext" {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.Sort(paths)
	for _, p := range paths {
		f, _ := markup.FormatForPath(p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, block := range markup.Extract(f.Name, string(b)) {
			c.text(block.Prose)
		}
	}
	return nil
}

// cluster returns the words seen at least minCount times, sorted, and
// their paths.
func cluster(c *counter, minCount int, ks []int, iters int) ([]string, []string) {
	// Clustered words in order of falling frequency (ties by spelling),
	// so that the result is deterministic.
	order := make([]int32, 0, len(c.words))
	for id := 1; id < len(c.words); id++ {
		if c.counts[id] >= minCount {
			order = append(order, int32(id))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(c.counts[b], c.counts[a]), strings.Compare(c.words[a], c.words[b]))
	})
	paths := exchangePaths(c, order, ks, iters)
	idx := make([]int, len(order))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(c.words[order[a]], c.words[order[b]]) })
	words, sortedPaths := make([]string, len(idx)), make([]string, len(idx))
	for k, i := range idx {
		words[k], sortedPaths[k] = c.words[order[i]], paths[i]
	}
	return words, sortedPaths
}

func write(path string, words, paths []string) error {
	var buf bytes.Buffer
	for i, w := range words {
		if strings.ContainsAny(w, "\t\n") {
			continue
		}
		fmt.Fprintf(&buf, "%s\t%s\n", paths[i], w)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(f, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		f.Close()
		return err
	}
	if _, err := enc.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	if err := enc.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
