package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"liaison/server"
	"liaison/server/lsptest"
)

// The protocol-abuse suite: messages a broken or hostile client sends,
// each answered as JSON-RPC 2.0 and LSP say, and the server still serving
// afterwards (a follow-up request gets its correct answer). It began as an
// outside attack on the server (issue 12), under which every one of these
// shapes but the batches and the params checks ended the server.

// rawServer is a server and a raw client talking to it over a pipe.
type rawServer struct {
	srv  *server.Server
	c    *lsptest.Raw
	logs *observer.ObservedLogs
	done chan struct{} // closed when Serve returns
	code int           // Serve's result, once done
	next int           // the follow-up request's id
}

func startRaw(t *testing.T, caps string) *rawServer {
	t.Helper()
	core, logs := observer.New(zapcore.DebugLevel)
	srv := server.New(server.Options{Linter: fakeLinter{}, Logger: zap.New(core)})
	serverEnd, clientEnd := net.Pipe()
	c, cancel := context.WithCancel(context.Background())
	r := &rawServer{srv: srv, c: lsptest.NewRaw(clientEnd), logs: logs, done: make(chan struct{}), next: 1000}
	go func() { r.code = srv.Serve(c, serverEnd); close(r.done) }()
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		select {
		case <-r.done:
		case <-time.After(testTimeout):
			t.Error("server did not stop")
		}
	})
	r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":%s,"initializationOptions":{"debounceMs":0}}}`, caps))
	r.await(t, 0, isResponseTo(`1`))
	r.send(t, `{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	return r
}

func (r *rawServer) send(t *testing.T, body string) {
	t.Helper()
	if err := r.c.SendBody(body); err != nil {
		t.Fatal(err)
	}
}

func (r *rawServer) await(t *testing.T, from int, ok func(json.RawMessage) bool) int {
	t.Helper()
	i, err := r.c.Await(ctx(t), from, ok)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func isResponseTo(id string) func(json.RawMessage) bool {
	return func(m json.RawMessage) bool {
		e, ok := lsptest.IsResponse(m)
		return ok && string(e.ID) == id
	}
}

// alive sends a hover for a document that is not open, which must answer
// null, and returns the index of that answer: every message the server
// sent in answer to what came before is at a lower index.
func (r *rawServer) alive(t *testing.T) int {
	t.Helper()
	r.next++
	id := fmt.Sprint(r.next)
	r.send(t, `{"jsonrpc":"2.0","id":`+id+`,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///not/open.md"},"position":{"line":0,"character":0}}}`)
	i, err := r.c.Await(ctx(t), 0, isResponseTo(id))
	if err != nil {
		t.Fatalf("the server no longer answers: %v", err)
	}
	if got := string(r.c.Messages()[i]); !strings.Contains(got, `"result":null`) {
		t.Fatalf("the follow-up hover answered %s, want a null result", got)
	}
	return i
}

// reply is one expected error response: its id (JSON) and code.
type reply struct {
	id   string
	code int
}

// responses returns the responses among msgs (not the follow-up or the
// initialize answer) as replies; a batch answer is a []reply in one
// element.
func responses(t *testing.T, msgs []json.RawMessage) []any {
	t.Helper()
	var out []any
	for _, m := range msgs {
		e, ok := lsptest.IsResponse(m)
		if !ok {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(string(m)), "[") {
			var arr []lsptest.Envelope
			if err := json.Unmarshal(m, &arr); err != nil {
				t.Fatalf("batch answer %s: %v", m, err)
			}
			var rs []reply
			for _, a := range arr {
				rs = append(rs, asReply(a))
			}
			out = append(out, rs)
			continue
		}
		if string(e.ID) == "1" {
			continue
		}
		out = append(out, asReply(e))
	}
	return out
}

func asReply(e lsptest.Envelope) reply {
	r := reply{id: string(e.ID)}
	if r.id == "" {
		r.id = "absent"
	}
	if e.Error != nil {
		r.code = e.Error.Code
	}
	return r
}

const (
	parseError     = -32700
	invalidRequest = -32600
	methodNotFound = -32601
	invalidParams  = -32602
)

func TestProtocolAbuse(t *testing.T) {
	hover := func(params string) string {
		return `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":` + params + `}`
	}
	tests := []struct {
		name string
		body string
		want []any // replies before the follow-up; a []reply is one batch answer
	}{
		// Not JSON, or not one JSON object.
		{"parse error", `{]`, []any{reply{"null", parseError}}},
		{"truncated JSON", `{"jsonrpc":"2.0","id":5,"method":"x"`, []any{reply{"null", parseError}}},
		{"body 42", `42`, []any{reply{"null", invalidRequest}}},
		{`body "hello"`, `"hello"`, []any{reply{"null", invalidRequest}}},
		{"body null", `null`, []any{reply{"null", invalidRequest}}},
		{"body true", `true`, []any{reply{"null", invalidRequest}}},
		{"trailing garbage", `{"jsonrpc":"2.0","id":5,"method":"shutdown"}xyz`, []any{reply{"5", invalidRequest}}},
		{"two messages in one frame", `{"jsonrpc":"2.0","id":5,"method":"shutdown"}{"jsonrpc":"2.0","id":6,"method":"shutdown"}`, []any{reply{"5", invalidRequest}}},
		// Bad envelopes. A request that is refused is not run: shutdown
		// would make the follow-up answer an error.
		{`jsonrpc "1.0"`, `{"jsonrpc":"1.0","id":5,"method":"shutdown"}`, []any{reply{"5", invalidRequest}}},
		{"jsonrpc missing", `{"id":5,"method":"shutdown"}`, []any{reply{"5", invalidRequest}}},
		{"jsonrpc a number", `{"jsonrpc":2.0,"id":5,"method":"shutdown"}`, []any{reply{"5", invalidRequest}}},
		{"numeric method", `{"jsonrpc":"2.0","id":5,"method":7}`, []any{reply{"5", invalidRequest}}},
		{"null method", `{"jsonrpc":"2.0","id":5,"method":null}`, []any{reply{"5", invalidRequest}}},
		{"object id", `{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"float id", `{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"exponent id", `{"jsonrpc":"2.0","id":1e3,"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"bool id", `{"jsonrpc":"2.0","id":true,"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"null id on a request", `{"jsonrpc":"2.0","id":null,"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"id beyond int64", `{"jsonrpc":"2.0","id":99999999999999999999,"method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"method and result", `{"jsonrpc":"2.0","id":5,"method":"shutdown","result":1}`, []any{reply{"5", invalidRequest}}},
		{"method and error", `{"jsonrpc":"2.0","id":5,"method":"shutdown","error":{"code":1,"message":"x"}}`, []any{reply{"5", invalidRequest}}},
		{"params a number", `{"jsonrpc":"2.0","id":5,"method":"shutdown","params":5}`, []any{reply{"5", invalidRequest}}},
		{"member given twice", `{"jsonrpc":"2.0","id":5,"method":"liaison/x","method":"shutdown"}`, []any{reply{"null", invalidRequest}}},
		{"neither method nor result", `{"jsonrpc":"2.0","id":5}`, []any{reply{"5", invalidRequest}}},
		// Responses the server never asked for, or malformed: nothing to
		// answer, and nothing breaks.
		{"response to an unknown id", `{"jsonrpc":"2.0","id":77,"result":1}`, nil},
		{"response with result and error", `{"jsonrpc":"2.0","id":77,"result":1,"error":{"code":1,"message":"x"}}`, nil},
		{"response with a bad error", `{"jsonrpc":"2.0","id":77,"error":"x"}`, nil},
		// Batches: LSP clients do not send them, JSON-RPC allows them.
		{"batch of numbers", `[1,2,3]`, []any{[]reply{{"null", invalidRequest}, {"null", invalidRequest}, {"null", invalidRequest}}}},
		{"empty batch", `[]`, []any{reply{"null", invalidRequest}}},
		{"batch with an invalid element", `[{"jsonrpc":"2.0","id":5,"method":"liaison/x"},{"jsonrpc":"1.0","id":6,"method":"x"},7]`,
			[]any{[]reply{{"5", invalidRequest}, {"6", invalidRequest}, {"null", invalidRequest}}}},
		{"valid batch", `[{"jsonrpc":"2.0","id":5,"method":"liaison/x"},{"jsonrpc":"2.0","method":"liaison/y"},{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{}}]`,
			[]any{[]reply{{"5", methodNotFound}, {"6", invalidParams}}}},
		{"batch of a response", `[{"jsonrpc":"2.0","id":77,"result":1}]`, []any{[]reply{{"77", invalidRequest}}}},
		// Methods: a notification sent as a request, params that do not fit.
		{"$/cancelRequest as a request", `{"jsonrpc":"2.0","id":5,"method":"$/cancelRequest","params":{"id":1}}`, []any{reply{"5", methodNotFound}}},
		{"unknown method", `{"jsonrpc":"2.0","id":5,"method":"liaison/x"}`, []any{reply{"5", methodNotFound}}},
		{"hover params null", hover(`null`), []any{reply{"5", invalidParams}}},
		{"hover params absent", `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover"}`, []any{reply{"5", invalidParams}}},
		{"hover params {}", hover(`{}`), []any{reply{"5", invalidParams}}},
		{"hover params []", hover(`[]`), []any{reply{"5", invalidParams}}},
		{"hover without position", hover(`{"textDocument":{"uri":"file:///a.md"}}`), []any{reply{"5", invalidParams}}},
		{"hover at line -1", hover(`{"textDocument":{"uri":"file:///a.md"},"position":{"line":-1,"character":0}}`), []any{reply{"5", invalidParams}}},
		{"hover at a string line", hover(`{"textDocument":{"uri":"file:///a.md"},"position":{"line":"0","character":0}}`), []any{reply{"5", invalidParams}}},
		{"diagnostic params null", `{"jsonrpc":"2.0","id":5,"method":"textDocument/diagnostic","params":null}`, []any{reply{"5", invalidParams}}},
		{"diagnostic params {}", `{"jsonrpc":"2.0","id":5,"method":"textDocument/diagnostic","params":{}}`, []any{reply{"5", invalidParams}}},
		{"codeAction params {}", `{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{}}`, []any{reply{"5", invalidParams}}},
		{"codeAction without context", `{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.md"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}}`, []any{reply{"5", invalidParams}}},
		{"didOpen params {}", `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}`, nil},
		{"didChange params null", `{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}`, nil},
		{"didClose params 5 in an array", `{"jsonrpc":"2.0","method":"textDocument/didClose","params":[5]}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startRaw(t, `{}`)
			from := len(r.c.Messages())
			r.send(t, tt.body)
			end := r.alive(t)
			followUp := string(r.c.Messages()[end])
			// Requests that reach a handler run concurrently, so their
			// answers may come after the follow-up's.
			var got []any
			for {
				msgs := slices.DeleteFunc(r.c.Messages()[from:], func(m json.RawMessage) bool { return string(m) == followUp })
				if got = responses(t, msgs); len(got) >= len(tt.want) {
					break
				}
				if _, err := r.c.Await(ctx(t), from+len(msgs)+1, func(json.RawMessage) bool { return true }); err != nil {
					t.Fatalf("answered %v, want %v: %v", got, tt.want, err)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("answered %v, want %v\nmessages: %s", got, tt.want, r.c.Messages()[from:])
			}
		})
	}
}

// TestFramingErrors: a stream that no longer splits into messages ends
// the session, and the log says why. A Content-Length given twice is one:
// which of the two frames the body is a guess.
func TestFramingErrors(t *testing.T) {
	body := `{"jsonrpc":"2.0","id":5,"method":"liaison/x"}`
	n := fmt.Sprint(len(body))
	tests := []struct {
		name, frame, reason string
	}{
		{"Content-Length twice, equal", "Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n\r\n" + body, "given twice"},
		{"Content-Length twice, different", "Content-Length: 2\r\nContent-Length: " + n + "\r\n\r\n" + body, "given twice"},
		{"Content-Length not a number", "Content-Length: abc\r\n\r\n" + body, "not a positive integer"},
		{"Content-Length negative", "Content-Length: -5\r\n\r\n" + body, "not a positive integer"},
		{"Content-Length zero", "Content-Length: 0\r\n\r\n" + body, "not a positive integer"},
		{"Content-Length missing", "Content-Type: application/json\r\n\r\n" + body, "without Content-Length"},
		{"header line without a colon", "Content-Length " + n + "\r\n\r\n" + body, "without a colon"},
		{"header line without end", strings.Repeat("x", 10000), "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startRaw(t, `{}`)
			r.alive(t)
			// The server may close the stream before it has read all of the
			// frame, failing this write: what counts is that it closes.
			go r.c.Send([]byte(tt.frame)) //nolint:errcheck
			if err := r.c.Closed(ctx(t)); err != nil {
				t.Fatal(err)
			}
			select {
			case <-r.done:
			case <-time.After(testTimeout):
				t.Fatal("Serve did not return")
			}
			if r.code != 1 {
				t.Errorf("exit code %d, want 1 (no shutdown)", r.code)
			}
			if got := r.logs.FilterMessageSnippet("connection ended").FilterLevelExact(zapcore.ErrorLevel).All(); len(got) != 1 ||
				!strings.Contains(fmt.Sprint(got[0].ContextMap()["error"]), tt.reason) {
				t.Errorf("log %+v, want one error saying %q", got, tt.reason)
			}
		})
	}
}

// TestFramingAccepts: what the framing must keep accepting.
func TestFramingAccepts(t *testing.T) {
	body := `{"jsonrpc":"2.0","id":5,"method":"liaison/x"}`
	n := fmt.Sprint(len(body))
	for name, frame := range map[string]string{
		"lower-case name":        "content-length: " + n + "\r\n\r\n" + body,
		"with Content-Type":      "Content-Length: " + n + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body,
		"bare LF":                "Content-Length: " + n + "\n\n" + body,
		"no space after colon":   "Content-Length:" + n + "\r\n\r\n" + body,
		"split across two reads": "Content-Len",
	} {
		t.Run(name, func(t *testing.T) {
			r := startRaw(t, `{}`)
			if err := r.c.Send([]byte(frame)); err != nil {
				t.Fatal(err)
			}
			if name == "split across two reads" {
				if err := r.c.Send([]byte("gth: " + n + "\r\n\r\n" + body)); err != nil {
					t.Fatal(err)
				}
			}
			i := r.await(t, 0, isResponseTo("5"))
			if got := string(r.c.Messages()[i]); !strings.Contains(got, "-32601") {
				t.Errorf("answered %s, want MethodNotFound", got)
			}
			r.alive(t)
		})
	}
}

// TestRefusedContentChanges: a didChange content change whose range is
// present but is not an LSP Range is refused whole: the server's copy
// stays as it was, the editor is told (window/logMessage, an error), the
// document's diagnostics are cleared, and the document stays out of sync —
// later incremental edits, made against the editor's text, are not applied
// to a copy that lacks the refused one — until the editor sends the whole
// text again. Only a change with no "range" member replaces the document.
func TestRefusedContentChanges(t *testing.T) {
	const (
		doc    = "First line.\nWe had alot of fun.\n"
		insert = `"text":"I recieved it. "`
		zero   = `{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}`
	)
	u := docURI("refused.md")
	refused := []struct{ name, change string }{
		{"line -1", `{"range":{"start":{"line":-1,"character":0},"end":{"line":-1,"character":0}},` + insert + `}`},
		{"character -3", `{"range":{"start":{"line":0,"character":-3},"end":{"line":0,"character":-3}},` + insert + `}`},
		{"line 2^32", `{"range":{"start":{"line":4294967296,"character":0},"end":{"line":4294967296,"character":0}},` + insert + `}`},
		{"character 1.5", `{"range":{"start":{"line":0,"character":1.5},"end":{"line":0,"character":1.5}},` + insert + `}`},
		{"character 1e1", `{"range":{"start":{"line":0,"character":1e1},"end":{"line":0,"character":1e1}},` + insert + `}`},
		{"line a string", `{"range":{"start":{"line":"0","character":0},"end":{"line":"0","character":0}},` + insert + `}`},
		{"line null", `{"range":{"start":{"line":null,"character":0},"end":{"line":0,"character":0}},` + insert + `}`},
		{"range []", `{"range":[],` + insert + `}`},
		{`range "x"`, `{"range":"x",` + insert + `}`},
		{"range null", `{"range":null,` + insert + `}`},
		{"range {}", `{"range":{},` + insert + `}`},
		{"range without end", `{"range":{"start":{"line":0,"character":0}},` + insert + `}`},
		{"range without start", `{"range":{"end":{"line":0,"character":0}},` + insert + `}`},
		{"positions {}", `{"range":{"start":{},"end":{}},` + insert + `}`},
		{"end before start", `{"range":{"start":{"line":1,"character":3},"end":{"line":0,"character":0}},` + insert + `}`},
		{`rangeLength "x"`, `{"range":` + zero + `,"rangeLength":"x",` + insert + `}`},
		{"rangeLength -1", `{"range":` + zero + `,"rangeLength":-1,` + insert + `}`},
		{"text missing", `{"range":` + zero + `}`},
		{"text a number", `{"range":` + zero + `,"text":5}`},
		{"range given twice", `{"range":` + zero + `,"range":null,` + insert + `}`},
		{"change not an object", `"I recieved it. "`},
		{"a good change, then a bad one", `{"range":` + zero + `,"text":"A "},{"range":null,` + insert + `}`},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := startRaw(t, `{}`)
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":%q}}}`, u, doc))
			from := len(r.c.Messages())
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[%s]}}`, u, tt.change))
			end := r.alive(t)
			if got, v, inSync, _ := server.DocumentText(r.srv, u); got != doc || v != 1 || inSync {
				t.Fatalf("after the change the server holds version %d %q (in sync %v), want version 1 %q, out of sync", v, got, inSync, doc)
			}
			var told, cleared bool
			for _, m := range r.c.Messages()[from:end] {
				var e lsptest.Envelope
				_ = json.Unmarshal(m, &e)
				switch e.Method {
				case "window/logMessage":
					told = told || (strings.Contains(string(e.Params), `"type":1`) && strings.Contains(string(e.Params), "refused"))
				case "textDocument/publishDiagnostics":
					cleared = cleared || strings.Contains(string(e.Params), `"diagnostics":[]`)
				}
			}
			if !told || !cleared {
				t.Errorf("client told %v, diagnostics cleared %v; messages: %s", told, cleared, r.c.Messages()[from:end])
			}
			// An edit made on the editor's text is not applied to the copy.
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":3},"contentChanges":[{"range":%s,"text":"B "}]}}`, u, zero))
			r.alive(t)
			if got, v, _, _ := server.DocumentText(r.srv, u); got != doc || v != 1 {
				t.Fatalf("an edit to a document out of sync was applied: version %d %q", v, got)
			}
			// The whole text brings it back, and it is linted again.
			from = len(r.c.Messages())
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":4},"contentChanges":[{"text":"They will liaison."}]}}`, u))
			r.await(t, from, func(m json.RawMessage) bool {
				return strings.Contains(string(m), `"version":4`) && strings.Contains(string(m), "liaison-verb")
			})
			if got, v, inSync, _ := server.DocumentText(r.srv, u); got != "They will liaison." || v != 4 || !inSync {
				t.Fatalf("after the whole text: version %d %q (in sync %v)", v, got, inSync)
			}
		})
	}

	accepted := []struct{ name, change, want string }{
		{"no range: the whole document", `{"text":"New text."}`, "New text."},
		{"a range", `{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":11}},"text":"a lot"}`, "First line.\nWe had a lot of fun.\n"},
		{"a range with rangeLength", `{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":11}},"rangeLength":4,"text":"a lot"}`, "First line.\nWe had a lot of fun.\n"},
		{"positions past the end clamp", `{"range":{"start":{"line":0,"character":4294967295},"end":{"line":9,"character":0}},"text":"!"}`, "First line.!"},
		{"unknown members are ignored", `{"range":` + zero + `,"text":"A ","x-extension":true}`, "A " + doc},
		{"several changes in order", `{"range":` + zero + `,"text":"A "},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":2}},"text":""}`, doc},
		{"a whole-document change, then a range", `{"text":"ab"},{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":1}},"text":"X"}`, "aXb"},
	}
	for _, tt := range accepted {
		t.Run(tt.name, func(t *testing.T) {
			r := startRaw(t, `{}`)
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":%q}}}`, u, doc))
			r.send(t, fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[%s]}}`, u, tt.change))
			r.alive(t)
			if got, v, inSync, _ := server.DocumentText(r.srv, u); got != tt.want || v != 2 || !inSync {
				t.Errorf("server holds version %d %q (in sync %v), want version 2 %q", v, got, inSync, tt.want)
			}
		})
	}
}
