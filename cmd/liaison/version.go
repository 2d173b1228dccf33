package main

import (
	"context"
	"fmt"
	"io"
)

const version = "0.1.0-dev"

const attribution = `liaison embeds data derived from:
  UD English-EWT (part-of-speech tagger model, lemma preferences and some
    irregular forms in the lexicon), CC BY-SA 4.0,
    Universal Dependencies, https://universaldependencies.org/treebanks/en_ewt/
  Open English WordNet 2025 (dictionary and lexicon), CC BY 4.0,
    The Open English WordNet Team, https://en-word.net/
  Princeton WordNet 3.0/3.1 (the data underlying Open English WordNet, and
    the morphological exception lists), WordNet licence,
    Copyright 2006, 2011 Princeton University.
  SCOWL 2020.12.07 (spelling word list), Copyright 2000-2011 Kevin Atkinson
    and the authors in its COPYRIGHT, http://wordlist.aspell.net/
See NOTICE for the full notices.`

func runVersion(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "liaison %s\n\n%s\n", version, attribution)
	return 0
}
