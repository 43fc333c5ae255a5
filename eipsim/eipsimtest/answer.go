package eipsimtest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The messages the model selects by case: documented alternative wordings
// of InvalidParameter (eip-api-facts.md §1.3 and §3), spelled here, apart
// from the engine's catalogue, so that an engine picking the wrong variant
// disagrees with the model.
const bandwidthUnsupported = `Specified value of "Bandwidth" is not supported.`

func invalidNamed(param string) string {
	return fmt.Sprintf(`The specified value of parameter "%s" is not valid.`, param)
}

// natStatusArgs fills IncorrectStatus.NatGateway's message.
func natStatusArgs(g *mGateway) []any {
	return []any{"The status of NatGateway " + g.id + " is " + g.status + "."}
}

// answerMismatch compares an error's HTTP status and message with what the
// model predicts for w (its code already agrees): the catalogue's answer
// for (code, action), filled with w.args, or w.msg exactly. Where the
// model gives no values for a message template, the message must match
// the template with any text in its %s holes. It returns "" when they
// agree.
func answerMismatch(action string, w want, e *eipsim.Error) string {
	exp := eipsim.NewError(eipsim.Code(w.code), eipsim.Action(action), "", w.args...)
	if exp.HTTPStatus != e.HTTPStatus {
		return fmt.Sprintf("HTTP status %d, model expects %d", e.HTTPStatus, exp.HTTPStatus)
	}
	switch {
	case w.msg != "":
		if e.Message != w.msg {
			return fmt.Sprintf("message %q, model expects %q", e.Message, w.msg)
		}
	case len(w.args) == 0 && strings.Contains(exp.Message, "%"):
		if !templateRE(exp.Message).MatchString(e.Message) {
			return fmt.Sprintf("message %q does not fill the template %q", e.Message, exp.Message)
		}
	case e.Message != exp.Message:
		return fmt.Sprintf("message %q, model expects %q", e.Message, exp.Message)
	}
	return ""
}

// templateRE matches the fills of a message template's %s holes (one or
// more characters each).
func templateRE(tmpl string) *regexp.Regexp {
	parts := strings.Split(tmpl, "%s")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".+") + "$")
}

// refuse is the want of a refused call whose code a helper of the model
// chose: "Code" or, for InvalidParameter naming a parameter,
// "InvalidParameter:Name".
func refuse(code string) want {
	if c, param, ok := strings.Cut(code, ":"); ok {
		return want{code: c, msg: invalidNamed(param), refused: true}
	}
	return want{code: code, refused: true}
}
