package timeline_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/scenarios"
	"github.com/eipsim/eipsim/timeline"
)

var rewrite = flag.Bool("rewrite", false, "rewrite testdata/*.svg and ../docs/timeline.svg with this run's pictures")

// readmeScenario is the library file whose picture the README shows.
const readmeScenario = "nat_unassociate_force_false.txt"

// render replays a scenario file on the engine and draws its history.
func render(t *testing.T, path string) []byte {
	t.Helper()
	var engine *scenarios.Engine
	_, err := scenarios.ReplayFile(path, func() scenarios.Handler {
		engine = scenarios.NewEngine()
		return engine
	}, scenarios.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if engine == nil || engine.Sim() == nil {
		t.Fatalf("%s: no engine ran", path)
	}
	return timeline.SVG(engine.Sim().History(), timeline.Options{Title: filepath.Base(path), Start: engine.Start()})
}

// golden compares got with the file at path, or writes it with -rewrite.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *rewrite {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./timeline -rewrite`)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run `go test ./timeline -rewrite` and look at the diff", path)
	}
}

// TestLibraryGolden draws every library scenario and compares it with its
// golden picture.
func TestLibraryGolden(t *testing.T) {
	files, err := scenarios.ListFiles("../scenarios/library")
	if err != nil || len(files) == 0 {
		t.Fatalf("library: %v, %d files", err, len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt") + ".svg"
		t.Run(name, func(t *testing.T) {
			got := render(t, f)
			if err := wellFormed(got); err != nil {
				t.Fatalf("not well-formed: %v", err)
			}
			if again := render(t, f); !bytes.Equal(got, again) {
				t.Fatal("two renders of the same run differ")
			}
			golden(t, filepath.Join("testdata", name), got)
		})
	}
}

// TestREADMEPicture keeps docs/timeline.svg, shown by the README, up to date.
func TestREADMEPicture(t *testing.T) {
	golden(t, "../docs/timeline.svg", render(t, filepath.Join("../scenarios/library", readmeScenario)))
}

// TestGoldenWellFormed parses every committed golden picture.
func TestGoldenWellFormed(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.svg")
	files = append(files, "../docs/timeline.svg")
	if len(files) < 2 {
		t.Fatalf("only %d golden pictures", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// wellFormed parses b strictly as XML with an <svg> root.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	root := ""
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if root != "" {
					return errors.New("two root elements")
				}
				root = tok.Name.Local
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if root != "svg" {
		return errors.New("root element is " + root + ", want svg")
	}
	return nil
}
