module github.com/eipsim/eipsim

go 1.26

require (
	github.com/alibabacloud-go/darabonba-openapi/v2 v2.1.8
	github.com/alibabacloud-go/tea v1.3.9
	github.com/alibabacloud-go/vpc-20160428/v6 v6.12.8
	github.com/benbjohnson/clock v1.3.5
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/cockroachdb/datadriven v1.0.3
	github.com/looplab/fsm v1.0.3
	github.com/pmezard/go-difflib v1.0.0
	github.com/tidwall/btree v1.8.2
	github.com/tjfoc/gmsm v1.4.1
	pgregory.net/rapid v1.3.0
)

require (
	github.com/alibabacloud-go/alibabacloud-gateway-spi v0.0.5 // indirect
	github.com/alibabacloud-go/debug v1.0.1 // indirect
	github.com/alibabacloud-go/tea-utils/v2 v2.0.7 // indirect
	github.com/aliyun/credentials-go v1.4.5 // indirect
	github.com/clbanning/mxj/v2 v2.7.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/json-iterator/go v1.1.12 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	golang.org/x/net v0.26.0 // indirect
	gopkg.in/ini.v1 v1.67.0 // indirect
)
