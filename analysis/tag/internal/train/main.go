// Command train trains the part-of-speech tagger's averaged perceptron on
// UD English-EWT and writes the compressed model that package tag embeds.
// It is run by `go generate` in analysis/tag; training is deterministic.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"liaison/analysis/tag/internal/conllu"
)

func main() {
	trainPath := flag.String("train", "", "CoNLL-U training file")
	devPath := flag.String("dev", "", "CoNLL-U development file (evaluated after training)")
	outPath := flag.String("out", "model.bin.zst", "output model file")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	flag.Parse()
	if err := run(*trainPath, *devPath, *outPath, *epochs, *seed); err != nil {
		log.Fatal(err)
	}
}

func run(trainPath, devPath, outPath string, epochs int, seed uint64) error {
	start := time.Now()
	trainSet, err := conllu.ReadFile(trainPath)
	if err != nil {
		return err
	}
	cfg := config{epochs: epochs, seed: seed, lexicon: defaultLexicon()}
	m, err := train(trainSet, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained on %d sentences in %v: %d features, %d labels\n",
		len(trainSet), time.Since(start).Round(time.Millisecond), len(m.Weights), len(m.Labels))
	if devPath != "" {
		devSet, err := conllu.ReadFile(devPath)
		if err != nil {
			return err
		}
		upos, ptb := evaluate(m, devSet, cfg.lexicon)
		fmt.Fprintf(os.Stderr, "dev: UPOS %.2f%%  PTB %.2f%%\n", upos, ptb)
	}
	f, err := os.Create(outPath)
	if err != nil {
		return err
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := os.Stat(outPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", outPath, st.Size())
	return nil
}
