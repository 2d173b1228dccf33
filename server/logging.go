package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"
	"go.uber.org/zap/zapcore"
)

// clientCore is a zapcore.Core that forwards warnings and errors to the
// client as window/logMessage, beside the server's own log.
type clientCore struct {
	zapcore.LevelEnabler
	server *Server
	fields []zapcore.Field
}

// teeToClient returns core plus a copy of warnings and errors for the
// client.
func teeToClient(core zapcore.Core, s *Server) zapcore.Core {
	return zapcore.NewTee(core, &clientCore{LevelEnabler: zapcore.WarnLevel, server: s})
}

func (c *clientCore) With(fields []zapcore.Field) zapcore.Core {
	return &clientCore{LevelEnabler: c.LevelEnabler, server: c.server, fields: append(c.fields[:len(c.fields):len(c.fields)], fields...)}
}

func (c *clientCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(e.Level) {
		return ce.AddCore(e, c)
	}
	return ce
}

func (c *clientCore) Write(e zapcore.Entry, fields []zapcore.Field) error {
	enc := zapcore.NewMapObjectEncoder()
	for _, f := range append(c.fields[:len(c.fields):len(c.fields)], fields...) {
		if f.Key == "stack" {
			continue // too long for an editor's message pane
		}
		f.AddTo(enc)
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for k, v := range enc.Fields {
		b.WriteString(" ")
		b.WriteString(k)
		b.WriteString("=")
		b.WriteString(strings.TrimSpace(strings.ReplaceAll(toString(v), "\n", " ")))
	}
	kind := protocol.MessageTypeWarning
	if e.Level >= zapcore.ErrorLevel {
		kind = protocol.MessageTypeError
	}
	if c.server.conn != nil {
		// Errors are dropped: the client may be gone, and logging them
		// here would recurse.
		_ = c.server.conn.Notify(context.Background(), protocol.MethodWindowLogMessage,
			&protocol.LogMessageParams{Type: kind, Message: "liaison: " + b.String()})
	}
	return nil
}

func (c *clientCore) Sync() error { return nil }

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case error:
		return v.Error()
	default:
		return fmt.Sprint(v)
	}
}
