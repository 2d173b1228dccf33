package markup

import (
	"strings"
	"testing"
)

// proseOf renders blocks as "kind: prose" lines.
func proseOf(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		sb.WriteString(b.Kind.String() + ": " + b.Prose + "\n")
	}
	return sb.String()
}

func TestParseLaTeX(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"preamble skipped", "\\documentclass{article}\n\\usepackage{x}\n\\title{Not here}\n\\begin{document}\nBody text.\n\\end{document}\nafter\n",
			"paragraph: Body text.\n"},
		{"fragment without preamble", "Just text\nover lines.\n\nNext one.\n",
			"paragraph: Just text over lines.\nparagraph: Next one.\n"},
		{"sectioning", "\\section*[Short]{A \\emph{Long} Title}\\label{s}\nText.\n",
			"heading: A Long Title\nparagraph: Text.\n"},
		{"inline math", "Let $x^2$ be \\(y\\) and $$z$$ here.\n", "paragraph: Let thing be thing and thing here.\n"},
		{"display math", "We have\n\\begin{equation}\na = b\n\n\\end{equation}\nfor all.\n\\[ x \\]\n",
			"paragraph: We have thing for all. thing\n"},
		{"cite and label marks", "Proved by him \\citep{G29}. See \\ref{x}, and \\label{y}.\n",
			"paragraph: Proved by him. See thing, and.\n"},
		{"footnote", "Text\\footnote{A note.} goes on.\n", "paragraph: Text goes on.\nfootnote: A note.\n"},
		{"comments", "One % comment\ntwo%\nthree\n% whole line\nfour\n", "paragraph: One twothree four\n"},
		{"comment then blank line", "One %c\n\nTwo\n", "paragraph: One\nparagraph: Two\n"},
		{"verbatim", "Code:\n\\begin{verbatim}\n{ unbalanced % not a comment\n\n\\end{verbatim}\nafter\n",
			"paragraph: Code:\nparagraph: after\n"},
		{"lstlisting and minted", "\\begin{lstlisting}[language=Go]\nx := 1\n\\end{lstlisting}\n\\begin{minted}{go}\ny\n\\end{minted}\n", ""},
		{"itemize", "\\begin{itemize}\n\\item First one.\n\\item[b)] Second.\n\\end{itemize}\nAfter.\n",
			"list-item: First one.\nlist-item: Second.\nparagraph: After.\n"},
		{"quote", "\\begin{quote}\nSaid so.\n\\end{quote}\n", "quote: Said so.\n"},
		{"tabular", "\\begin{tabular}{|l|c|}\nOne & Two \\\\ \\hline\nThree & Four\n\\end{tabular}\n",
			"table-cell: One\ntable-cell: Two\ntable-cell: Three\ntable-cell: Four\n"},
		{"figure caption", "\\begin{figure}[H]\n\\centering\n\\includegraphics[width=3cm]{a.png}\n\\caption{A picture.}\n\\end{figure}\n",
			"paragraph: A picture.\n"},
		{"accents and quotes", "G\\\"odel and G{\\\"o}del, \\'{e}t\\'e, na\\\"{\\i}ve, \\v{C}ech, ``so''---yes -- no~way.\n",
			"paragraph: Gödel and Gödel, été, naïve, Čech, “so”—yes – no way.\n"},
		{"escapes", "50\\% \\& \\$5 \\#1 a\\_b \\{x\\}\n", "paragraph: 50% & $5 #1 a_b {x}\n"},
		{"href and url", "See \\href{http://x.org}{the site} or \\url{http://y.org}.\n", "paragraph: See the site or thing.\n"},
		{"verb", "Use \\verb|a{b| now and \\texttt{code}.\n", "paragraph: Use thing now and thing.\n"},
		{"unknown macros", "\\olfileid{a}{b}{c}\n\n\\cat{C} is a category, the \\Set one.\n",
			"paragraph: thing is a category, the thing one.\n"},
		{"declarations", "{\\em Emphasis} and \\noindent plain.\n", "paragraph: Emphasis and plain.\n"},
		{"project sectioning", "\\olsection{Kurt G\\\"odel}\nBody.\n", "heading: Kurt Gödel\nparagraph: Body.\n"},
		{"line break", "Roses\\\\\nviolets\\\\[2pt] sugar.\n", "paragraph: Roses violets sugar.\n"},
		{"listing by its language argument", "Code:\n\\begin{snip}{cpp}\nint f(A a) { return i;\n\n}\n\\end{snip}\nAfter \\emph{this}.\n",
			"paragraph: Code:\nparagraph: After this.\n"},
		{"adjacent placeholders are one", "Both \\cat{C}\\cat{D} and $x$$y$ \\ref{a}.\n", "paragraph: Both thing and thing thing.\n"},
		{"lettrine", "\\lettrine[lhang=0.17]{T}{he category} plays.\n", "paragraph: The category plays.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks := checkExtract(t, "latex", tt.src)
			if got := proseOf(blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s\n%s", got, tt.want, describe(tt.src, blocks))
			}
		})
	}
}

func TestParseLaTeXOptions(t *testing.T) {
	src := "A \\newterm{defined term} here.\n\n\\begin{snip}\nf x = x\n\\end{snip}\n"
	if got, want := proseOf(ParseLaTeX(src, nil)), "paragraph: A thing here.\nparagraph: f x = x\n"; got != want {
		t.Errorf("defaults: got\n%s\nwant\n%s", got, want)
	}
	opts := &LaTeXOptions{TextMacros: []string{"newterm"}, SkipEnvironments: []string{"snip"}}
	if got, want := proseOf(ParseLaTeX(src, opts)), "paragraph: A defined term here.\n"; got != want {
		t.Errorf("options: got\n%s\nwant\n%s", got, want)
	}
}
