package code

import (
	"strings"
	"testing"
)

// proseOf returns the prose of every block of src, in order.
func proseOf(t *testing.T, lang, src string) []string {
	t.Helper()
	l, ok := Lookup(lang)
	if !ok {
		t.Fatalf("no language %q", lang)
	}
	var out []string
	for _, b := range l.Extract(src) {
		out = append(out, prose(src, b))
	}
	return out
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name, lang, src string
		want            []string
	}{
		// Strings are never comments.
		{"go string", "go", "x := \"// not a comment\" // a real one\n", []string{"a real one"}},
		{"go raw string", "go", "x := `\n// not a comment\n/* nor this */`\n// Real text here.\n", []string{"Real text here."}},
		{"go rune", "go", "c := '\"' // quote mark here\ns := \"/*\"\n", []string{"quote mark here"}},
		{"rust raw string", "rust", "let s = r#\"a \"// no\" /* no */\"#; // yes it is\n", []string{"yes it is"}},
		{"rust lifetime", "rust", "fn f<'a>(x: &'a str) {} // takes a str\n", []string{"takes a str"}},
		{"rust nested block", "rust", "/* outer /* inner */ still outer text */ fn f() {}\n", []string{"outer inner still outer text"}},
		{"rust doc", "rust", "//! Crate docs here.\n\n/// Returns the `len` of it.\n///\n/// ```\n/// let x = 1; // not prose\n/// ```\nfn f() {}\n", []string{"Crate docs here.", "Returns the thing of it."}},
		{"swift nested", "swift", "/* a /* b */ c d */\nlet s = #\"// no\"#\n", []string{"a b c d"}},
		{"kotlin nested", "kotlin", "/* one /* two */ three four */ val x = \"/* no\"\n", []string{"one two three four"}},
		{"c not nested", "c", "/* one /* two */ int x; // three four\n", []string{"one two", "three four"}},
		{"kotlin triple", "kotlin", "val s = \"\"\"\n// no\n\"\"\" // yes here\n", []string{"yes here"}},
		{"java text block", "java", "String s = \"\"\"\n  /* no */\n  \"\"\";\n/** Javadoc {@code x} here. */\n", []string{"Javadoc thing here."}},
		{"cpp raw", "cpp", "auto s = R\"x(// no )\" still)x\"; // yes then\nint n = 1'000; // digits sep\n", []string{"yes then", "digits sep"}},
		{"csharp verbatim", "csharp", "var s = @\"C:\\\"\" // no\"; // yes now\n", []string{"yes now"}},
		{"js template", "javascript", "const s = `// no ${ a /* inner words */ + `${b}` } /* no */`; // yes after\n", []string{"inner words", "yes after"}},
		{"js regex", "javascript", "const re = /\\/\\/ no/g; // yes regex\nconst d = a / b / c; // div here\n", []string{"yes regex", "div here"}},
		{"ts", "typescript", "let x: string = '// no'; // yes single\n", []string{"yes single"}},
		{"php", "php", "<?php\n$s = <<<EOT\n# no\n// no\nEOT;\n# hash works\n#[Attr]\n// slash works\n", []string{"hash works", "slash works"}},
		{"python docstring vs string", "python", "def f():\n    \"\"\"The docstring is prose.\"\"\"\n    x = \"\"\"# not a comment\"\"\"\n    # a comment\n    return f(\"\"\"no\"\"\")\n", []string{"The docstring is prose.", "a comment"}},
		{"python raw and bytes", "python", "x = r'# no'\nb'''a byte string'''\n'''An attribute docstring.'''\n", []string{"An attribute docstring."}},
		{"python brackets", "python", "f(\n    'not a docstring',\n)\n", nil},
		{"shell", "shellscript", "#!/bin/sh\necho \"# no\" '# no' ${#x} $# x#y # yes it is\n", []string{"yes it is"}},
		{"shell heredoc", "shellscript", "cat <<-'EOF'\n\t# no\n\tEOF\n# after the doc\n", []string{"after the doc"}},
		{"shell subst", "shellscript", "x=\"$(echo \"a\" # inside subst\n)\"\n", []string{"inside subst"}},
		{"ruby", "ruby", "s = \"#{x} # no\" # yes ruby\n=begin\nBlock comment text.\n=end\nq = %q(# no)\n", []string{"yes ruby", "Block comment text."}},
		{"ruby heredoc", "ruby", "x = <<~EOS\n  # no\n  EOS\n# after it\n", []string{"after it"}},
		{"lua", "lua", "local s = \"-- no\" -- yes lua\n--[==[ block\ncomment here ]==]\nlocal t = [[-- no]]\n", []string{"yes lua", "block comment here"}},
		{"yaml", "yaml", "a: 'it''s # no' # yes yaml\nb: |\n  # no\n  text\n# top level\nc: don't # plain scalar\n", []string{"yes yaml", "top level", "plain scalar"}},
		{"toml", "toml", "a = \"# no\" # yes toml\nb = '''\n# no\n'''\n", []string{"yes toml"}},

		// Markers, gutters and paragraphs.
		{"gutter", "java", "/**\n * First line of it.\n * Second line.\n *\n * Next paragraph here.\n */\n", []string{"First line of it. Second line.", "Next paragraph here."}},
		{"line group", "go", "// One comment\n// on two lines.\nvar x int\n\n// Another one here.\n", []string{"One comment on two lines.", "Another one here."}},
		{"trailing apart", "c", "int a; // first one\nint b; // second one\n", []string{"first one", "second one"}},
		{"lists", "go", "// Items are:\n//   - first item\n//   - second item\n", []string{"Items are:", "first item", "second item"}},
		{"heading", "rust", "/// # Examples\n///\n/// Some text here.\n", []string{"Examples", "Some text here."}},

		// Not prose.
		{"licence", "go", "// Copyright 2024 The Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\n// Package x does it.\npackage x\n", []string{"Package x does it."}},
		{"asf header", "java", "/*\n * Licensed to the Apache Software Foundation (ASF) under one or more\n * contributor agreements.\n */\n/** The class. */\n", []string{"The class."}},
		{"mit header", "javascript", "/*!\n * Permission is hereby granted, free of charge, to any person\n */\n// Real text here.\n", []string{"Real text here."}},
		{"spdx", "c", "// SPDX-License-Identifier: MIT\n/* The real comment. */\n", []string{"The real comment."}},
		{"directives", "go", "//go:build linux\n//nolint:errcheck\n// liaison-disable-next-line alot\nfunc f() {}\n", nil},
		{"commented code", "go", "// x := f(y)\n// if err != nil {\n// \treturn err\n// }\n", nil},
		{"go code block", "go", "// Use it so:\n//\n//\tx := f()\n//\tg(x)\n//\n// Then go on.\n", []string{"Use it so:", "Then go on."}},
		{"javadoc tags", "java", "/**\n * Does it.\n *\n * @param name the name to use\n * @return the result of it\n * @throws IOException when it fails\n * @since 3.0\n */\n", []string{"Does it.", "the name to use", "the result of it", "when it fails"}},
		{"jsdoc types", "javascript", "/**\n * Sets it.\n * @param {string} [name=x] - the name of it\n * @api private\n */\n", []string{"Sets it.", "the name of it"}},
		{"pre", "java", "/**\n * Like this:\n * <pre>\n * int x = 1;\n * </pre>\n * <p>More text here.</p>\n */\n", []string{"Like this:", "More text here."}},
		{"rest", "python", "def f():\n    \"\"\"Summary line here.\n\n    For example::\n\n        f(1)\n\n    >>> f(2)\n    3\n\n    :param x: the value of it\n    :type x: int\n    :returns: the answer to it\n\n    .. versionadded:: 2.0\n    \"\"\"\n", []string{"Summary line here.", "For example:", "the value of it", "the answer to it"}},

		// Identifiers become the placeholder.
		{"identifiers", "go", "// ParseFile returns the ast.File of a file_name from os.Open, or calls f(x, y) with utf8 text from $HOME and --force at https://x.org/y.\n",
			[]string{"thing returns the thing of a thing from thing, or calls thing with thing text from thing and thing at thing."}},
		{"words stay", "go", "// The URLs and APIs, e.g. the I/O of it, are fine.\n", []string{"The URLs and APIs, e.g. the I/O of it, are fine."}},
		{"links", "rust", "/// See [the docs](https://x.org) and [`Regex`] or [Foo].\n", []string{"See the docs and thing or thing."}},
		{"html", "java", "/** A <em>big</em> &amp; <code>x()</code> thing, {@link Foo the label}. */\n", []string{"A big & thing thing, the label."}},
		{"call in brackets", "go", "// the pair (obj, TypeOf(fact)), and f(\"x\") or key=\"\" too.\n", []string{"the pair (obj, thing), and thing or thing too."}},
		{"link label", "java", "/** Use {@link Foo#sub(String, String) Before} or {@link Foo#m(int)}/{@link Foo#n() After} now. */\n", []string{"Use Before or thing/After now."}},
		{"role", "python", "def f():\n    \"\"\"Use :func:`check` and ``x`` now.\"\"\"\n", []string{"Use thing and thing now."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseOf(t, tc.lang, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("prose of %q:\n got  %q\n want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestExtractMore(t *testing.T) {
	for _, tc := range []struct {
		name, lang, src string
		want            []string
	}{
		{"fence in block doc", "rust", "/*!\nText here.\n\n```\n# let x = 1; // hidden\nfoo(x)\n```\n\nMore text.\n*/\n", []string{"Text here.", "More text."}},
		{"lua gutter", "c", "/*\n** Objects may have one of\n** three colors.\n*/\n", []string{"Objects may have one of three colors."}},
		{"shell code line", "shellscript", "# It can't be detected\n# if [ -n \"$X\" ]; then return 0; fi\n", []string{"It can't be detected"}},
		{"js import", "typescript", "// Imported by:\n//\n// import { a } from \"./b\"\n", []string{"Imported by:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseOf(t, tc.lang, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("prose of %q:\n got  %q\n want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestExtractSentencesStay(t *testing.T) {
	src := "/**\n * It can switch into state <em>open</em>; then access to it\n * is prohibited.\n */\n"
	want := "It can switch into state open; then access to it is prohibited."
	if got := proseOf(t, "java", src); len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExtractLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, lang, src string
		want            []string
	}{
		{"csharp xml doc", "csharp", "/// <summary>\n/// Gets the <see cref=\"Foo\"/> of a <c>bar</c> value.\n/// </summary>\n/// <param name=\"x\">The input value.</param>\n", []string{"Gets the thing of a thing value.", "The input value."}},
		{"doxygen after", "cpp", "int x; ///< The count of items.\nint y; /**< The other one here. */\n", []string{"The count of items.", "The other one here."}},
		{"sphinx attribute", "python", "#: The number of retries.\nretries = 3\n", []string{"The number of retries."}},
		{"yaml settings", "yaml", "# Set the level of logging.\n# level: debug\n# - name: x\nlevel: info\n# Note: keep it short.\n", []string{"Set the level of logging.", "Note: keep it short."}},
		{"toml settings", "toml", "# Where the cache is kept.\n# cache = \"/tmp\"\n# [server]\n", []string{"Where the cache is kept."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseOf(t, tc.lang, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("prose of %q:\n got  %q\n want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestDirectiveComments(t *testing.T) {
	for _, tc := range []struct{ lang, src, want string }{
		{"python", "def f():\n    \"\"\"Doc.\n\n    # liaison-disable-next-line a-an\n    A apple.\n    \"\"\"\n# liaison-disable b\n", " liaison-disable-next-line a-an| liaison-disable b"},
		{"java", "/**\n * Doc.\n * // liaison-disable-next-line a-an\n * A apple.\n */\n", "*\n * Doc.\n * // liaison-disable-next-line a-an\n * A apple.\n | liaison-disable-next-line a-an"},
		{"java", "/**\n * Doc.\n// liaison-disable-next-line a-an\n * A apple.\n */\n", "*\n * Doc.\n// liaison-disable-next-line a-an\n * A apple.\n | liaison-disable-next-line a-an"},
	} {
		l, _ := Lookup(tc.lang)
		var got []string
		for _, c := range l.DirectiveComments(tc.src) {
			got = append(got, tc.src[c.TextStart:c.TextEnd])
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, strings.Join(got, "|"), tc.want)
		}
		if p := proseOf(t, tc.lang, tc.src); strings.Contains(strings.Join(p, "|"), "liaison") || strings.Contains(strings.Join(p, "|"), "*") {
			t.Errorf("%s: a directive or a gutter read as prose: %q", tc.lang, p)
		}
	}
}
