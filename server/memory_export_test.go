package server

// SetTrim replaces what s's idle trim does (trimMemory) with f, for tests
// that count trims. Call it before Serve.
func SetTrim(s *Server, f func()) { s.trim.do = f }
