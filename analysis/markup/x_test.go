package markup
import ("testing";"os";"fmt";"strings";"github.com/yuin/goldmark/text")
func TestXDump(t *testing.T) {
	src := os.Getenv("SRC")
	for _, c := range Split("markdown", src) { fmt.Printf("chunk %d-%d %q\n", c.Start, c.End, c.Text(src)) }
	doc := proseParser().Parse(text.NewReader([]byte(src)))
	doc.Dump([]byte(src), 0)
}
func TestYTrace(t *testing.T) {
	src := os.Getenv("SRC")
	var s mdSplitter
	for _, l := range strings.SplitAfter(src, "\n") {
		if l == "" { continue }
		s.line(l)
		fmt.Printf("%-14q top=%v items=%v nested=%v prevText=%v paraDepth=%d fork=%v\n", l, s.top, s.items, s.nested, s.prevText, s.paraDepth, s.fork != nil)
		s.fork = nil
	}
}
