package httpapi

import "github.com/eipsim/eipsim/eipsim"

// served is the set of actions the handler serves: every Action of the engine
// ([eipsim.Actions]), so that an action added to the engine is served without
// an edit here. An action not in it is answered with 404
// InvalidAction.NotFound before authentication, as the cloud's gateway
// resolves the API before it checks the caller.
var served = servedActions(eipsim.Actions())

func servedActions(list []eipsim.Action) map[eipsim.Action]bool {
	m := make(map[eipsim.Action]bool, len(list))
	for _, a := range list {
		m[a] = true
	}
	return m
}
