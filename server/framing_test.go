package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"runtime"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// FuzzCheckFrame: checkFrame never panics, what it passes on jsonrpc2
// decodes (a frame jsonrpc2 cannot decode would end the connection), and
// what it refuses as a request is answered with one well-formed response
// or array of responses.
//
//	go test ./server/ -run '^$' -fuzz FuzzCheckFrame -fuzztime 60s
func FuzzCheckFrame(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"x"}]}}`,
		`{"jsonrpc":"2.0","id":"a\"b","result":null}`, `{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"m"}}`,
		`[{"jsonrpc":"2.0","id":5,"method":"x"},7]`, `[]`, `{]`, `42`, `{"a":1}x`, `{"jsonrpc":"2.0","id":1.5,"method":"x"}`,
		`{"jsonrpc":"2.0","id":5,"method":"x","method":"y"}`, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"\xff\"}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		v := checkFrame(body)
		if v.ok() {
			if _, err := jsonrpc2.ParseRequests(body); err != nil {
				if _, err := jsonrpc2.DecodeMessage(body); err != nil {
					t.Fatalf("passed %q, which jsonrpc2 cannot decode: %v", body, err)
				}
			}
			return
		}
		if v.reply == nil {
			return
		}
		var one struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Error   *struct {
				Code int `json:"code"`
			} `json:"error"`
		}
		if v.reply[0] == '[' {
			var many []json.RawMessage
			if err := json.Unmarshal(v.reply, &many); err != nil || len(many) == 0 {
				t.Fatalf("refused %q with %s", body, v.reply)
			}
			return
		}
		if err := json.Unmarshal(v.reply, &one); err != nil || one.JSONRPC != "2.0" || one.Error == nil || one.ID == nil {
			t.Fatalf("refused %q with %s", body, v.reply)
		}
		if _, err := jsonrpc2.DecodeMessage(v.reply); err != nil {
			t.Fatalf("the answer %s to %q does not decode: %v", v.reply, body, err)
		}
	})
}

// TestObjectMembers: the in-place splitter agrees with encoding/json on
// valid objects and refuses what is not one.
func TestObjectMembers(t *testing.T) {
	for _, s := range []string{
		`{}`, ` { "a" : 1 , "b":[1,{"c":"]}"}], "d\"e":"x\\\\", "f":null,"g":true,"h":-1.5e3,"i":"\u00e9"} `,
		`{"text":"a \\\" b \\\\\" c"}`, `{"a":{"b":{"c":[[],[{}]]}}}`,
	} {
		got, err := objectMembers([]byte(s))
		if err != nil {
			t.Errorf("%s: %v", s, err)
			continue
		}
		var want map[string]json.RawMessage
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			want[k] = json.RawMessage(string(v))
		}
		if !maps.EqualFunc(got, want, func(a, b json.RawMessage) bool { return string(a) == string(b) }) {
			t.Errorf("%s: split into %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{``, `[]`, `"x"`, `{"a":1,"a":2}`, `{"a":1`, `{"a" 1}`, `{"a":1}}`, `{"a":"1}`, `{1:2}`} {
		if got, err := objectMembers([]byte(s)); err == nil {
			t.Errorf("%s: split into %q, want an error", s, got)
		}
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// pipeRWC reads from r and records what is written.
type pipeRWC struct {
	io.Reader
	out bytes.Buffer
}

func (p *pipeRWC) Write(b []byte) (int, error) { return p.out.Write(b) }
func (p *pipeRWC) Close() error                { return nil }

// TestOversizedFrameIsSkipped: a frame over MaxMessageBytes is read past
// without being held, logged, and the next frame is served.
func TestOversizedFrameIsSkipped(t *testing.T) {
	next := `{"jsonrpc":"2.0","id":5,"method":"liaison/x"}`
	n := MaxMessageBytes + 1
	rwc := &pipeRWC{Reader: io.MultiReader(
		strings.NewReader(fmt.Sprintf("Content-Length: %d\r\n\r\n", n)),
		io.LimitReader(zeros{}, int64(n)),
		strings.NewReader(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(next), next)),
	)}
	core, logs := observer.New(zapcore.InfoLevel)
	log := zap.New(core)
	s := newGuardedStream(rwc, func() *zap.Logger { return log })
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	body, _, err := s.ReadFrame(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if string(body) != next {
		t.Errorf("read %.80q, want the frame after the oversized one", body)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("skipping allocated %d bytes", grew)
	}
	if logs.FilterMessageSnippet("larger than the limit").Len() != 1 {
		t.Errorf("not logged: %v", logs.All())
	}
}
