package server

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// afterReply holds work to do once the response to a request has been
// written: a request whose effect the server announces by notifications
// (the add-word commands re-publish diagnostics) must not have them
// overtake its response. Eglot, for one, drops diagnostics that arrive
// while it waits for the response of a synchronous request.
type afterReply struct {
	mu sync.Mutex
	m  map[string][]func() // by the request's id as JSON
}

// requestIDKey is the context key of the request being handled.
type requestIDKey struct{}

// withRequestID returns ctx carrying the id of the request it handles.
func withRequestID(ctx context.Context, req *jsonrpc2.Request) context.Context {
	if !req.IsCall() {
		return ctx
	}
	return context.WithValue(ctx, requestIDKey{}, idJSON(req.ID()))
}

// idJSON is id as it reads on the wire: a number, or a quoted string.
func idJSON(id jsonrpc2.ID) string {
	if n, ok := id.Number(); ok {
		return strconv.FormatInt(n, 10)
	}
	str, _ := id.StringValue()
	b, _ := json.Marshal(str)
	return string(b)
}

// afterReplying runs f once the response to the request ctx handles has
// been written, or at once when ctx handles no request.
func (s *Server) afterReplying(ctx context.Context, f func()) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	if !ok {
		f()
		return
	}
	s.replies.mu.Lock()
	defer s.replies.mu.Unlock()
	if s.replies.m == nil {
		s.replies.m = map[string][]func(){}
	}
	s.replies.m[id] = append(s.replies.m[id], f)
}

// replied is told the id of each response the server has written; it
// runs the work waiting on that response, off the writer.
func (s *Server) replied(id string) {
	s.replies.mu.Lock()
	fs := s.replies.m[id]
	delete(s.replies.m, id)
	s.replies.mu.Unlock()
	for _, f := range fs {
		go f()
	}
}
