module github.com/eipsim/eipsim

go 1.26

require (
	github.com/alibabacloud-go/darabonba-openapi/v2 v2.1.8 // indirect
	github.com/alibabacloud-go/tea v1.3.9 // indirect
	github.com/alibabacloud-go/vpc-20160428/v6 v6.12.8 // indirect
	github.com/benbjohnson/clock v1.3.5 // indirect
	github.com/cockroachdb/datadriven v1.0.3 // indirect
	github.com/looplab/fsm v1.0.3 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	pgregory.net/rapid v1.3.0 // indirect
)
