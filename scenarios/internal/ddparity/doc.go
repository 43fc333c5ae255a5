// Package ddparity holds only tests: they check that package scenarios parses
// the scenario grammar exactly as github.com/cockroachdb/datadriven does.
//
// They live apart from package scenarios because datadriven registers a
// -rewrite flag on flag.CommandLine when it is imported; in the scenarios test
// binary that name belongs to scenarios' own -rewrite flag.
package ddparity
