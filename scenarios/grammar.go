package scenarios

// The grammar of the harness commands, declared once: the reader (the
// engine's handlers, through [Command.values], [Command.words] and
// [Command.check]) accepts exactly the arguments declared here, and the
// writer (the recorder, through [lineWriter]) writes them in the order
// declared here. TestGrammarWalk writes every command with every argument
// and reads it back.
//
// The Actions' grammar (CamelCase commands) is the engine's: the wire
// parameters of [eipsim.ActionParams], read by [Engine] and written by the
// recorder from the same request struct tags.

import (
	"slices"
	"strings"
)

// argKind says how an argument's value is written and read.
type argKind uint8

const (
	valueArg argKind = iota // Key=value
	flagArg                 // Key alone (true), Key=true or Key=false
	listArg                 // Key=a or Key=(a, b)
)

// param is one named argument of a harness command.
type param struct {
	key      string
	required bool
	kind     argKind
}

// syntax is one harness command's grammar.
type syntax struct {
	name string
	// words names the bare words before the named arguments, in order
	// ("advance 3s": delta).
	words  []string
	params []param
	// anyParams: any Key=Value arguments (inject-fault: the wire form of a
	// fault rule, checked by eipsim.ParseFault).
	anyParams bool
}

func req(key string) param                { return param{key: key, required: true} }
func opt(key string) param                { return param{key: key} }
func flagArgOf(key string) param          { return param{key: key, kind: flagArg} }
func reqFlag(key string) param            { return param{key: key, required: true, kind: flagArg} }
func list(key string) param               { return param{key: key, kind: listArg} }
func cmd(name string, ps ...param) syntax { return syntax{name: name, params: ps} }
func cmdWords(name string, words ...string) syntax {
	return syntax{name: name, words: words}
}

// owned are the trailing arguments of the commands that add a resource.
var owned = []param{opt("RegionId"), opt("AccountId")}

// harness is every harness command, in the order of the package doc.
var harness = []syntax{
	cmd("new-sim", opt("seed"), list("region"), opt("associate-delay"), opt("unassociate-delay"), opt("release-delay"),
		opt("cooldown"), opt("quota"), list("ip-pool"), list("ids"), opt("token-ttl"), opt("token-limit"),
		opt("history-limit"),
		opt("multi-binded-limit"), opt("nat-entry-delay"), opt("nat-gateway-delay"), opt("havip-delay"),
		list("task-delay"), list("nat-eip-limits"), opt("snat-entry-quota"), opt("forward-entry-quota"),
		opt("nat-gateway-quota"), opt("havip-quota"), opt("nat-force-mode"), list("rate-limit"),
		opt("global-rate-limit"), opt("start")),
	cmdWords("advance", "delta"),
	cmdWords("as-account", "account"),
	cmdWords("request-ids", "on-or-off"),
	cmdWords("skip-request-ids", "count"),

	cmd("add-vpc", append([]param{req("VpcId"), flagArgOf("IsDefault")}, owned...)...),
	cmd("add-instance", append([]param{req("InstanceId"), opt("Status"), opt("VpcId"), flagArgOf("Classic"), flagArgOf("PublicIp"),
		list("PrivateIpAddresses")}, owned...)...),
	cmd("set-instance-status", req("InstanceId"), req("Status"), opt("Then"), opt("After")),
	cmd("delete-instance", req("InstanceId")),
	cmd("add-slb", append([]param{req("LoadBalancerId"), opt("AddressType"), opt("Status"), opt("VpcId")}, owned...)...),
	cmd("set-slb-status", req("LoadBalancerId"), req("Status")),
	cmd("delete-slb", req("LoadBalancerId")),
	cmd("add-eni", append([]param{req("NetworkInterfaceId"), opt("InstanceId"), opt("Type"), list("PrivateIpAddresses"),
		opt("Status"), opt("VpcId")}, owned...)...),
	cmd("attach-eni", req("NetworkInterfaceId"), req("InstanceId")),
	cmd("detach-eni", req("NetworkInterfaceId")),
	cmd("set-eni-status", req("NetworkInterfaceId"), opt("Status")),
	cmd("delete-eni", req("NetworkInterfaceId")),

	cmd("add-nat-gateway", append([]param{req("NatGatewayId"), opt("Name"), opt("VpcId")}, owned...)...),
	cmd("set-nat-gateway-financial-lock", req("NatGatewayId"), req("Locked")),
	cmd("add-havip", append([]param{req("HaVipId"), opt("IpAddress"), opt("VSwitchId"), opt("Name"), opt("Description"),
		opt("VpcId")}, owned...)...),
	cmd("convert-nat-public-ip", req("InstanceId")),
	cmd("set-system-busy", req("Action"), req("Times")),

	cmd("lock", req("AllocationId"), req("LockReason")),
	cmd("unlock", req("AllocationId"), req("LockReason")),
	cmd("set-deletion-protection", req("AllocationId"), reqFlag("Enabled")),

	{name: "inject-fault", anyParams: true},
	cmdWords("remove-fault", "id"),
	cmd("clear-faults"),
	cmd("release-stuck", opt("ResourceId")),
	cmd("faults"),

	cmdWords("set-rate-limit", "limit"),
	cmdWords("remove-rate-limit", "action"),
	cmdWords("set-global-rate-limit", "limit"),
	cmd("remove-global-rate-limit"),
	cmd("rate-limits"),

	cmd("describe-state"),
	cmd("tasks"),
	cmd("history"),
	cmd("check"),
}

// grammar is harness by name.
var grammar = func() map[string]*syntax {
	m := make(map[string]*syntax, len(harness))
	for i := range harness {
		m[harness[i].name] = &harness[i]
	}
	return m
}()

// keys returns the names of s's arguments, in order.
func (s *syntax) keys() []string {
	out := make([]string, len(s.params))
	for i, p := range s.params {
		out[i] = p.key
	}
	return out
}

// syntax returns the grammar of c's command; a command without one (a
// handler registered by a caller) takes no arguments.
func (c *Command) syntax() *syntax {
	if s, ok := grammar[c.Name]; ok {
		return s
	}
	return &syntax{name: c.Name}
}

// check checks that c has only its declared named arguments, none twice,
// and no input lines: the commands without values to read.
func (c *Command) check() error { return c.CheckArgs(c.syntax().keys()...) }

// words returns c's declared bare words, checking the rest as check does.
func (c *Command) words() ([]string, error) {
	s := c.syntax()
	return c.Positional(len(s.words), s.keys()...)
}

// values reads c's declared named arguments (absent ones are "") after
// checking that c has no others and has the required ones. A flag
// argument alone ("PublicIp") is "true"; list arguments are left to
// [Command.Strings].
func (c *Command) values() (map[string]string, error) {
	s := c.syntax()
	if err := c.check(); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range s.params {
		if p.required && !c.Has(p.key) {
			return nil, c.Errorf("missing argument %s", p.key)
		}
	}
	for _, p := range s.params {
		if !c.Has(p.key) || p.kind == listArg {
			continue
		}
		if a, _ := c.Arg(p.key); a.Vals == nil && p.kind == flagArg {
			out[p.key] = "true"
			continue
		}
		v, err := c.Value(p.key, "")
		if err != nil {
			return nil, err
		}
		out[p.key] = v
	}
	return out, nil
}

// lineWriter writes one harness command line in its declared form: bare
// words first, then the arguments set, in the declared order. An argument
// the grammar does not declare is written last, so that the reader refuses
// the line (and the tests see it) rather than losing it.
type lineWriter struct {
	s     *syntax
	words []string
	kv    []string // key, value, ... of the declared arguments set
	extra []string
}

// line starts a line of the harness command name.
func line(name string) lineWriter {
	s, ok := grammar[name]
	if !ok {
		s = &syntax{name: name}
	}
	return lineWriter{s: s}
}

// word appends a bare word.
func (w lineWriter) word(v string) lineWriter {
	w.words = append(w.words, v)
	return w
}

// set sets key=value, even when value is empty.
func (w lineWriter) set(key, value string) lineWriter {
	if w.s.anyParams || !slices.ContainsFunc(w.s.params, func(p param) bool { return p.key == key }) {
		w.extra = append(w.extra, key+"="+FormatValue(value))
		return w
	}
	w.kv = append(w.kv, key, value)
	return w
}

// raw appends an argument already written (Key=Value): the arguments of a
// command with anyParams.
func (w lineWriter) raw(arg string) lineWriter {
	w.extra = append(w.extra, arg)
	return w
}

// opt sets key=value when value is not empty.
func (w lineWriter) opt(key, value string) lineWriter {
	if value == "" {
		return w
	}
	return w.set(key, value)
}

// flag sets key=true when on.
func (w lineWriter) flag(key string, on bool) lineWriter {
	if on {
		return w.set(key, "true")
	}
	return w
}

// list sets key=(a, b); a single value is written as the canonical form
// ([Format]) writes it, without parentheses when it can be.
func (w lineWriter) list(key string, vals []string) lineWriter {
	if len(vals) == 1 && !strings.HasPrefix(vals[0], "(") {
		return w.opt(key, vals[0])
	}
	if len(vals) > 0 {
		return w.set(key, "("+strings.Join(vals, ", ")+")")
	}
	return w
}

// value returns the value set for key (the last one, if set twice).
func (w lineWriter) value(key string) (string, bool) {
	for i := len(w.kv) - 2; i >= 0; i -= 2 {
		if w.kv[i] == key {
			return w.kv[i+1], true
		}
	}
	return "", false
}

func (w lineWriter) String() string {
	var b strings.Builder
	b.WriteString(w.s.name)
	for _, v := range w.words {
		b.WriteString(" " + v)
	}
	for _, p := range w.s.params {
		if v, ok := w.value(p.key); ok {
			b.WriteString(" " + p.key + "=" + FormatValue(v))
		}
	}
	for _, x := range w.extra {
		b.WriteString(" " + x)
	}
	return b.String()
}
