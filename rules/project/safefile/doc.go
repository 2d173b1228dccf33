// Package safefile reads files a user's repository supplies (documents,
// configurations, rule files) so that no such file can hang, exhaust or
// mislead liaison: every read of a user file in cmd/liaison and
// rules/project goes through Read.
//
// Read refuses anything but a regular file ("not a regular file": a FIFO,
// a device such as /dev/zero, a socket, a directory), checking the type
// before opening and again on the opened descriptor, which is opened
// non-blocking so that a FIFO swapped in between can never block. It reads
// at most Options.MaxBytes and refuses a larger file (TooLargeError)
// rather than truncating it. Given Options.Root, it resolves symbolic
// links and refuses a file whose target lies outside Root
// (ErrOutsideRoot), then opens it through an os.Root, so a link changed
// after the check cannot lead outside either.
//
// Errors never quote the file's content, so a refused file cannot leak
// into a message.
package safefile
