package scenarios

// RequireReplays is requireReplays, for the tests of package scenarios_test.
var RequireReplays = requireReplays
