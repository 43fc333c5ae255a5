package main

import "io"

// runServe is "eipsim serve": the VPC API over HTTP (not yet implemented).
func runServe(args []string, stdout, stderr io.Writer) int {
	return notYetImplemented("serve", "[flags]",
		"Serve the Alibaba Cloud VPC API (EIP actions) over HTTP on loopback. Not yet implemented.",
		args, stdout, stderr)
}
