package httpapi

import (
	"net/url"
	"strings"
	"testing"
)

// percentEncode is the SDK's formula, url.QueryEscape and three
// replacements, for every byte and every pair of bytes (the encoding of a
// byte does not depend on its neighbours but through the replacements,
// which span at most three bytes of the escaped form), and for text.
func TestPercentEncodeIsTheSDKFormula(t *testing.T) {
	sdk := strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~")
	check := func(s string) {
		if got, want := percentEncode(s), sdk.Replace(url.QueryEscape(s)); got != want {
			t.Fatalf("percentEncode(%q) = %q, the SDK writes %q", s, got, want)
		}
	}
	for i := range 256 {
		for j := range 256 {
			check(string([]byte{byte(i), byte(j)}))
		}
	}
	for _, s := range []string{"", "%7E", "a b*c~d", "名字 ☃", "x%2A+y", "\xff\xfe%", "RegionId=cn-hangzhou&X=1"} {
		check(s)
	}
}
