package morph

//go:generate go run ./internal/genlexicon -oewn ../../../shared/data/oewn-2025/yaml -exc ../../../shared/data/wordnet-3.0-exc -ewt ../../../shared/data/ud-english-ewt/en_ewt-ud-train.conllu -out lexicon.bin
