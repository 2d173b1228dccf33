package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// route is how one LSP method is handled.
type route struct {
	notification bool
	// handle decodes params and runs the method. For a notification the
	// result is discarded.
	handle func(s *Server, ctx context.Context, params jsonrpc2.RawMessage) (any, error)
}

// routes lists the methods the server understands; anything else answers
// MethodNotFound (a request) or is ignored (a notification). The paths after
// a handler are the params members it cannot do without (see checkParams).
func routes() map[string]route {
	doc := "textDocument.uri"
	return map[string]route{
		protocol.MethodInitialize:                      request((*Server).initialize, "capabilities"),
		protocol.MethodInitialized:                     notification((*Server).initialized),
		protocol.MethodShutdown:                        {handle: func(s *Server, ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { return nil, s.shutdown(ctx) }},
		protocol.MethodExit:                            {notification: true, handle: func(s *Server, ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { s.exitNow(); return nil, nil }},
		protocol.MethodTextDocumentDidOpen:             notification((*Server).didOpen, doc, "textDocument.languageId", "textDocument.version", "textDocument.text"),
		protocol.MethodTextDocumentDidChange:           {notification: true, handle: (*Server).didChangeRaw},
		protocol.MethodTextDocumentDidClose:            notification((*Server).didClose, doc),
		protocol.MethodTextDocumentDidSave:             notification((*Server).didSave, doc),
		protocol.MethodWorkspaceDidChangeConfiguration: notification((*Server).didChangeConfiguration, "settings?"),
		protocol.MethodWorkspaceDidChangeWatchedFiles:  notification((*Server).didChangeWatchedFiles, "changes"),
		protocol.MethodTextDocumentHover:               request((*Server).hover, doc, "position.line", "position.character"),
		protocol.MethodTextDocumentCodeAction:          request((*Server).codeAction, doc, "range.start.line", "range.start.character", "range.end.line", "range.end.character", "context.diagnostics"),
		protocol.MethodTextDocumentDiagnostic:          request((*Server).diagnostic, doc),
		protocol.MethodWorkspaceExecuteCommand:         request((*Server).executeCommand, "command"), // spelling.go
	}
}

// request adapts a typed request method to a route; required lists the
// params members it needs (checkParams).
func request[P, R any](f func(*Server, context.Context, *P) (R, error), required ...string) route {
	return route{handle: func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p, required); err != nil {
			return nil, err
		}
		r, err := f(s, ctx, &p)
		if err != nil {
			return nil, err
		}
		return r, nil
	}}
}

// notification adapts a typed notification method to a route; required
// is as for request. A notification whose params are refused is logged
// (dispatch) and not run.
func notification[P any](f func(*Server, context.Context, *P), required ...string) route {
	return route{notification: true, handle: func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p, required); err != nil {
			return nil, err
		}
		f(s, ctx, &p)
		return nil, nil
	}}
}

// decodeParams checks raw against required (checkParams) and decodes it
// into p. Invalid UTF-8, which the JSON decoder rejects, is replaced by
// U+FFFD and decoding is retried, so a document with a stray byte still
// opens.
func decodeParams(raw jsonrpc2.RawMessage, p any, required []string) error {
	if err := checkParams(raw, required); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	if len(raw) == 0 {
		raw = jsonrpc2.RawMessage("{}")
	}
	err := Codec{}.Unmarshal(raw, p)
	if err != nil && !utf8.Valid(raw) {
		err = protocol.Unmarshal(bytes.ToValidUTF8(raw, []byte("\uFFFD")), p)
	}
	if err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

// checkParams refuses params that lack a member the method cannot do
// without. protocol's decoder fills an absent member with its zero value,
// so a hover with params {} or null would otherwise look like a hover at
// 0:0 of the document "" and answer as if it were one. Each path names a
// member by dotted names ("position.line"); it must be present and not
// null, except that a path ending in "?" may be null. With no required
// members, params may be absent or null but not something other than an
// object.
func checkParams(raw jsonrpc2.RawMessage, required []string) error {
	if len(raw) == 0 || string(raw) == "null" {
		if len(required) == 0 {
			return nil
		}
		return errors.New("params are missing")
	}
	for _, path := range required {
		nullable := strings.HasSuffix(path, "?")
		path = strings.TrimSuffix(path, "?")
		cur := []byte(raw)
		for _, name := range strings.Split(path, ".") {
			members, err := objectMembers(cur)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			v, ok := members[name]
			if !ok {
				return fmt.Errorf("%s is missing", path)
			}
			cur = v
		}
		if string(cur) == "null" && !nullable {
			return fmt.Errorf("%s is null", path)
		}
	}
	if _, err := objectMembers(raw); err != nil {
		return fmt.Errorf("params: %w", err)
	}
	return nil
}

// dispatch routes one message after the lifecycle checks.
func (s *Server) dispatch(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	method := req.Method()
	r, ok := routeTable()[method]
	if !ok {
		if req.IsCall() {
			return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", method)
		}
		s.log.Debug("ignoring notification", zap.String("method", method))
		return nil, nil
	}
	if err := s.admit(method, req.IsCall()); err != nil {
		if req.IsCall() {
			return nil, err
		}
		s.log.Debug("dropping notification", zap.String("method", method), zap.Error(err))
		return nil, nil
	}
	if req.IsCall() && ctx.Err() != nil {
		return nil, protocol.ErrRequestCancelled
	}
	result, err := r.handle(s, withRequestID(ctx, req), req.Params())
	if !req.IsCall() {
		if err != nil {
			s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
		}
		return nil, nil
	}
	if err != nil {
		return nil, asResponseError(ctx, err)
	}
	return result, nil
}

// asResponseError maps an error to the JSON-RPC error a client expects:
// cancellation answers RequestCancelled, coded errors pass through, and
// anything else is an internal error.
func asResponseError(ctx context.Context, err error) error {
	var rpcErr *jsonrpc2.Error
	switch {
	case errors.As(err, &rpcErr):
		return rpcErr
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return protocol.ErrRequestCancelled
	default:
		return jsonrpc2.Errorf(jsonrpc2.InternalError, "%v", err)
	}
}

// release lets requests run concurrently with the messages after them;
// notifications stay on the read loop, in wire order.
func (s *Server) release(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.IsCall() {
			jsonrpc2.Async(ctx)
		}
		return next(ctx, req)
	}
}

// recoverPanics turns a panic in a handler into a logged internal error; a
// notification that panics is logged and dropped. Either way the server
// carries on (jsonrpc2 itself would close the connection).
func (s *Server) recoverPanics(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		defer func() {
			if p := recover(); p != nil {
				method := strings.Clone(req.Method())
				s.log.Error("handler panicked",
					zap.String("method", method),
					zap.String("panic", fmt.Sprint(p)),
					zap.ByteString("stack", debug.Stack()))
				result = nil
				err = nil
				if req.IsCall() {
					err = jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", method, p)
				}
			}
		}()
		return next(ctx, req)
	}
}

// cancelPreempter handles $/cancelRequest on the read loop, ahead of the
// queue, by cancelling the named request's context; that request then
// answers RequestCancelled.
type cancelPreempter struct {
	cancel func(jsonrpc2.ID)
}

func (p cancelPreempter) Preempt(_ context.Context, req *jsonrpc2.Request) (any, error) {
	if req.Method() != protocol.MethodCancelRequest {
		return nil, jsonrpc2.ErrNotHandled
	}
	if req.IsCall() { // a notification in LSP; as a request it is unknown
		return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "%s is a notification, not a request", protocol.MethodCancelRequest)
	}
	var params protocol.CancelParams
	if err := protocol.Unmarshal(req.Params(), &params); err == nil {
		switch id := params.ID.(type) {
		case protocol.Integer:
			p.cancel(jsonrpc2.NewNumberID(int64(id)))
		case protocol.String:
			p.cancel(jsonrpc2.NewStringID(string(id)))
		}
	}
	return struct{}{}, nil // handled (a notification: nothing is sent)
}

// routeTable is the immutable method table, built once.
var routeTable = sync.OnceValue(routes)
