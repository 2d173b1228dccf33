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
// MethodNotFound (a request) or is ignored (a notification).
func routes() map[string]route {
	return map[string]route{
		protocol.MethodInitialize:                      request((*Server).initialize),
		protocol.MethodInitialized:                     notification((*Server).initialized),
		protocol.MethodShutdown:                        {handle: func(s *Server, ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { return nil, s.shutdown(ctx) }},
		protocol.MethodExit:                            {notification: true, handle: func(s *Server, ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { s.exitNow(); return nil, nil }},
		protocol.MethodTextDocumentDidOpen:             notification((*Server).didOpen),
		protocol.MethodTextDocumentDidChange:           notification((*Server).didChange),
		protocol.MethodTextDocumentDidClose:            notification((*Server).didClose),
		protocol.MethodTextDocumentDidSave:             notification((*Server).didSave),
		protocol.MethodWorkspaceDidChangeConfiguration: notification((*Server).didChangeConfiguration),
		protocol.MethodWorkspaceDidChangeWatchedFiles:  notification((*Server).didChangeWatchedFiles),
		protocol.MethodTextDocumentHover:               request((*Server).hover),
		protocol.MethodTextDocumentCodeAction:          request((*Server).codeAction),
		protocol.MethodTextDocumentDiagnostic:          request((*Server).diagnostic),
	}
}

// request adapts a typed request method to a route.
func request[P, R any](f func(*Server, context.Context, *P) (R, error)) route {
	return route{handle: func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		r, err := f(s, ctx, &p)
		if err != nil {
			return nil, err
		}
		return r, nil
	}}
}

// notification adapts a typed notification method to a route.
func notification[P any](f func(*Server, context.Context, *P)) route {
	return route{notification: true, handle: func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		f(s, ctx, &p)
		return nil, nil
	}}
}

// decodeParams decodes raw params into p. Invalid UTF-8, which the JSON
// decoder rejects, is replaced by U+FFFD and decoding is retried, so a
// document with a stray byte still opens.
func decodeParams(raw jsonrpc2.RawMessage, p any) error {
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
	result, err := r.handle(s, ctx, req.Params())
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
