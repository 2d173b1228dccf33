//go:build race

package tag

// raceEnabled: the race detector makes sync.Pool drop items at random.
const raceEnabled = true
