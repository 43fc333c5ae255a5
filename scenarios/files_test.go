package scenarios

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestListFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", "notes.md", "sub/c.txt"} {
		writeFile(t, filepath.Join(dir, name), "")
	}
	other := filepath.Join(dir, "sub", "c.txt")
	got, err := ListFiles(dir, other)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), other}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ListFiles = %q, want %q", got, want)
	}
	if _, err := ListFiles(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("ListFiles(missing) succeeded")
	}
}

func TestReplayFileRewrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.txt")
	writeFile(t, path, "# c\ncount\n----\ncount=9\n")

	res, err := ReplayFile(path, newTestHandler, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK() || res.Wrote {
		t.Fatalf("OK=%v Wrote=%v, want a mismatch and no write", res.OK(), res.Wrote)
	}

	res, err = ReplayFile(path, newTestHandler, Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Wrote {
		t.Errorf("Wrote = false after rewriting a mismatch")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "# c\ncount\n----\ncount=1\n"; got != want {
		t.Errorf("rewritten file = %q, want %q", got, want)
	}

	res, err = ReplayFile(path, newTestHandler, Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Wrote {
		t.Errorf("second rewrite: OK=%v Wrote=%v; want a match and no write", res.OK(), res.Wrote)
	}
}
