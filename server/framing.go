package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// MaxMessageBytes is the largest JSON-RPC message body the server reads. A
// frame that declares more is skipped without being held in memory (and
// logged); the stream carries on after it. Documents above MaxLintBytes are
// not linted anyway, so this only bounds what a hostile or broken client can
// make the server allocate.
const MaxMessageBytes = 128 << 20

// maxHeaderLine bounds one header line, so a stream without line breaks
// cannot grow the reader's buffer without limit.
const maxHeaderLine = 4 << 10

// errFraming is the class of error that ends the stream: the byte stream
// no longer splits into frames, so nothing after the fault can be trusted.
var errFraming = errors.New("LSP framing error")

// guardedStream is the jsonrpc2.Stream the server reads and writes through.
// jsonrpc2 closes the connection when a frame does not decode, so every
// frame is checked here first (checkFrame): a message that is not valid
// JSON-RPC 2.0 is answered here with the error the specification names and
// never reaches jsonrpc2; only frames that jsonrpc2 is sure to decode are
// passed on. Framing faults (a missing, malformed or repeated
// Content-Length, a header line without a colon) end the stream with an
// error that says why, which Serve logs.
//
// All writes, jsonrpc2's and this layer's error answers, go through one
// mutex, so frames never interleave.
type guardedStream struct {
	rwc io.ReadWriteCloser
	in  *bufio.Reader
	log func() *zap.Logger // the server's logger, read when used
	// replied, if set, is told the id (as JSON) of each response once it
	// is written.
	replied func(id string)

	writeMu sync.Mutex
}

func newGuardedStream(rwc io.ReadWriteCloser, log func() *zap.Logger) *guardedStream {
	return &guardedStream{rwc: rwc, in: bufio.NewReader(rwc), log: log}
}

var _ jsonrpc2.Stream = (*guardedStream)(nil)

// ReadFrame returns the body of the next frame that is valid JSON-RPC,
// answering and skipping the others. jsonrpc2 uses it (instead of Read)
// when the stream has it, which also lets it dispatch batches.
func (s *guardedStream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		length, headerLen, err := readHeader(s.in)
		if err != nil {
			return nil, 0, err
		}
		if length > MaxMessageBytes {
			if _, err := io.CopyN(io.Discard, s.in, int64(length)); err != nil {
				return nil, 0, truncated(err)
			}
			s.log().Error("skipped a message larger than the limit; it was not read",
				zap.Int("bytes", length), zap.Int("limit", MaxMessageBytes))
			continue
		}
		// A fresh buffer per frame: jsonrpc2 borrows the body for requests
		// that run concurrently with later reads.
		body := make([]byte, length)
		if _, err := io.ReadFull(s.in, body); err != nil {
			return nil, 0, truncated(err)
		}
		v := checkFrame(body)
		if v.ok() {
			return body, int64(headerLen + length), nil
		}
		s.log().Warn("refused an invalid JSON-RPC message", zap.String("reason", v.reason),
			zap.ByteString("message", clip(body, 200)))
		if v.reply != nil {
			if _, err := s.WriteFrame(ctx, v.reply); err != nil {
				return nil, 0, fmt.Errorf("answering an invalid message: %w", err)
			}
		}
	}
}

// Read implements jsonrpc2.Stream for callers that do not use ReadFrame.
func (s *guardedStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		body, n, err := s.ReadFrame(ctx)
		if err != nil {
			return nil, 0, err
		}
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil { // a batch: Read has no way to return one
			s.log().Warn("refused a batch on a stream read one message at a time")
			continue
		}
		return msg, n, nil
	}
}

// Write implements jsonrpc2.Stream.
func (s *guardedStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	body, err := jsonrpc2.EncodeMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding a message: %w", err)
	}
	return s.WriteFrame(ctx, body)
}

// WriteFrame writes body as one frame (header and body in one Write).
func (s *guardedStream) WriteFrame(ctx context.Context, body []byte) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	frame := make([]byte, 0, len(body)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(body)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, body...)
	s.writeMu.Lock()
	n, err := s.rwc.Write(frame)
	s.writeMu.Unlock()
	if err == nil && s.replied != nil {
		if id, isRequest, fault := checkMessage(body); fault == "" && !isRequest && len(id) > 0 {
			s.replied(string(id))
		}
	}
	return int64(n), err
}

// Close implements jsonrpc2.Stream.
func (s *guardedStream) Close() error { return s.rwc.Close() }

// readHeader reads one header block and returns the declared body length
// and the header's size. A clean end of input before the first byte is
// io.EOF; every malformed header is errFraming with the reason.
func readHeader(r *bufio.Reader) (length, size int, err error) {
	length = -1
	for {
		line, err := readLine(r)
		if err != nil {
			if errors.Is(err, io.EOF) && size > 0 {
				return 0, 0, io.ErrUnexpectedEOF
			}
			return 0, 0, err
		}
		size += len(line)
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			if length < 0 {
				return 0, 0, fmt.Errorf("%w: a header without Content-Length", errFraming)
			}
			return length, size, nil
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return 0, 0, fmt.Errorf("%w: a header line without a colon: %q", errFraming, clip([]byte(line), 60))
		}
		if !strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			continue // Content-Type and unknown fields are ignored
		}
		if length >= 0 {
			// Two lengths: which one frames the body is a guess, and a wrong
			// guess would read the rest of the stream out of step.
			return 0, 0, fmt.Errorf("%w: Content-Length given twice", errFraming)
		}
		value = strings.TrimSpace(value)
		n, perr := strconv.ParseUint(value, 10, 31)
		if perr != nil || n == 0 || value[0] == '+' {
			return 0, 0, fmt.Errorf("%w: Content-Length %q is not a positive integer", errFraming, clip([]byte(value), 40))
		}
		length = int(n)
	}
}

// readLine reads one line of at most maxHeaderLine bytes, with its "\n".
func readLine(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		b = append(b, chunk...)
		if len(b) > maxHeaderLine {
			return "", fmt.Errorf("%w: a header line longer than %d bytes", errFraming, maxHeaderLine)
		}
		switch {
		case err == nil:
			return string(b), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(b) > 0:
			return "", io.ErrUnexpectedEOF
		default:
			return "", err
		}
	}
}

func truncated(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// clip returns at most n bytes of b, for logs.
func clip(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return append(append([]byte(nil), b[:n]...), "…"...)
}

// verdict is what checkFrame decided about one frame: pass it on (reason
// empty), or refuse it with reason, answering reply (nil: no answer).
type verdict struct {
	reason string
	reply  []byte
}

func (v verdict) ok() bool { return v.reason == "" }

// checkFrame validates a frame body as JSON-RPC 2.0, strictly:
//
//   - not JSON: -32700 Parse error, id null;
//   - one JSON value followed by anything but white space: -32600;
//   - a value that is not an object (42, "hello", null, true): -32600;
//   - "jsonrpc" missing or other than the string "2.0", a method that is not
//     a string, an id that is not a string or an integer (null, 1.5, true,
//     an object), "method" beside "result" or "error", params that are not
//     an object, an array or null, or a repeated member: -32600, with the
//     id when it is a valid one, else null;
//   - an empty batch: a single -32600; a batch with an invalid element is
//     refused whole, one error per element (calls and invalid elements; its
//     notifications are not run and the log says so), so that a batch is
//     answered by one array and is run all or nothing;
//   - an invalid response (to a request of the server's) is dropped.
//
// Whatever it passes, jsonrpc2 decodes: its own decoder is the last check.
// Method-level faults (unknown method, bad params) are the handler's.
func checkFrame(body []byte) verdict {
	first := bytes.TrimSpace(body)
	if !validJSON(first) {
		// One valid value and more after it is an invalid request, answered
		// with its id; anything else is not JSON.
		if end := skipValue(first, 0); end > 0 && end < len(first) && validJSON(first[:end]) {
			id, _ := requestID(first[:end])
			return verdict{reason: "content after the message", reply: errorReply(id, jsonrpc2.InvalidRequest, "invalid request: content after the JSON value")}
		}
		return verdict{reason: "parse error", reply: errorReply(nil, jsonrpc2.ParseError, "parse error: not valid JSON")}
	}
	if first[0] == '[' {
		return checkBatch(first)
	}
	id, isRequest, msg := checkMessage(first)
	if msg == "" {
		if _, err := jsonrpc2.DecodeMessage(first); err != nil {
			msg = "not decodable: " + err.Error()
		}
	}
	switch {
	case msg == "":
		return verdict{}
	case !isRequest:
		return verdict{reason: "invalid response: " + msg}
	default:
		return verdict{reason: msg, reply: errorReply(id, jsonrpc2.InvalidRequest, "invalid request: "+msg)}
	}
}

func checkBatch(arr []byte) verdict {
	elems, err := arrayElements(arr)
	if err != nil {
		return verdict{reason: "batch: " + err.Error(), reply: errorReply(nil, jsonrpc2.InvalidRequest, "invalid request: "+err.Error())}
	}
	if len(elems) == 0 {
		return verdict{reason: "empty batch", reply: errorReply(nil, jsonrpc2.InvalidRequest, "invalid request: an empty batch")}
	}
	type answer struct {
		id  json.RawMessage
		msg string
	}
	var answers []answer
	var faults []string
	for i, e := range elems {
		id, isRequest, msg := checkMessage(e)
		if msg == "" && !isRequest {
			msg = "a response inside a batch"
		}
		if msg != "" {
			faults = append(faults, fmt.Sprintf("element %d: %s", i, msg))
			answers = append(answers, answer{id, msg})
			continue
		}
		if id != nil {
			answers = append(answers, answer{id, ""})
		}
	}
	if len(faults) == 0 {
		if _, err := jsonrpc2.ParseRequests(arr); err == nil {
			return verdict{}
		}
		faults = append(faults, "not decodable")
	}
	out := []byte{'['}
	for i, a := range answers {
		if i > 0 {
			out = append(out, ',')
		}
		msg := a.msg
		if msg == "" {
			msg = "not run: another element of its batch is invalid"
		}
		out = append(out, errorReply(a.id, jsonrpc2.InvalidRequest, "invalid request: "+msg)...)
	}
	out = append(out, ']')
	if len(answers) == 0 {
		out = nil
	}
	return verdict{reason: "batch refused whole (" + strings.Join(faults, "; ") + ")", reply: out}
}

// checkMessage checks one message object. It returns the request's id when
// it is valid (to echo in an error), whether the message is a request
// rather than a response, and what is wrong ("" if nothing).
func checkMessage(raw []byte) (id json.RawMessage, isRequest bool, fault string) {
	members, err := objectMembers(raw)
	if err != nil {
		return nil, true, err.Error()
	}
	id, idOK := validID(members["id"])
	_, hasMethod := members["method"]
	_, hasResult := members["result"]
	_, hasError := members["error"]
	isRequest = hasMethod || !(hasResult || hasError)
	if !idOK {
		id = nil
	}
	if v, ok := members["jsonrpc"]; !ok || string(v) != `"2.0"` {
		if !ok {
			return id, isRequest, `"jsonrpc" is missing`
		}
		return id, isRequest, fmt.Sprintf(`"jsonrpc" is %s, not "2.0"`, clip(v, 20))
	}
	if !hasMethod {
		switch {
		case hasResult && hasError:
			return id, false, `"result" and "error" together`
		case !hasResult && !hasError:
			return id, true, `no "method", "result" or "error"`
		case !idOK && string(members["id"]) != "null":
			return id, false, "an id that is not a string, an integer or null"
		case hasError && !validErrorObject(members["error"]):
			return id, false, `"error" is not an error object`
		}
		return id, false, ""
	}
	if hasResult || hasError {
		return id, true, `"method" together with "result" or "error"`
	}
	if m := members["method"]; m[0] != '"' {
		return id, true, "the method is not a string"
	}
	if raw, ok := members["id"]; ok && !idOK {
		return nil, true, fmt.Sprintf("the id %s is not a string or an integer", clip(raw, 20))
	}
	if p, ok := members["params"]; ok && p[0] != '{' && p[0] != '[' && string(p) != "null" {
		return id, true, "params are not an object or an array"
	}
	return id, true, ""
}

// validID returns raw when it is a JSON-RPC id jsonrpc2 can represent: a
// string or an integer within int64.
func validID(raw json.RawMessage) (json.RawMessage, bool) {
	if len(raw) == 0 {
		return nil, false
	}
	if raw[0] == '"' {
		var s string
		return raw, json.Unmarshal(raw, &s) == nil
	}
	_, err := strconv.ParseInt(string(raw), 10, 64)
	return raw, err == nil
}

func validErrorObject(raw json.RawMessage) bool {
	var e struct {
		Code    *json.Number `json:"code"`
		Message *string      `json:"message"`
	}
	if raw[0] != '{' || json.Unmarshal(raw, &e) != nil || e.Code == nil || e.Message == nil {
		return false
	}
	_, err := strconv.ParseInt(e.Code.String(), 10, 32)
	return err == nil
}

// requestID returns the valid id of a request object, if it has one.
func requestID(raw []byte) (json.RawMessage, bool) {
	members, err := objectMembers(raw)
	if err != nil {
		return nil, false
	}
	id, ok := validID(members["id"])
	if !ok {
		return nil, false
	}
	return id, true
}

// errorReply encodes an error response; a nil id is null.
func errorReply(id json.RawMessage, code jsonrpc2.Code, message string) []byte {
	if id == nil {
		id = json.RawMessage("null")
	}
	b, _ := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    jsonrpc2.Code `json:"code"`
			Message string        `json:"message"`
		} `json:"error"`
	}{JSONRPC: "2.0", ID: id, Error: struct {
		Code    jsonrpc2.Code `json:"code"`
		Message string        `json:"message"`
	}{code, message}})
	return b
}
