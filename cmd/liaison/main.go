// Command liaison is a language server and command-line checker for
// English prose: usage rules that understand grammar, dictionary
// definitions on hover, and quick-fixes.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// command is one subcommand of the liaison binary.
type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"check", "check [--format F] [--fix|--diff] [--changed-since REF] PATH… report usage problems (check --help: every flag)", runCheck},
		{"rules", "rules [--format text|json] | rules test FILE…      list the usage rules, or test custom rule files", runRules},
		{"explain", "explain [--format text|json] [--rules FILE] TEXT…|- show how the rules read a text, and which patterns match", runExplain},
		{"define", "define [--format text|markdown|json] WORD…        print dictionary entries", runDefine},
		{"compare", "compare [--format markdown|json] WORD [WORD…]     compare words writers confuse (liaise vs liaison)", runCompare},
		{"serve", "serve [--stdio] [--log-file FILE] [--log-level L]  run the language server on stdio", runServe},
		{"version", "version                                           print the version and data attributions", runVersion},
	}
}

func main() {
	stop := startProfile(os.Getenv("LIAISON_CPUPROFILE"))
	code := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the run to path when it is not
// empty (the LIAISON_CPUPROFILE environment variable: a developer's tool
// for the speed work, not a flag of any command), and returns what stops
// it. A profile that cannot start is reported and skipped.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "liaison: cpu profile: %v\n", err)
		if f != nil {
			f.Close()
		}
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "liaison: cpu profile: %v\n", err)
		}
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "liaison: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: liaison COMMAND [ARGS]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintln(w, "  liaison "+c.usage)
	}
}
