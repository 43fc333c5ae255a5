// Package httpapi serves the simulator over HTTP, speaking the Alibaba Cloud
// RPC protocol of the VPC API (version 2016-04-28) exactly as the unmodified
// official Go SDK (github.com/alibabacloud-go/vpc-20160428/v6) sends it.
//
// # What is served
//
// One endpoint: POST (or GET) on "/". The action and version come from the
// x-acs-action and x-acs-version headers or the Action and Version
// parameters (both may be present, and must then agree). Parameters come
// from the URL query and, when the Content-Type is
// application/x-www-form-urlencoded, the body. The gateway parameters
// (Action, Version, Format, AccessKeyId, SecurityToken, Timestamp,
// Signature, SignatureMethod, SignatureVersion, SignatureNonce,
// SignatureType) are removed before the action sees its [Params]; RegionId
// stays. Lists arrive as Name.N and Name.N.Sub ([Params.List],
// [Params.Objects]).
//
// Every answer is a JSON object with Content-Type
// application/json;charset=utf-8 and an x-acs-request-id header. Success
// is 200 with the action's response, which always carries RequestId. Errors
// are the cloud's body {"RequestId","HostId","Code","Message","Recommend"}
// with the HTTP status of the code in the eipsim error catalogue. No input,
// and no panic below the handler, produces a non-JSON answer.
//
// Checks run in the order of the cloud's gateway, and each failure has its
// catalogued code:
//
//   - a path other than "/" or a method other than POST and GET: 404
//     InvalidAction.NotFound ("please check your url and method");
//   - a body over [DefaultMaxBodyBytes] (see [WithMaxBodyBytes]), a query
//     over [MaxQueryBytes], bad percent-encoding, a repeated parameter:
//     400 InvalidParameter;
//   - no action or no version: 400 MissingParameter naming Action or
//     Version; a version other than 2016-04-28: 400 InvalidVersion;
//   - an action the simulator does not serve: 404 InvalidAction.NotFound,
//     before authentication (the gateway resolves the API first);
//   - authentication, below;
//   - the action's own errors, from the Backend.
//
// # Authentication
//
// A request with an Authorization header must carry an ACS3-HMAC-SHA256
// signature (the SDK's default); one without must carry the legacy
// HMAC-SHA1 query signature (the SDK with SignatureAlgorithm "v2"). Keys
// are registered with [WithCredentials]; each maps an AccessKeyId to its
// secret and the account it acts for, so that the Backend can keep accounts
// apart. A [Credential] with a SecurityToken is an STS credential: its
// requests must carry that exact token.
//
//   - a malformed or missing Authorization, an algorithm other than
//     ACS3-HMAC-SHA256, a required header (host, content-type, every
//     x-acs-* header) left unsigned, missing v1 signature parameters:
//     400 IncompleteSignature;
//   - an unknown AccessKeyId: 404 InvalidAccessKeyId.NotFound;
//   - a wrong signature (wrong secret, or query, body or signed header
//     changed): 400 SignatureDoesNotMatch, whose message holds the string to
//     sign the server computed, as the cloud's does;
//   - a token that is not the credential's: 400
//     InvalidSecurityToken.MismatchWithAccessKey;
//   - an unparsable x-acs-date or Timestamp: 400 InvalidTimeStamp.Format;
//     one more than 15 minutes (see [WithClockSkew]) from Backend.Now, either
//     way: 400 InvalidTimeStamp.Expired (the SDK stamps the wall clock:
//     with a mock clock, turn this check off with [WithTimestampCheck]);
//   - a signature nonce used again by the same AccessKey within those 15
//     minutes: 400 SignatureNonceUsed;
//   - a new nonce while [DefaultMaxNonces] (see [WithMaxNonces]) unexpired
//     nonces are remembered: 503 ServiceUnavailable. The cache never forgets
//     a nonce early, so volume cannot turn a replay into a fresh request.
//
// Time is always the Backend's clock: the package never reads wall time,
// starts no goroutine and holds no timer. Remembered nonces expire by that
// clock and are pruned on every request. [WithAuth](false) switches all of this off for
// quick manual tests.
//
// # Serving a Sim
//
// [NewHandler] serves an *eipsim.Sim: every Action of the engine
// ([eipsim.Actions], so actions added to the engine are served without an
// edit here), as the account of the caller's key ([eipsim.WithAccount]).
// Parameters go to [eipsim.Sim.Call] by wire name. Responses take the cloud's
// JSON shapes, one written shape per Action (wire_shapes.go), each matching
// the official SDK's XxxResponseBody model: its field names, wrappers
// (EipAddresses.EipAddress, OperationLocks.LockReason) and JSON types
// (string Bandwidth, times as 2006-01-02T15:04:05Z). An Action without a
// written shape is answered InternalError, and the contract test fails. [NewBackendHandler] serves any [Backend] instead
// (the protocol layer's tests use a stub).
//
// # Pointing the SDK at it
//
// In process, with no socket at all, [NewSDKClient] returns an official
// *vpc.Client for a Sim, signing with [DefaultCredential] (or [AsCredential]),
// through [InProcessTransport] and [SDKHTTPClient]:
//
//	c, err := httpapi.NewSDKClient(sim)
//
// Over a socket (an httptest.Server, `eipsim serve`), [ClientConfig] gives
// the SDK the address without a scheme, plain HTTP, the test key, and
// NoProxy set to that exact address: the SDK honours HTTP_PROXY without a
// loopback exemption and matches NoProxy against the literal host:port.
//
//	c, err := vpc.NewClient(httpapi.ClientConfig("127.0.0.1:8080"))
//
// The SDK makes exactly one attempt per call unless Config.RetryOptions is
// set, and reports errors as *tea.SDKError with the Code and StatusCode sent
// here.
package httpapi
