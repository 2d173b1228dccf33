package spell

//go:generate go run ./internal/genwords -scowl ../../../shared/data/scowl-2020.12.07 -oewn ../../../shared/data/oewn-2025/yaml -out words.bin.zst
