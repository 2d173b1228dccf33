package server

import "go.lsp.dev/uri"

// DocumentText returns the server's copy of the open document u: its text,
// its version, whether it is in sync with the editor's (no change was
// refused), and whether it is open. Tests compare it with a shadow copy.
func DocumentText(s *Server, u uri.URI) (text string, version int32, inSync, open bool) {
	d := s.document(u)
	if d == nil {
		return "", 0, false, false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.text.Text(), d.version, !d.outOfSync, true
}
