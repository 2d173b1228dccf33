package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Require reports a missing prerequisite of the end-to-end test named
// test: a failure under LIAISON_E2E=require (as CI sets it), otherwise a
// skip that says what is missing and how to install it.
func Require(t testing.TB, test, what, how string) {
	t.Helper()
	if os.Getenv("LIAISON_E2E") == "require" {
		t.Fatalf("LIAISON_E2E=require but %s (%s)", what, how)
	}
	t.Skipf("skipping the %s: %s (%s; LIAISON_E2E=require makes this a failure)", test, what, how)
}

// BuildLiaison builds the liaison command into bin, or into a temporary
// directory when bin is "", and returns the binary's path.
func BuildLiaison(t testing.TB, bin string) string {
	t.Helper()
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "liaison")
	}
	if out, err := exec.Command("go", "build", "-o", bin, "liaison/cmd/liaison").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
