// Command lspbench measures liaison's language server as an editor sees
// it: it starts `liaison serve` as a subprocess, speaks LSP to it over
// standard input and output, and reports
//
//   - process start → first publishDiagnostics for one chapter (-chapter),
//   - one-character didChange → the publishDiagnostics for that version,
//     with the whole book (-book, its *.md files concatenated in file-name
//     order) open as one Markdown document and debounceMs 0,
//   - hover round trips on that document,
//   - resident memory of the server with the book open (VmRSS, VmHWM).
//
// With -longline it measures instead what issue 12 (items 5 and 6)
// reported: a document of one line of -longline bytes with a finding per
// sentence is opened (time to its diagnostics), typed into 5 times a
// second apart with the default debounce, and closed; it reports the
// server's CPU time from the first keystroke until the server is idle.
//
// Usage:
//
//	go run ./cmd/lspbench [-bin PATH] [-book DIR] [-chapter FILE] [-edits N] [-hovers N] [-starts N]
//	go run ./cmd/lspbench [-bin PATH] -longline BYTES
//	go run ./cmd/lspbench -all [-bin PATH] [-ref PATH] [-peers DIR] [-runs N] [-files N] [-harper] [-lsp-only]
//
// With -all it prints every figure issue 21 asks for, for -bin and, in the
// same run and interleaved, the reference binary -ref: `liaison check` on
// the book (wall and CPU, median of -runs) beside Vale 3.22 and harper.js
// 2.10 installed under -peers by ../shared/bench/peers.sh, start-up on a
// one-line file, peak memory checking -files files; the language server's
// keystroke, hover, code action and start-up latencies (and the server CPU
// of each keystroke, read from schedstat: wall time on a shared machine
// includes waiting for a core); and its memory
// with the book open and after -mem-edits edits and -mem-hovers hovers.
//
// Without -bin it builds ./cmd/liaison into a temporary directory.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
	"liaison/server/lsptest"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench:", err)
		os.Exit(1)
	}
}

type config struct {
	bin, book, chapter, log string
	edits, hovers, starts   int
	longLine                int
	seed                    uint64
}

func run(ctx context.Context, args []string, out io.Writer) error {
	var cfg config
	fs := flag.NewFlagSet("lspbench", flag.ContinueOnError)
	fs.StringVar(&cfg.bin, "bin", "", "liaison binary (default: build ./cmd/liaison)")
	fs.StringVar(&cfg.book, "book", "testdata/rust-book", "directory of Markdown chapters, concatenated in file-name order")
	fs.StringVar(&cfg.chapter, "chapter", "testdata/rust-book/ch04-01-what-is-ownership.md", "one chapter for the start-up measurement")
	fs.IntVar(&cfg.edits, "edits", 300, "one-character edits to time")
	fs.IntVar(&cfg.hovers, "hovers", 2000, "hovers to time")
	fs.IntVar(&cfg.starts, "starts", 10, "process starts to time")
	fs.StringVar(&cfg.log, "log", "", "have the server log at debug level to `FILE`")
	fs.Uint64Var(&cfg.seed, "seed", 1, "random seed for edit and hover positions")
	fs.IntVar(&cfg.longLine, "longline", 0, "measure a one-line document of `BYTES` instead (see the package doc)")
	var rc reportConfig
	all := fs.Bool("all", false, "print every figure of issue 21 (see the package doc)")
	fs.StringVar(&rc.ref, "ref", "", "with -all: a reference liaison binary measured in the same run")
	home, _ := os.UserHomeDir()
	peers := os.Getenv("PEERS_DIR")
	if peers == "" {
		peers = filepath.Join(home, ".cache", "liaison-peers")
	}
	fs.StringVar(&rc.peers, "peers", peers, "with -all: where ../shared/bench/peers.sh installed Vale and harper.js")
	fs.IntVar(&rc.runs, "runs", 10, "with -all: runs of each check measurement (median)")
	fs.IntVar(&rc.files, "files", 10000, "with -all: files for the peak-memory check (0: skip)")
	fs.BoolVar(&rc.harper, "harper", true, "with -all: time harper.js (about a minute)")
	fs.IntVar(&rc.longEdits, "mem-edits", 10000, "with -all: didChange messages of the memory session")
	fs.IntVar(&rc.memHovers, "mem-hovers", 5000, "with -all: hovers of the memory session")
	fs.BoolVar(&rc.lspOnly, "lsp-only", false, "with -all: measure only the language server (sections 2 and 3, a few minutes)")
	fs.IntVar(&rc.memNice, "mem-nice", 10, "with -all: niceness of the server during the memory session, whose times are not reported (0: unchanged)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.bin == "" {
		dir, err := os.MkdirTemp("", "lspbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.bin = filepath.Join(dir, "liaison")
		if b, err := exec.Command("go", "build", "-o", cfg.bin, "./cmd/liaison").CombinedOutput(); err != nil {
			return fmt.Errorf("go build ./cmd/liaison: %w\n%s", err, b)
		}
	}

	if cfg.longLine > 0 {
		return benchLongLine(ctx, cfg, out)
	}
	if *all {
		rc.config = cfg
		return runReport(ctx, rc, out)
	}
	chapter, err := os.ReadFile(cfg.chapter)
	if err != nil {
		return err
	}
	var starts, startCPU []time.Duration
	for range cfg.starts {
		d, cpu, err := startToFirstDiagnostics(ctx, cfg, string(chapter))
		if err != nil {
			return fmt.Errorf("start-up: %w", err)
		}
		starts = append(starts, d)
		startCPU = append(startCPU, cpu)
	}
	// The server's CPU time shows what the start costs apart from other
	// load on the machine (the wall time includes waiting for a core).
	fmt.Fprintf(out, "start → first diagnostics, %s (%d KB), %d runs: p50 %s  max %s; server CPU p50 %s\n",
		filepath.Base(cfg.chapter), len(chapter)/1000, len(starts), pct(starts, 50), pct(starts, 100), pct(startCPU, 50))

	book, err := readBook(cfg.book)
	if err != nil {
		return err
	}
	return benchBook(ctx, cfg, book, out)
}

func readBook(dir string) (string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return "", err
	}
	if len(files) == 0 {
		return "", fmt.Errorf("no *.md files in %s", dir)
	}
	slices.Sort(files)
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		b.Write(data)
	}
	return b.String(), nil
}

// server is a running `liaison serve` and a client connected to it.
type server struct {
	cmd    *exec.Cmd
	client *lsptest.Client
	cancel context.CancelFunc
}

type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

func startServer(ctx context.Context, cfg config) (*server, error) {
	args := []string{"serve", "--stdio", "--log-level", "warn"}
	if cfg.log != "" {
		args = []string{"serve", "--stdio", "--log-level", "debug", "--log-file", cfg.log}
	}
	cmd := exec.Command(cfg.bin, args...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	return &server{cmd: cmd, client: lsptest.New(ctx, pipes{stdout, stdin}), cancel: cancel}, nil
}

func (s *server) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.client.Call(ctx, protocol.MethodShutdown, nil, nil)
	_ = s.client.Notify(ctx, protocol.MethodExit, nil)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		_ = s.cmd.Process.Kill()
		<-done
	}
	s.cancel()
}

func (s *server) initialize(ctx context.Context) error {
	_, err := s.client.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	return err
}

// startToFirstDiagnostics returns the wall time from starting the process
// to the first diagnostics for src, and the CPU time the server used.
func startToFirstDiagnostics(ctx context.Context, cfg config, src string) (wall, cpu time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	t0 := time.Now()
	s, err := startServer(ctx, cfg)
	if err != nil {
		return 0, 0, err
	}
	defer s.stop()
	if err := s.initialize(ctx); err != nil {
		return 0, 0, err
	}
	u := uri.File("/bench/chapter.md")
	if err := s.client.Open(ctx, u, "markdown", 1, src); err != nil {
		return 0, 0, err
	}
	if _, _, err := s.client.WaitVersion(ctx, u, 0, 1); err != nil {
		return 0, 0, err
	}
	return time.Since(t0), cpuTime(s.cmd.Process.Pid), nil
}

func benchBook(ctx context.Context, cfg config, book string, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	s, err := startServer(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.stop()
	if err := s.initialize(ctx); err != nil {
		return err
	}
	u := uri.File("/bench/rust-book.md")
	t0 := time.Now()
	if err := s.client.Open(ctx, u, "markdown", 1, book); err != nil {
		return err
	}
	first, _, err := s.client.WaitVersion(ctx, u, 0, 1)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "book: %d bytes, %d diagnostics; didOpen → diagnostics %s\n", len(book), len(first.Diagnostics), time.Since(t0).Round(time.Millisecond))
	rss, hwm := memory(s.cmd.Process.Pid)
	settle(s.cmd.Process.Pid)
	idle, _ := memory(s.cmd.Process.Pid)
	fmt.Fprintf(out, "memory with the book open: VmRSS %d MB, %d MB once idle;  VmHWM %d MB\n", rss>>10, idle>>10, hwm>>10)

	// One-character edits: type a letter at the end of a random line, then
	// delete it, so the document stays the book.
	cpu0 := cpuTime(s.cmd.Process.Pid)
	rng := rand.New(rand.NewPCG(cfg.seed, 2))
	doc := text.New(book)
	var edits, editCPU []time.Duration
	version := int32(1)
	for i := 0; i < cfg.edits; i++ {
		_, end := doc.LineBounds(rng.IntN(doc.LineCount()))
		pos := doc.Position(end, text.UTF16)
		p := protocol.Position{Line: uint32(pos.Line), Character: uint32(pos.Character)}
		for _, step := range []struct {
			r    protocol.Range
			text string
		}{
			{protocol.Range{Start: p, End: p}, "s"},
			{protocol.Range{Start: p, End: protocol.Position{Line: p.Line, Character: p.Character + 1}}, ""},
		} {
			version++
			n := s.client.DiagnosticsCount()
			c0, cok := schedCPU(s.cmd.Process.Pid)
			t := time.Now()
			if err := s.client.Change(ctx, u, version, &step.r, step.text); err != nil {
				return err
			}
			if _, _, err := s.client.WaitVersion(ctx, u, n, version); err != nil {
				return fmt.Errorf("edit %d: %w", version, err)
			}
			edits = append(edits, time.Since(t))
			if c1, ok := schedCPU(s.cmd.Process.Pid); ok && cok {
				editCPU = append(editCPU, c1-c0)
			}
		}
	}
	fmt.Fprintf(out, "didChange (1 char) → publishDiagnostics, %d edits: p50 %s  p95 %s  p99 %s  max %s; server CPU %s per edit\n",
		len(edits), pct(edits, 50), pct(edits, 95), pct(edits, 99), pct(edits, 100),
		((cpuTime(s.cmd.Process.Pid) - cpu0) / time.Duration(max(1, len(edits)))).Round(10*time.Microsecond))
	if len(editCPU) > 0 {
		fmt.Fprintf(out, "server CPU from didChange to its publishDiagnostics, %d edits: p50 %s  p95 %s  p99 %s  max %s\n",
			len(editCPU), pct(editCPU, 50), pct(editCPU, 95), pct(editCPU, 99), pct(editCPU, 100))
	}

	// A small document with a finding, for hovers that render a rule note.
	note := uri.File("/bench/note.md")
	const noteText = "# Plans\n\nI will liaison with the vendor.\n"
	if err := s.client.Open(ctx, note, "markdown", 1, noteText); err != nil {
		return err
	}
	noteDiags, _, err := s.client.WaitVersion(ctx, note, 0, 1)
	if err != nil {
		return err
	}

	// Hovers: half on diagnostics (a rule note to render), half anywhere.
	var onDiag, anywhere []time.Duration
	for i := 0; i < cfg.hovers; i++ {
		var p protocol.Position
		var bucket *[]time.Duration
		target := u
		if i%2 == 0 && len(noteDiags.Diagnostics) > 0 {
			d := noteDiags.Diagnostics[rng.IntN(len(noteDiags.Diagnostics))]
			p, bucket, target = d.Range.Start, &onDiag, note
		} else {
			line := rng.IntN(doc.LineCount())
			start, end := doc.LineBounds(line)
			pos := doc.Position(start+rng.IntN(end-start+1), text.UTF16)
			p, bucket = protocol.Position{Line: uint32(pos.Line), Character: uint32(pos.Character)}, &anywhere
		}
		t := time.Now()
		var h *protocol.Hover
		err := s.client.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: target}, Position: p}}, &h)
		if err != nil {
			return fmt.Errorf("hover: %w", err)
		}
		if bucket == &onDiag && h == nil {
			return fmt.Errorf("no hover on the diagnostic at %+v", p)
		}
		*bucket = append(*bucket, time.Since(t))
	}
	all := append(slices.Clone(onDiag), anywhere...)
	fmt.Fprintf(out, "hover, %d requests: p50 %s  p99 %s  max %s (on a diagnostic, rule note rendered: p99 %s over %d; anywhere in the book: p99 %s over %d)\n",
		len(all), pct(all, 50), pct(all, 99), pct(all, 100), pct(onDiag, 99), len(onDiag), pct(anywhere, 99), len(anywhere))
	rss, _ = memory(s.cmd.Process.Pid)
	settle(s.cmd.Process.Pid)
	idle, hwm = memory(s.cmd.Process.Pid)
	fmt.Fprintf(out, "memory after the edits and hovers: VmRSS %d MB, %d MB once idle;  VmHWM %d MB\n", rss>>10, idle>>10, hwm>>10)
	return nil
}

// benchLongLine opens a document of one line of cfg.longLine bytes, a
// finding in every sentence, types 5 characters into it a second apart
// (the default debounce, as an editor would), closes it, and reports the
// server's CPU time from the first keystroke until it is idle (no CPU
// used for a second), at most two minutes.
func benchLongLine(ctx context.Context, cfg config, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	s, err := startServer(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.stop()
	if _, err := s.client.Initialize(ctx, protocol.ClientCapabilities{}, nil); err != nil {
		return err
	}
	const sentence = "We had alot of fun with the committee today. "
	src := strings.Repeat(sentence, max(1, cfg.longLine/len(sentence)))
	u := uri.File("/bench/long-line.md")
	t0 := time.Now()
	if err := s.client.Open(ctx, u, "markdown", 1, src); err != nil {
		return err
	}
	first, _, err := s.client.WaitVersion(ctx, u, 0, 1)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "one line of %d bytes: didOpen → %d diagnostics %s\n", len(src), len(first.Diagnostics), time.Since(t0).Round(time.Millisecond))
	pid := s.cmd.Process.Pid
	cpu0 := cpuTime(pid)
	t1 := time.Now()
	for i := range 5 {
		at := protocol.Position{Line: 0, Character: uint32(i * len(src) / 4)}
		if err := s.client.Change(ctx, u, int32(i+2), &protocol.Range{Start: at, End: at}, "x"); err != nil {
			return err
		}
		time.Sleep(time.Second)
	}
	if err := s.client.Notify(ctx, protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		return err
	}
	closed := time.Now()
	cpuClose := cpuTime(pid)
	last, idleSince := cpuClose, time.Now()
	for time.Since(idleSince) < time.Second && time.Since(closed) < 2*time.Minute {
		time.Sleep(100 * time.Millisecond)
		if c := cpuTime(pid); c != last {
			last, idleSince = c, time.Now()
		}
	}
	fmt.Fprintf(out, "5 keystrokes a second apart, then close: server CPU %s (%s while typing, %s after the close); idle %s after the close (%s after the first keystroke)\n",
		(last - cpu0).Round(10*time.Millisecond), (cpuClose - cpu0).Round(10*time.Millisecond), (last - cpuClose).Round(10*time.Millisecond),
		idleSince.Sub(closed).Round(100*time.Millisecond), idleSince.Sub(t1).Round(100*time.Millisecond))
	return nil
}

// pct is the p-th percentile of ds (nearest rank), rounded for display.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.SortFunc(s, cmp.Compare)
	i := (p*len(s)+99)/100 - 1
	i = max(0, min(i, len(s)-1))
	return s[i].Round(10 * time.Microsecond)
}

// cpuTime returns the user and system CPU time pid has used.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces) start at ") ".
	_, rest, _ := strings.Cut(string(data), ") ")
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ is 100 on Linux
}

// schedCPU returns the CPU time pid's threads have used, in nanoseconds
// (the first field of each thread's /proc schedstat), so that one
// keystroke's share can be read: /proc/PID/stat counts in 10 ms ticks. On a
// machine shared with other work a keystroke's wall time includes waiting
// for a core; its CPU time does not. ok is false where schedstat cannot be
// read (not Linux, no schedstats).
func schedCPU(pid int) (d time.Duration, ok bool) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(tasks) == 0 {
		return 0, false
	}
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err != nil {
			continue // a thread that exited meanwhile
		}
		f := strings.Fields(string(data))
		if len(f) == 0 {
			return 0, false
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, false
		}
		d += time.Duration(ns)
	}
	return d, true
}

// memory returns VmRSS and VmHWM of pid in KB.
func memory(pid int) (rss, hwm int) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		switch k {
		case "VmRSS":
			rss = n
		case "VmHWM":
			hwm = n
		}
	}
	return rss, hwm
}
