package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"liaison/server"
)

// serveMemoryLimit is the soft memory limit of `liaison serve`.
const serveMemoryLimit = 104 << 20

// runServe runs the language server on standard input and output until
// the client sends exit or standard input closes.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "speak LSP on standard input and output (the only transport; accepted for editors that pass it)")
	fs.Int("clientProcessId", 0, "the editor's process id (VS Code passes it; unused: the server ends when standard input closes)")
	logFile := fs.String("log-file", "", "write the log to `FILE` instead of standard error")
	logLevel := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "liaison serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	level, err := zapcore.ParseLevel(*logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: --log-level: %v\n", err)
		return 2
	}
	logSink := zapcore.AddSync(stderr)
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "liaison serve: %v\n", err)
			return 2
		}
		defer f.Close()
		logSink = zapcore.AddSync(f)
	}
	encoderConfig := zap.NewProductionEncoderConfig()
	encoderConfig.EncodeTime = zapcore.ISO8601TimeEncoder
	logger := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(encoderConfig), zapcore.Lock(logSink), level))
	defer logger.Sync() //nolint:errcheck // best effort

	// The protocol owns standard output: move os.Stdout aside so a stray
	// print can never corrupt the stream.
	if f, ok := stdout.(*os.File); ok && f == os.Stdout {
		os.Stdout = os.Stderr
		defer func() { os.Stdout = f }()
	}
	// The tagger model and the open documents' analyses are the live heap
	// (about 60 MB with the whole Rust Book open; a keystroke in it makes
	// about 3.5 MB of garbage). A soft limit keeps the garbage collector
	// from letting the heap double before collecting. GOMEMLIMIT, when
	// set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	logger.Info("liaison serve", zap.String("version", server.Version), zap.Int("pid", os.Getpid()))
	srv := server.New(server.Options{Logger: logger, Hovers: server.DefaultHovers()})
	return srv.Serve(ctx, stdio{Reader: stdin, Writer: stdout})
}

// stdio joins standard input and output into one stream. Close closes
// neither: the process ends right after.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
