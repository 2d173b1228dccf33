package spell

import (
	"fmt"
	"strings"

	"liaison/analysis/spell/internal/wordfile"
)

// Dialect names an English spelling standard by its BCP 47 id.
type Dialect string

// The dialects the word list knows. The zero Dialect ("") is en-US.
const (
	EnUS       Dialect = "en-US"
	EnGB       Dialect = "en-GB"
	EnGBOxford Dialect = "en-GB-oxendict"
	EnCA       Dialect = "en-CA"
	EnAU       Dialect = "en-AU"
)

// Dialects returns every dialect the package knows, en-US first, in the
// order of the word list's dialect bits.
func Dialects() []Dialect { return []Dialect{EnUS, EnGB, EnGBOxford, EnCA, EnAU} }

// ParseDialect reads a dialect id case-insensitively, with '-' or '_'
// between its parts; "oxford" is en-GB-oxendict and "" is en-US.
func ParseDialect(s string) (Dialect, error) {
	k := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
	switch k {
	case "", "en-us", "en", "us", "american":
		return EnUS, nil
	case "en-gb", "gb", "uk", "en-uk", "british":
		return EnGB, nil
	case "en-gb-oxendict", "en-gb-oed", "oxford", "oxendict", "en-oxendict":
		return EnGBOxford, nil
	case "en-ca", "ca", "canadian":
		return EnCA, nil
	case "en-au", "au", "australian":
		return EnAU, nil
	}
	return "", fmt.Errorf("unknown dialect %q: valid dialects are en-US, en-GB, en-GB-oxendict (oxford), en-CA, en-AU", s)
}

// bit is d's bit in the word list's dialect set; the zero Dialect and any
// id ParseDialect would not return are en-US.
func (d Dialect) bit() uint8 {
	switch d {
	case EnGB:
		return wordfile.GB
	case EnGBOxford:
		return wordfile.GBOxford
	case EnCA:
		return wordfile.CA
	case EnAU:
		return wordfile.AU
	}
	return wordfile.US
}

// dialectOfBit is the Dialect of one dialect bit.
func dialectOfBit(b uint8) Dialect {
	for _, d := range Dialects() {
		if d.bit() == b {
			return d
		}
	}
	return EnUS
}
