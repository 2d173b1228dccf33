package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
)

// The -all report: every figure of issue 21 for the binary under test and,
// measured in the same run and interleaved, a reference binary (-ref) and
// the peers (Vale and harper.js, as ../shared/bench/peers.sh installs
// them under -peers).

// reportConfig is what -all measures with.
type reportConfig struct {
	config
	ref       string // reference binary ("": none)
	peers     string // directory peers.sh installed Vale and harper.js into
	runs      int    // runs of each check measurement (median)
	files     int    // files for the many-files check (0: skip)
	harper    bool   // time harper.js (tens of seconds)
	longEdits int    // didChange messages of the memory session
	memHovers int    // hovers of the memory session
	memNice   int    // niceness of the server during the memory session (0: unchanged)
	lspOnly   bool   // measure only the language server (sections 2 and 3)
}

// procStats are one process run's figures, from wait4's rusage.
type procStats struct {
	wall, cpu time.Duration
	maxRSS    int64 // KB
}

// runProc runs name with args in dir and returns its figures; the exit
// status is ignored (a checker exits 1 when it finds something).
func runProc(ctx context.Context, dir, name string, args ...string) (procStats, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	if cmd.ProcessState == nil {
		return procStats{}, fmt.Errorf("%s: %w", name, err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	st := procStats{wall: wall}
	if ru != nil {
		st.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		st.maxRSS = ru.Maxrss
	}
	return st, nil
}

// series are the runs of one measurement.
type series []procStats

func (s series) median(f func(procStats) time.Duration) time.Duration {
	ds := make([]time.Duration, len(s))
	for i, p := range s {
		ds[i] = f(p)
	}
	return pct(ds, 50)
}

func (s series) wall() time.Duration {
	return s.median(func(p procStats) time.Duration { return p.wall })
}
func (s series) cpu() time.Duration {
	return s.median(func(p procStats) time.Duration { return p.cpu })
}
func (s series) peakMB() int64 {
	var m int64
	for _, p := range s {
		m = max(m, p.maxRSS)
	}
	return m >> 10
}

// contender is one program whose check is timed: its name and how to run
// it on files.
type contender struct {
	name string
	dir  string
	argv func(files []string) []string
}

func liaisonCheck(bin string) func([]string) []string {
	return func(files []string) []string { return append([]string{bin, "check"}, files...) }
}

// interleave runs each contender n times, in turns, so that load on the
// machine falls on all of them alike.
func interleave(ctx context.Context, cs []contender, files []string, n int) ([]series, error) {
	out := make([]series, len(cs))
	for range n {
		for i, c := range cs {
			argv := c.argv(files)
			st, err := runProc(ctx, c.dir, argv[0], argv[1:]...)
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], st)
		}
	}
	return out, nil
}

// sessionFigures are the language server's figures in one session.
type sessionFigures struct {
	start, startCPU            time.Duration // start → first diagnostics of the chapter (median)
	keyP50, keyP95, keyP99     time.Duration
	keyCPU                     time.Duration // server CPU per didChange
	keyCPU95, keyCPU99         time.Duration // of the server CPU of each didChange (schedCPU; 0: not read)
	hoverP99, actionP99        time.Duration
	rssOpen, rssHalf, rssAfter int // KB, the server idle: book open; half-way through and after the memory session
	rssOpenNow, rssAfterNow    int // KB, at the last message (before the pause)
	hwm                        int // KB, peak resident size of the session
	memEdits, memHovers        int
}

func runReport(ctx context.Context, rc reportConfig, out io.Writer) error {
	book, err := readBook(rc.book)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(rc.book, "*.md"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no *.md files in %s", rc.book)
	}
	slices.Sort(files)
	tmp, err := os.MkdirTemp("", "liaison-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	abs := make([]string, len(files))
	for i, f := range files {
		if abs[i], err = filepath.Abs(f); err != nil {
			return err
		}
	}

	bins := []string{rc.bin}
	names := []string{"liaison"}
	if rc.ref != "" {
		bins, names = append(bins, rc.ref), append(names, "reference")
	}
	fmt.Fprintf(out, "liaison benchmark, %s, %s, %d cores, load %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), runtime.NumCPU(), loadAvg())
	fmt.Fprintf(out, "text: %s, %d files, %d bytes, %d words\n", rc.book, len(files), len(book), len(strings.Fields(book)))
	for i, b := range bins {
		fmt.Fprintf(out, "%-9s = %s\n", names[i], b)
	}

	if !rc.lspOnly {
		if err := checkReport(ctx, rc, out, bins, names, abs, book, tmp); err != nil {
			return err
		}
	}

	// 2 and 3. The language server, each binary in turn.
	chapter, err := os.ReadFile(rc.chapter)
	if err != nil {
		return err
	}
	return serverReport(ctx, rc, out, bins, names, string(chapter), book)
}

// checkReport prints section 1: `liaison check` on the book beside Vale
// and harper.js, start-up, and peak memory on many files.
func checkReport(ctx context.Context, rc reportConfig, out io.Writer, bins, names, abs []string, book, tmp string) error {
	// 1. check: the whole book, whole process, beside Vale.
	var cs []contender
	for i, b := range bins {
		cs = append(cs, contender{name: names[i], argv: liaisonCheck(b)})
	}
	vale := filepath.Join(rc.peers, "bin", "vale")
	haveVale := isExecutable(vale) && isFile(filepath.Join(rc.peers, "vale", ".vale.ini"))
	if haveVale {
		cs = append(cs, contender{name: "vale 3.22", dir: filepath.Join(rc.peers, "vale"),
			argv: func(fs []string) []string { return append([]string{vale, "--output", "line"}, fs...) }})
	}
	checks, err := interleave(ctx, cs, abs, rc.runs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n1. check on the book, whole process, median of %d (interleaved):\n", rc.runs)
	for i, c := range cs {
		fmt.Fprintf(out, "   %-10s wall %-8s CPU %-8s peak RSS %d MB\n", c.name, round(checks[i].wall()), round(checks[i].cpu()), checks[i].peakMB())
	}
	lw := checks[0].wall()
	fmt.Fprintf(out, "   liaison CPU / wall %.2f (want <= 2)\n", float64(checks[0].cpu())/float64(lw))
	if haveVale {
		fmt.Fprintf(out, "   Vale / liaison wall %.1fx (want >= 5x)\n", float64(checks[len(cs)-1].wall())/float64(lw))
	} else {
		fmt.Fprintf(out, "   Vale: not installed under %s (../shared/bench/peers.sh installs it)\n", rc.peers)
	}
	harper := filepath.Join(rc.peers, "harper.mjs")
	switch {
	case !rc.harper:
		fmt.Fprintf(out, "   harper.js 2.10: not timed (-harper)\n")
	case isFile(harper) && isDir(filepath.Join(rc.peers, "node_modules", "harper.js")):
		bookDir, _ := filepath.Abs(rc.book)
		st, err := runProc(ctx, rc.peers, "node", harper, bookDir)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "   harper.js 2.10 wall %s (one run), %.0fx liaison\n", round(st.wall), float64(st.wall)/float64(lw))
	default:
		fmt.Fprintf(out, "   harper.js: not installed under %s (../shared/bench/peers.sh installs it)\n", rc.peers)
	}

	// Start-up: one one-line file.
	one := filepath.Join(tmp, "one.md")
	if err := os.WriteFile(one, []byte("We will liaison with the vendor.\n"), 0o644); err != nil {
		return err
	}
	starts, err := interleave(ctx, cs[:len(bins)], []string{one}, rc.runs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "   start-up (check on a one-line file), median of %d:\n", rc.runs)
	for i := range bins {
		fmt.Fprintf(out, "   %-10s wall %-8s CPU %s\n", names[i], round(starts[i].wall()), round(starts[i].cpu()))
	}

	// Many files: peak memory.
	if rc.files > 0 {
		many, err := manyFiles(filepath.Join(tmp, "many"), book, rc.files)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "   check on %d files (%d bytes in all), one run each:\n", rc.files, many)
		for i, b := range bins {
			st, err := runProc(ctx, tmp, b, "check", "many")
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "   %-10s wall %-8s CPU %-8s peak RSS %d MB (want <= 150)\n", names[i], round(st.wall), round(st.cpu), st.maxRSS>>10)
		}
	}

	return nil
}

// serverReport prints sections 2 and 3: the language servers' latencies
// and memory.
func serverReport(ctx context.Context, rc reportConfig, out io.Writer, bins, names []string, chapter, book string) error {
	figs, err := sessionsReport(ctx, rc, bins, chapter, book)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n2. language server, the book open as one document (%d one-character edits, %d hovers, %d code actions, each sent to the servers in turn):\n", 2*rc.edits, rc.hovers, rc.hovers/4)
	row := func(label, want string, f func(sessionFigures) time.Duration) {
		fmt.Fprintf(out, "   %-34s", label)
		for i := range bins {
			fmt.Fprintf(out, " %-10s", round(f(figs[i])))
		}
		if len(bins) > 1 && f(figs[1]) > 0 {
			fmt.Fprintf(out, " %.2fx of the reference", float64(f(figs[0]))/float64(f(figs[1])))
		}
		fmt.Fprintf(out, "  (want %s)\n", want)
	}
	fmt.Fprintf(out, "   %-34s", "")
	for i := range bins {
		fmt.Fprintf(out, " %-10s", names[i])
	}
	fmt.Fprintln(out)
	row("keystroke → diagnostics p50", "-", func(f sessionFigures) time.Duration { return f.keyP50 })
	row("keystroke → diagnostics p95", "<= 5ms, <= 1/3", func(f sessionFigures) time.Duration { return f.keyP95 })
	row("keystroke → diagnostics p99", "<= 8ms, <= 1/3", func(f sessionFigures) time.Duration { return f.keyP99 })
	row("server CPU per keystroke", "-", func(f sessionFigures) time.Duration { return f.keyCPU })
	row("  its CPU p95, one keystroke", "-", func(f sessionFigures) time.Duration { return f.keyCPU95 })
	row("  its CPU p99, one keystroke", "-", func(f sessionFigures) time.Duration { return f.keyCPU99 })
	row("hover p99", "<= 1ms, <= 1/3", func(f sessionFigures) time.Duration { return f.hoverP99 })
	row("code action p99", "<= 2ms, <= 1/3", func(f sessionFigures) time.Duration { return f.actionP99 })
	row(fmt.Sprintf("start → first diagnostics, %d KB", len(chapter)/1000), "<= 40ms, <= 1/3", func(f sessionFigures) time.Duration { return f.start })
	row("  server CPU of that start", "-", func(f sessionFigures) time.Duration { return f.startCPU })

	fmt.Fprintf(out, "\n3. memory of the language server (VmRSS):\n")
	for i := range bins {
		f := figs[i]
		growth := 0.0
		if f.rssHalf > 0 {
			growth = 100 * float64(f.rssAfter-f.rssHalf) / float64(f.rssHalf)
		}
		fmt.Fprintf(out, "   %-10s book open %d MB (want <= 70); after %d edits and %d hovers %d MB (want <= 90), second half %+.1f%% (want < 3%%)\n",
			names[i], f.rssOpen>>10, f.memEdits, f.memHovers, f.rssAfter>>10, growth)
		fmt.Fprintf(out, "   %-10s   (read once the server is idle; at the last message: %d MB open, %d MB after the session; peak VmHWM %d MB)\n",
			"", f.rssOpenNow>>10, f.rssAfterNow>>10, f.hwm>>10)
	}
	return nil
}

// sessionsReport measures the language servers of bins side by side, in
// turns, so that load on the machine falls on all of them alike: each
// start in turn, then one server of each binary with the book open, every
// keystroke, hover and code action sent to each in turn (the same
// positions), then the memory session the same way.
func sessionsReport(ctx context.Context, rc reportConfig, bins []string, chapter, book string) ([]sessionFigures, error) {
	figs := make([]sessionFigures, len(bins))
	cfgs := make([]config, len(bins))
	for i, b := range bins {
		cfgs[i] = rc.config
		cfgs[i].bin = b
	}
	starts := make([][]time.Duration, len(bins))
	startCPU := make([][]time.Duration, len(bins))
	for range rc.starts {
		for i := range bins {
			d, cpu, err := startToFirstDiagnostics(ctx, cfgs[i], chapter)
			if err != nil {
				return nil, fmt.Errorf("%s: start-up: %w", bins[i], err)
			}
			starts[i], startCPU[i] = append(starts[i], d), append(startCPU[i], cpu)
		}
	}
	for i := range bins {
		figs[i].start, figs[i].startCPU = pct(starts[i], 50), pct(startCPU[i], 50)
	}

	ctx, cancel := context.WithTimeout(ctx, 2*time.Hour) // 10,000 edits on a loaded machine took over 20 minutes
	defer cancel()
	servers := make([]*server, len(bins))
	for i := range bins {
		s, err := startServer(ctx, cfgs[i])
		if err != nil {
			return nil, err
		}
		defer s.stop()
		if err := s.initialize(ctx); err != nil {
			return nil, err
		}
		servers[i] = s
	}
	u := uri.File("/bench/rust-book.md")
	for i, s := range servers {
		if err := s.client.Open(ctx, u, "markdown", 1, book); err != nil {
			return nil, err
		}
		if _, _, err := s.client.WaitVersion(ctx, u, 0, 1); err != nil {
			return nil, err
		}
		pid := s.cmd.Process.Pid
		figs[i].rssOpenNow, _ = memory(pid)
		settle(pid)
		figs[i].rssOpen, _ = memory(pid)
	}
	doc := text.New(book)
	rng := rand.New(rand.NewPCG(rc.seed, 2))
	version := int32(1)
	// keystroke types a letter at the end of a random line and deletes it
	// (two didChange messages, each timed to its diagnostics), in each
	// server in turn.
	keystroke := func(times, cpus [][]time.Duration) error {
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
			for i, s := range servers {
				n := s.client.DiagnosticsCount()
				var c0 time.Duration
				cok := false
				if cpus != nil {
					c0, cok = schedCPU(s.cmd.Process.Pid)
				}
				t := time.Now()
				if err := s.client.Change(ctx, u, version, &step.r, step.text); err != nil {
					return err
				}
				if _, _, err := s.client.WaitVersion(ctx, u, n, version); err != nil {
					return fmt.Errorf("%s: edit %d: %w", bins[i], version, err)
				}
				if times != nil {
					times[i] = append(times[i], time.Since(t))
				}
				if c1, ok := schedCPU(s.cmd.Process.Pid); ok && cok {
					cpus[i] = append(cpus[i], c1-c0)
				}
			}
		}
		return nil
	}
	keys := make([][]time.Duration, len(bins))
	keyCPUs := make([][]time.Duration, len(bins))
	cpu0 := make([]time.Duration, len(bins))
	for i, s := range servers {
		cpu0[i] = cpuTime(s.cmd.Process.Pid)
	}
	for range rc.edits {
		if err := keystroke(keys, keyCPUs); err != nil {
			return nil, err
		}
	}
	for i, s := range servers {
		f := &figs[i]
		f.keyCPU = (cpuTime(s.cmd.Process.Pid) - cpu0[i]) / time.Duration(max(1, len(keys[i])))
		f.keyP50, f.keyP95, f.keyP99 = pct(keys[i], 50), pct(keys[i], 95), pct(keys[i], 99)
		f.keyCPU95, f.keyCPU99 = pct(keyCPUs[i], 95), pct(keyCPUs[i], 99)
	}

	// A small document with findings: hovers on them render a rule note,
	// code actions there offer fixes.
	note := uri.File("/bench/note.md")
	const noteText = "# Plans\n\nI will liaison with the vendor. We had alot of fun.\n"
	var noteDiags []protocol.Diagnostic
	for _, s := range servers {
		if err := s.client.Open(ctx, note, "markdown", 1, noteText); err != nil {
			return nil, err
		}
		d, _, err := s.client.WaitVersion(ctx, note, 0, 1)
		if err != nil {
			return nil, err
		}
		if len(d.Diagnostics) == 0 {
			return nil, fmt.Errorf("no diagnostics on %q", noteText)
		}
		if noteDiags == nil {
			noteDiags = d.Diagnostics
		}
	}
	hover := func(times [][]time.Duration) error {
		var p protocol.Position
		target := u
		if rng.IntN(2) == 0 {
			p, target = noteDiags[rng.IntN(len(noteDiags))].Range.Start, note
		} else {
			start, end := doc.LineBounds(rng.IntN(doc.LineCount()))
			pos := doc.Position(start+rng.IntN(end-start+1), text.UTF16)
			p = protocol.Position{Line: uint32(pos.Line), Character: uint32(pos.Character)}
		}
		for i, s := range servers {
			t := time.Now()
			var h *protocol.Hover
			if err := s.client.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: target}, Position: p}}, &h); err != nil {
				return fmt.Errorf("%s: hover: %w", bins[i], err)
			}
			if times != nil {
				times[i] = append(times[i], time.Since(t))
			}
		}
		return nil
	}
	hovers := make([][]time.Duration, len(bins))
	for range rc.hovers {
		if err := hover(hovers); err != nil {
			return nil, err
		}
	}
	actions := make([][]time.Duration, len(bins))
	for k := range max(1, rc.hovers/4) {
		d := noteDiags[k%len(noteDiags)]
		for i, s := range servers {
			t := time.Now()
			var acts []protocol.CodeAction
			if err := s.client.Call(ctx, protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: note}, Range: d.Range,
				Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}}}, &acts); err != nil {
				return nil, fmt.Errorf("%s: code action: %w", bins[i], err)
			}
			actions[i] = append(actions[i], time.Since(t))
		}
	}
	for i := range figs {
		figs[i].hoverP99, figs[i].actionP99 = pct(hovers[i], 99), pct(actions[i], 99)
	}

	// The memory session: many more edits and hovers, RSS half-way and at
	// the end. Its times are not reported, so the servers may run niced
	// (10,000 edits took over 20 minutes on a loaded machine, slowing every
	// other job there).
	for _, s := range servers {
		if rc.memNice != 0 {
			if err := syscall.Setpriority(syscall.PRIO_PROCESS, s.cmd.Process.Pid, rc.memNice); err != nil {
				return nil, fmt.Errorf("renice the server for the memory session: %w", err)
			}
		}
	}
	readAll := func(f func(f *sessionFigures, pid int)) {
		for i, s := range servers {
			settle(s.cmd.Process.Pid)
			f(&figs[i], s.cmd.Process.Pid)
		}
	}
	pairs, done := rc.longEdits/2, 0
	for i := range pairs {
		if err := keystroke(nil, nil); err != nil {
			return nil, err
		}
		for ; done < (i+1)*rc.memHovers/pairs; done++ { // hovers spread over the edits
			if err := hover(nil); err != nil {
				return nil, err
			}
		}
		if i == pairs/2-1 {
			readAll(func(f *sessionFigures, pid int) { f.rssHalf, _ = memory(pid) })
		}
	}
	for i, s := range servers {
		figs[i].rssAfterNow, _ = memory(s.cmd.Process.Pid)
		figs[i].memEdits, figs[i].memHovers = rc.longEdits, rc.memHovers
	}
	readAll(func(f *sessionFigures, pid int) { f.rssAfter, f.hwm = memory(pid) })
	return figs, nil
}

// settle waits until the server pid is idle — no CPU used for half a
// second, and at least a second after the last message, so that what a
// pause in typing does (the server gives garbage back after half a second
// without a lint) is done — before its memory is read; at most 10 s.
func settle(pid int) {
	start, last := time.Now(), cpuTime(pid)
	quietSince := start
	for time.Since(start) < 10*time.Second {
		time.Sleep(100 * time.Millisecond)
		if c := cpuTime(pid); c != last {
			last, quietSince = c, time.Now()
		}
		if time.Since(start) >= time.Second && time.Since(quietSince) >= 500*time.Millisecond {
			return
		}
	}
}

// manyFiles writes n files under dir cut from book at paragraph breaks
// (about 3 KB each, repeating the book as often as needed) and returns
// their total size.
func manyFiles(dir, book string, n int) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var pieces []string
	for rest := book; len(rest) > 0; {
		cut := len(rest)
		if len(rest) > 3000 {
			if i := strings.Index(rest[3000:], "\n\n"); i >= 0 {
				cut = 3000 + i + 2
			}
		}
		pieces = append(pieces, rest[:cut])
		rest = rest[cut:]
	}
	total := 0
	for i := range n {
		p := pieces[i%len(pieces)]
		total += len(p)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%05d.md", i)), []byte(p), 0o644); err != nil {
			return 0, err
		}
	}
	return total, nil
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= 10*time.Millisecond:
		return d.Round(100 * time.Microsecond)
	default:
		return d.Round(10 * time.Microsecond)
	}
}

func isFile(p string) bool { st, err := os.Stat(p); return err == nil && st.Mode().IsRegular() }
func isDir(p string) bool  { st, err := os.Stat(p); return err == nil && st.IsDir() }
func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0
}
