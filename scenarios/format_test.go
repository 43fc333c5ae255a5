package scenarios

import (
	"testing"
)

func TestFormatCanonical(t *testing.T) {
	src := "# header\n" +
		"  new-sim   seed=7 ids=(eip-0001,eip-0002)   \n" +
		"----\n" +
		"ok\n" +
		"\n" +
		"\n" +
		"AssociateEipAddress AllocationId=eip-0001 \\\n" +
		"   InstanceId=i-0001\n" +
		"----\n" +
		"eip-0001 Associating\n" +
		"\n" +
		"describe-state a=(x y) b=(z) c=((p)) d=\n" +
		"----\n" +
		"----\n" +
		"eip-0001\n" +
		"\n" +
		"eip-0002\n" +
		"----\n" +
		"----\n" +
		"\n" +
		"# end\n"
	want := "# header\n" +
		"new-sim seed=7 ids=(eip-0001, eip-0002)\n" +
		"----\n" +
		"ok\n" +
		"\n" +
		"\n" +
		"AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001\n" +
		"----\n" +
		"eip-0001 Associating\n" +
		"\n" +
		"describe-state a=(x y) b=z c=((p)) d=\n" +
		"----\n" +
		"----\n" +
		"eip-0001\n" +
		"\n" +
		"eip-0002\n" +
		"----\n" +
		"----\n" +
		"\n" +
		"# end\n"
	s, err := Parse("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Format(s)); got != want {
		t.Errorf("Format:\n%s\nwant:\n%s", got, want)
	}
	checkRoundTrip(t, []byte(src))
}

func TestArgString(t *testing.T) {
	tests := []struct {
		arg  Arg
		last bool
		want string
	}{
		{Arg{Key: "Force"}, false, "Force"},
		{Arg{"seed", []string{"7"}}, false, "seed=7"},
		{Arg{"d", []string{""}}, false, "d="},
		{Arg{"ids", []string{"a", "b"}}, false, "ids=(a, b)"},
		{Arg{"x", []string{"a b"}}, false, "x=(a b)"},
		{Arg{"x", []string{"(a)"}}, false, "x=((a))"},
		{Arg{"x", []string{"a\t"}}, false, "x=a\t"},
		{Arg{"x", []string{"a\t"}}, true, "x=(a\t)"},
		{Arg{"x", []string{`a\`}}, true, `x=(a\)`},
	}
	for _, tt := range tests {
		if got := tt.arg.format(tt.last); got != tt.want {
			t.Errorf("%#v.format(last=%v) = %q, want %q", tt.arg, tt.last, got, tt.want)
		}
	}
}

func TestCheckWritable(t *testing.T) {
	tests := []struct {
		out string
		ok  bool
	}{
		{"", true},
		{"ok\n", true},
		{"a\n\nb\n", true},
		{"\n", true},
		{"----\nx\n", true},
		{"a\n  \n", true},
		{"----\n", false},            // would read as the closing pair
		{"a\n----\n----\n", true},    // the single form holds it
		{"a\n\n----\n----\n", false}, // needs the double form, which it would close
		{"a\r\n", false},             // "\r" before "\n" is dropped when read
	}
	for _, tt := range tests {
		if err := checkWritable(tt.out); (err == nil) != tt.ok {
			t.Errorf("checkWritable(%q) = %v, want ok=%v", tt.out, err, tt.ok)
		}
	}
}
