package server

import (
	"bytes"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Codec is the jsonrpc2 payload codec for LSP: it marshals params and
// results with protocol's union-aware Marshal and Unmarshal (protocol's own
// codec is unexported) and passes raw JSON through verbatim.
type Codec struct{}

var _ jsonrpc2.Codec = Codec{}

// Marshal implements jsonrpc2.Codec.
func (Codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case nil:
		return []byte("null"), nil
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

// Unmarshal implements jsonrpc2.Codec.
func (Codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	// protocol.Unmarshal copies its input for struct destinations but not
	// for union roots (a result such as []CommandOrCodeAction), whose
	// strings would then alias the connection's read buffer, which is
	// reused: copy always.
	return protocol.Unmarshal(bytes.Clone(data), v)
}
