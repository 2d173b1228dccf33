// Package e2e holds what the editors' end-to-end tests share: building the
// liaison binary they drive, running an editor on a test script that
// reports what it saw as JSON, and the LIAISON_E2E switch that turns a
// missing editor from a skip into a failure.
package e2e
