package spell

import "testing"

func TestShapeOf(t *testing.T) {
	for _, tc := range []struct {
		tok  string
		want Shape
	}{
		{"word", ShapeWord},
		{"don't", ShapeWord},
		{"well-known", ShapeWord},
		{"Paris", ShapeWord},
		{"iPhone", ShapeIdentifier}, // the caller decides whether a known name
		{"camelCase", ShapeIdentifier},
		{"HashMap", ShapeIdentifier},
		{"snake_case", ShapeIdentifier},
		{"_private", ShapeIdentifier},
		{"fmt.Println", ShapeIdentifier},
		{"config.yaml", ShapeIdentifier},
		{"e.g.", ShapeWord},
		{"U.S.", ShapeWord},
		{"std::io", ShapeIdentifier},
		{"utf8", ShapeIdentifier},
		{"x86-64", ShapeIdentifier},
		{"base64", ShapeIdentifier},
		{"v1", ShapeVersion},
		{"v1.2", ShapeVersion},
		{"1.2.3", ShapeVersion},
		{"2.0-rc1", ShapeVersion},
		{"1.x", ShapeVersion},
		{"3.5", ShapeNumber},
		{"42", ShapeNumber},
		{"1,000", ShapeNumber},
		{"10ms", ShapeNumber},
		{"5GB", ShapeNumber},
		{"1080p", ShapeNumber},
		{"100%", ShapeNumber},
		{"2nd", ShapeNumber},
		{"1990s", ShapeNumber},
		{"64-bit", ShapeNumber},
		{"API", ShapeInitialism},
		{"APIs", ShapeInitialism},
		{"URL's", ShapeInitialism},
		{"HTTP2", ShapeInitialism},
		{"W3C", ShapeInitialism},
		{"NASA", ShapeInitialism},
		{"ABCDEF", ShapeWord}, // six capitals: a shouted word, for Known
		{"A", ShapeWord},
		{"", ShapeWord},
	} {
		if got := ShapeOf(tc.tok); got != tc.want {
			t.Errorf("ShapeOf(%q) = %s, want %s", tc.tok, got, tc.want)
		}
	}
}
