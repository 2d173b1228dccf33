package lsptest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Raw is a client that writes bytes as they are and reads whole frames,
// for tests that send what a well-behaved client never would: broken JSON,
// bad envelopes, bad headers.
type Raw struct {
	rwc     io.ReadWriteCloser
	writeMu sync.Mutex

	mu      sync.Mutex
	changed chan struct{}
	msgs    []json.RawMessage // every frame body received, in order
	err     error             // why reading stopped
}

// NewRaw starts reading frames from rwc.
func NewRaw(rwc io.ReadWriteCloser) *Raw {
	r := &Raw{rwc: rwc, changed: make(chan struct{})}
	go r.read()
	return r
}

// Frame returns body with an LSP header.
func Frame(body string) []byte {
	return []byte("Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
}

// Send writes b unchanged.
func (r *Raw) Send(b []byte) error {
	r.writeMu.Lock()
	defer r.writeMu.Unlock()
	_, err := r.rwc.Write(b)
	return err
}

// SendBody writes body as one frame.
func (r *Raw) SendBody(body string) error { return r.Send(Frame(body)) }

// Close closes the connection.
func (r *Raw) Close() error { return r.rwc.Close() }

func (r *Raw) read() {
	in := bufio.NewReader(r.rwc)
	for {
		body, err := readFrame(in)
		r.mu.Lock()
		if err != nil {
			r.err = err
		} else {
			r.msgs = append(r.msgs, body)
		}
		close(r.changed)
		r.changed = make(chan struct{})
		r.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func readFrame(in *bufio.Reader) (json.RawMessage, error) {
	length := -1
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, _ := strings.Cut(line, ":")
		if strings.EqualFold(name, "Content-Length") {
			if length, err = strconv.Atoi(strings.TrimSpace(value)); err != nil {
				return nil, fmt.Errorf("bad Content-Length from the server: %q", value)
			}
		}
	}
	if length < 0 {
		return nil, errors.New("a frame from the server without Content-Length")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(in, body); err != nil {
		return nil, err
	}
	return body, nil
}

// Messages returns the frame bodies received so far.
func (r *Raw) Messages() []json.RawMessage {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]json.RawMessage(nil), r.msgs...)
}

// Await waits for a frame at index from or later for which ok is true, and
// returns its index. It fails when the server closes the stream first.
func (r *Raw) Await(ctx context.Context, from int, ok func(json.RawMessage) bool) (int, error) {
	for {
		r.mu.Lock()
		for i := from; i < len(r.msgs); i++ {
			if ok(r.msgs[i]) {
				r.mu.Unlock()
				return i, nil
			}
		}
		from = max(from, len(r.msgs))
		changed, err := r.changed, r.err
		r.mu.Unlock()
		if err != nil {
			return 0, fmt.Errorf("the server closed the stream: %w", err)
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return 0, fmt.Errorf("waiting for a message: %w", ctx.Err())
		}
	}
}

// Closed waits until the server closes the stream and returns why.
func (r *Raw) Closed(ctx context.Context) error {
	for {
		r.mu.Lock()
		changed, err := r.changed, r.err
		r.mu.Unlock()
		if err != nil {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("the server did not close the stream: %w", ctx.Err())
		}
	}
}

// Envelope is the JSON-RPC envelope of one message, as received.
type Envelope struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// IsResponse reports whether body is a response (or a batch of them) and,
// for a single one, returns its envelope.
func IsResponse(body json.RawMessage) (Envelope, bool) {
	var e Envelope
	if strings.HasPrefix(strings.TrimSpace(string(body)), "[") {
		return e, true
	}
	if json.Unmarshal(body, &e) != nil {
		return e, false
	}
	return e, e.Method == ""
}
