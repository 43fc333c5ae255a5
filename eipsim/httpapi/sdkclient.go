package httpapi

import (
	"net/http"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim"
)

// The documented test AccessKey: what [NewSDKClient] signs with, what
// [DefaultCredential] accepts, and what `eipsim serve` accepts unless told
// otherwise. It is not a secret; never use it against the real cloud.
const (
	DefaultAccessKeyID     = "LTAI5tEipsimTestKey01"
	DefaultAccessKeySecret = "eipsim-test-secret"
)

// InProcessEndpoint is the Endpoint of SDK clients that reach a handler in
// process: it is only the signed Host, never resolved.
const InProcessEndpoint = "vpc.eipsim.internal"

// DefaultCredential is the documented test AccessKey, acting for
// [DefaultAccountID], the engine's default account.
func DefaultCredential() Credential {
	return Credential{AccessKeyID: DefaultAccessKeyID, AccessKeySecret: DefaultAccessKeySecret, AccountID: DefaultAccountID}
}

// ClientOption configures [NewSDKClient].
type ClientOption func(*clientConfig)

type clientConfig struct {
	cred    Credential
	handler []Option
	config  []func(*openapi.Config)
}

// AsCredential makes the client sign with c (default [DefaultCredential]),
// and the handler accept it; c.AccountID is the account the client acts for.
func AsCredential(c Credential) ClientOption {
	return func(cc *clientConfig) { cc.cred = c }
}

// WithHandlerOptions passes options to the handler behind the client, after
// the client's own (the credential, and the timestamp check off).
func WithHandlerOptions(opts ...Option) ClientOption {
	return func(cc *clientConfig) { cc.handler = append(cc.handler, opts...) }
}

// WithConfig edits the SDK Config before the client is built (to set
// SignatureAlgorithm "v2", a UserAgent, RetryOptions, ...).
func WithConfig(f func(*openapi.Config)) ClientOption {
	return func(cc *clientConfig) { cc.config = append(cc.config, f) }
}

// NewSDKClient returns an official VPC SDK client (github.com/alibabacloud-go/
// vpc-20160428/v6) that reaches sim with no socket: Config.HttpClient hands
// each request to [NewHandler] in the caller's goroutine. Every request is
// still built, signed and checked exactly as over the network.
//
// By default the client signs with [DefaultCredential] and so acts for
// [DefaultAccountID]; [AsCredential] picks another account. Clients for
// several accounts of one Sim are several NewSDKClient calls.
//
// The handler's timestamp check is off: the SDK stamps x-acs-date with the
// wall clock, while a Sim in a test usually runs on a mock clock, and the
// check would refuse every call once that clock is 15 minutes away.
// Signatures, tokens and nonce replay are still checked (nonces expire by the
// Sim's clock). To turn the check back on, pass
// WithHandlerOptions(WithTimestampCheck(true)).
//
// Proxies: the SDK honours HTTP_PROXY with no loopback exemption (wire doc
// §8). This client never dials, so no proxy setting can intercept it.
func NewSDKClient(sim *eipsim.Sim, opts ...ClientOption) (*vpc.Client, error) {
	cc := clientConfig{cred: DefaultCredential()}
	for _, o := range opts {
		o(&cc)
	}
	hopts := append([]Option{WithCredentials(cc.cred), WithTimestampCheck(false)}, cc.handler...)
	return newInProcessClient(NewHandler(sim, hopts...), cc.cred, cc.config)
}

// newInProcessClient is an SDK client signing with cred that sends every
// call to h in process.
func newInProcessClient(h http.Handler, cred Credential, edits []func(*openapi.Config)) (*vpc.Client, error) {
	cfg := ClientConfig(InProcessEndpoint)
	cfg.AccessKeyId = tea.String(cred.AccessKeyID)
	cfg.AccessKeySecret = tea.String(cred.AccessKeySecret)
	if cred.SecurityToken != "" {
		cfg.SecurityToken = tea.String(cred.SecurityToken)
	}
	cfg.HttpClient = SDKHTTPClient{Transport: InProcessTransport(h)}
	for _, f := range edits {
		f(cfg)
	}
	return vpc.NewClient(cfg)
}

// ClientConfig returns the SDK Config for an eipsim listening on endpoint
// (host:port, no scheme, as `eipsim serve` prints it): plain HTTP, the
// documented test AccessKey, and NoProxy set to endpoint, since the SDK
// otherwise sends even loopback calls through HTTP_PROXY. Change the keys
// for another account.
func ClientConfig(endpoint string) *openapi.Config {
	return &openapi.Config{
		AccessKeyId:     tea.String(DefaultAccessKeyID),
		AccessKeySecret: tea.String(DefaultAccessKeySecret),
		RegionId:        tea.String("cn-hangzhou"),
		Endpoint:        tea.String(endpoint),
		Protocol:        tea.String("http"),
		NoProxy:         tea.String(endpoint),
	}
}
