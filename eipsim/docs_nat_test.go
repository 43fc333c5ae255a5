package eipsim_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// docTable reads the code table under heading from README.md.
func docTable(t *testing.T, doc, heading string) map[eipsim.Code]int {
	t.Helper()
	i := strings.Index(doc, heading)
	if i < 0 {
		t.Fatalf("README.md has no heading %q", heading)
	}
	section := doc[i+len(heading):]
	if j := strings.Index(section, "\n### "); j >= 0 {
		section = section[:j]
	}
	out := map[eipsim.Code]int{}
	for _, m := range regexp.MustCompile(`(?m)^\| ([A-Za-z_.]+) \| (\d{3}) \| .+ \|$`).FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(m[2])
		out[eipsim.Code(m[1])] = n
	}
	if len(out) == 0 {
		t.Fatalf("no code rows under %q", heading)
	}
	return out
}

// TestDocsCodeTables checks the README section against the catalogue: every
// listed code exists with the listed HTTP status, and the Unassociate table
// lists every code of the page and of the newer list.
func TestDocsCodeTables(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	mustOK(t, err)
	doc := string(b)
	unassoc := docTable(t, doc, "### UnassociateEipAddress: every error code and its trigger")
	for code, status := range unassoc {
		if !code.Known() {
			t.Errorf("docs list %s, which is not in the catalogue", code)
		}
		if got := eipsim.NewError(code, eipsim.ActionUnassociateEipAddress, "").HTTPStatus; got != status {
			t.Errorf("docs give %s HTTP %d on UnassociateEipAddress, the catalogue %d", code, status, got)
		}
	}
	for code := range unassociatePageCodes(t) {
		if _, ok := unassoc[code]; !ok {
			t.Errorf("the page's code %s is missing from the docs' Unassociate table", code)
		}
	}
	for _, code := range newerUnassociateCodes {
		if _, ok := unassoc[code]; !ok {
			t.Errorf("the newer code %s is missing from the docs' Unassociate table", code)
		}
	}
	for code, status := range docTable(t, doc, "### NAT gateway, SNAT/DNAT and HaVip codes") {
		if !code.Known() {
			t.Errorf("docs list %s, which is not in the catalogue", code)
		} else if code.HTTPStatus() != status {
			t.Errorf("docs give %s HTTP %d, the catalogue %d", code, status, code.HTTPStatus())
		}
	}
}
