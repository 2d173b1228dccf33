//go:build !race

package tag

const raceEnabled = false
