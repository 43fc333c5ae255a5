package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eipsim/eipsim/scenarios"
	"github.com/eipsim/eipsim/timeline"
)

// pictures writes the -svg pictures of "eipsim run", one per file.
type pictures struct {
	dir  string
	last *scenarios.Engine // the engine of the file just run
	from map[string]string // picture name -> the file it was drawn from
}

// newPictures returns nil for no -svg DIR.
func newPictures(dir string) *pictures {
	if dir == "" {
		return nil
	}
	return &pictures{dir: dir, from: map[string]string{}}
}

// write draws the history of the file just run (path) into
// dir/<base>.svg. Two files of the same name would overwrite each other's
// picture: the second is an error.
func (p *pictures) write(path string) error {
	e := p.last
	p.last = nil
	if e == nil || e.Sim() == nil {
		return nil
	}
	name := strings.TrimSuffix(filepath.Base(path), ".txt") + ".svg"
	if prev, ok := p.from[name]; ok {
		return fmt.Errorf("-svg: %s and %s would both be drawn to %s", prev, path, filepath.Join(p.dir, name))
	}
	p.from[name] = path
	if err := os.MkdirAll(p.dir, 0o755); err != nil {
		return fmt.Errorf("-svg: %w", err)
	}
	b := timeline.SVG(e.Sim().History(), timeline.Options{Title: filepath.Base(path), Start: e.Start()})
	if err := os.WriteFile(filepath.Join(p.dir, name), b, 0o644); err != nil {
		return fmt.Errorf("-svg: %w", err)
	}
	return nil
}
