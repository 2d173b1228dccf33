package spell

import (
	"fmt"
	"strings"
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

// Dialects lists every dialect, en-US first.
var dialects = [...]Dialect{EnUS, EnGB, EnGBOxford, EnCA, EnAU}

// Dialects returns every dialect the package knows, en-US first.
func Dialects() []Dialect { return append([]Dialect(nil), dialects[:]...) }

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

// norm maps the zero Dialect to en-US.
func (d Dialect) norm() Dialect {
	if d == "" {
		return EnUS
	}
	return d
}
