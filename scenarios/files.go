package scenarios

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// ListFiles expands paths into scenario files: a file stands for itself; a
// directory for the "*.txt" files directly inside it, sorted. A directory
// without any is not an error.
func ListFiles(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p) // sorted by name
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !e.IsDir() && filepath.Ext(e.Name()) == ".txt" {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
	}
	return files, nil
}

// ReplayFile parses and replays the scenario file at path (see [Replay]). With
// opts.Rewrite it then writes the canonical text with the actual outputs back
// to path, if that differs from the file, and sets [Result.Wrote].
func ReplayFile(path string, newHandler func() Handler, opts Options) (*Result, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := Parse(path, src)
	if err != nil {
		return nil, err
	}
	res, err := Replay(s, newHandler, opts)
	if err != nil {
		return nil, err
	}
	if opts.Rewrite && !bytes.Equal(res.Rewritten, src) {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, res.Rewritten, fi.Mode().Perm()); err != nil {
			return nil, fmt.Errorf("rewriting %s: %w", path, err)
		}
		res.Wrote = true
	}
	return res, nil
}
