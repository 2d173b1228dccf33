package project

import (
	"reflect"
	"strings"
	"testing"

	"liaison/analysis/markup"
)

func TestParseLaTeXSection(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		want       *markup.Options
		err        string
	}{
		{"none", "rules: {}\n", nil, ""},
		{"empty", "latex: {}\n", nil, ""},
		{"both", "latex:\n  text-macros: [newterm, '\\define']\n  skip-environments: [snip, 'code*']\n",
			&markup.Options{LaTeX: markup.LaTeXOptions{TextMacros: []string{"newterm", "define"}, SkipEnvironments: []string{"snip", "code*"}}}, ""},
		{"bad name", "latex:\n  text-macros: [\"new term\"]\n", nil, `"new term" is not a LaTeX name`},
		{"unknown field", "latex:\n  macros: [x]\n", nil, `unknown field "macros"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("c.yaml", []byte(tt.yaml))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg.Markup, tt.want) {
				t.Errorf("got %+v, want %+v", cfg.Markup, tt.want)
			}
		})
	}
}
