package eipsim

// The error catalogue: the only place HTTP statuses and messages live.
// Messages are copied verbatim from the cloud's error tables, typos included
// (sources: ../shared/reference/eip-api-facts.md §1.3 and §3, and the
// UnassociateEipAddress API page). Where an action answers the same code with
// another status or message, byAction says so; alt holds further documented
// messages an action picks by case.

// Common (gateway-level) codes.
const (
	CodeMissingParameter            Code = "MissingParameter"
	CodeInvalidParameter            Code = "InvalidParameter"
	CodeThrottling                  Code = "Throttling"
	CodeThrottlingUser              Code = "Throttling.User"
	CodeSignatureDoesNotMatch       Code = "SignatureDoesNotMatch"
	CodeIncompleteSignature         Code = "IncompleteSignature"
	CodeInvalidAccessKeyIDNotFound  Code = "InvalidAccessKeyId.NotFound"
	CodeInvalidTimeStampExpired     Code = "InvalidTimeStamp.Expired"
	CodeSignatureNonceUsed          Code = "SignatureNonceUsed"
	CodeInvalidVersion              Code = "InvalidVersion"
	CodeInvalidActionNotFound       Code = "InvalidAction.NotFound"
	CodeForbidden                   Code = "Forbidden"
	CodeIdempotentParameterMismatch Code = "IdempotentParameterMismatch"
	CodeLastTokenProcessing         Code = "LastTokenProcessing"
	CodeInternalError               Code = "InternalError"
	CodeServiceUnavailable          Code = "ServiceUnavailable"
	CodeOperationFailedSystemBusy   Code = "OperationFailed.SystemBusy"
	CodeDryRunOperation             Code = "DryRunOperation"
)

// Gateway codes used by the HTTP endpoint (eipsim/httpapi) only.
const (
	CodeInvalidTimeStampFormat       Code = "InvalidTimeStamp.Format"
	CodeInvalidSecurityTokenMismatch Code = "InvalidSecurityToken.MismatchWithAccessKey"
)

// EIP codes.
const (
	CodeIncorrectEipStatus                 Code = "IncorrectEipStatus"
	CodeInvalidAllocationIDNotFound        Code = "InvalidAllocationId.NotFound"
	CodeTaskConflict                       Code = "TaskConflict"
	CodeInvalidBindingStatus               Code = "InvalidBindingStatus"
	CodeForbiddenFinancialLocked           Code = "Forbidden.FinancialLocked"
	CodeInvalidEIPStatusBizDisabled        Code = "InvalidEIPStatus.BizDisabled"
	CodeOperationDenied                    Code = "OperationDenied"
	CodeForbiddenRegionNotFound            Code = "Forbidden.RegionNotFound"
	CodeInvalidRegionIDNotFound            Code = "InvalidRegionId.NotFound"
	CodeQuotaExceededEip                   Code = "QuotaExceeded.Eip"
	CodeOperationFailedInsufficientEIP     Code = "OperationFailed.InsufficientEIP"
	CodeIPAllocated                        Code = "Ip.Allocated"
	CodeResourceNotFoundIP                 Code = "ResourceNotFound.Ip"
	CodeForbiddenChargeTypeIsPrepaid       Code = "Forbidden.ChargeTypeIsPrepaid"
	CodeInvalidOperationDeletionProtect    Code = "InvalidOperation.DeletionProtection"
	CodeInvalidLockReasonNotFound          Code = "InvalidLockReason.NotFound"
	CodeInvalidIAssociatedInstanceType     Code = "InvalidIAssociatedInstanceType.ValueNotSupported"
	CodeInvalidChargeTypeValueNotSupport   Code = "InvalidChargeType.ValueNotSupported"
	CodeInvalidFilterKeyNotFound           Code = "InvalidFilterKey.NotFound"
	CodeInvalidFilterValue                 Code = "InvalidFilterValue"
	CodeInvalidBandwidthMalformed          Code = "InvalidBandwidth.Malformed"
	CodeIllegalParamIsp                    Code = "IllegalParam.Isp"
	CodeInvalidInstanceTypeValueNotSupport Code = "InvalidInstanceType.ValueNotSupported"
)

// Target (instance) codes used by AssociateEipAddress and UnassociateEipAddress.
const (
	CodeInvalidAssociationDuplicated       Code = "InvalidAssociation.Duplicated"
	CodeInvalidParameterMismatch           Code = "InvalidParameter.Mismatch"
	CodeIncorrectInstanceStatus            Code = "IncorrectInstanceStatus"
	CodeIncorrectHaVipStatus               Code = "IncorrectHaVipStatus"
	CodeBindInstanceHavePortmapOrBindEip   Code = "BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP"
	CodeEipCanNotAssociateWithPublicIP     Code = "EIP_CAN_NOT_ASSOCIATE_WITH_PUBLIC_IP"
	CodeNatGatewayFinancialLocked          Code = "NATGATEWAY_FINANCIALLOCKED"
	CodeQuotaExceededNumberOfEip           Code = "QuotaExceeded.NumberOfEip"
	CodeQuotaExceededNumberOfTrafficEip    Code = "QuotaExceeded.NumberOfTrafficEip"
	CodeEniAttached                        Code = "Eni.Attached"
	CodeEniHasSubIP                        Code = "Eni.HasSubIp"
	CodeInvalidDirectEipBindType           Code = "Invalid.DirectEip.BindType"
	CodeInvalidStatusEcsStatusNotSupport   Code = "InvalidStatus.EcsStatusNotSupport"
	CodeInvalidStatusEniStatusNotSupport   Code = "InvalidStatus.EniStatusNotSupport"
	CodeModeConflict                       Code = "Mode.Conflict"
	CodeOperationFailedEipBindModeConflict Code = "OperationFailed.EipBindModeConflict"
	CodeQuotaExceedMultiBindedEip          Code = "QuotaExceed.MultiBindedEip"
	CodeInvalidEipEipQuotaExceeded         Code = "InvalidEip.EipQuotaExceeded"
	CodeInvalidStatusNotAllow              Code = "InvalidStatus.NotAllow"
	CodeInvalidStatusSnatOrDnat            Code = "InvalidStatus.SnatOrDnat"
	CodeInvalidLoadBalancerIDNotFound      Code = "InvalidLoadBalancerId.NotFound"
	CodeInvalidInstanceIDNotFound          Code = "InvalidInstanceId.NotFound"
	CodeInvalidInstanIDNotFound            Code = "InvalidInstanId.NotFound"
	CodeInvalidBindInstanceNotFound        Code = "InvalidBindInstance.NotFound"
	CodeOperationFailedInstanceNotExist    Code = "OperationFailed.InstanceNotExist"
	CodeInvalidIPStatusUsedBySnatTable     Code = "InvalidIpStatus.HasBeenUsedBySnatTable"
	CodeInvalidIPStatusUsedByForwardEntry  Code = "InvalidIpStatus.HasBeenUsedByForwardEntry"
	CodeDependencyViolationSnatEntry       Code = "DependencyViolation.SnatEntry"
	CodeIncorrectStatusNatGateway          Code = "IncorrectStatus.NatGateway"
)

// NAT gateway, SNAT and DNAT codes (eip-api-facts.md §5; the CreateForwardEntry
// error table at https://alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-createforwardentry;
// the DeleteNatGateway error table at https://help.aliyun.com/document_detail/120253.html).
// Codes and messages marked [I] are our choice: the rule is documented, its
// code or message is not.
const (
	CodeInvalidSnatIPNotFound              Code = "InvalidSnatIp.NotFound"
	CodeForbiddenIPUsedInForwardTable      Code = "Forbidden.IpUsedInForwardTable"
	CodeForbiddenSnatEntryCountLimited     Code = "Forbidden.SnatEntryCountLimited"
	CodeQuotaExceeded                      Code = "QuotaExceeded"
	CodeIncorretSnatEntryStatus            Code = "IncorretSnatEntryStatus"
	CodeIncorretForwardEntryStatus         Code = "IncorretForwardEntryStatus"
	CodeInvalidExternalIPNotFound          Code = "InvalidExternalIp.NotFound"
	CodeForbiddenExternalIPUsedInSnatTable Code = "Forbidden.ExternalIp.UsedInSnatTable"
	CodeOperationUnsupportedForwardEntry   Code = "OperationUnsupported.ForwardEntry"
	CodeInvalidExternalIPMalformed         Code = "InvalidExternalIp.Malformed"
	CodeInvalidInternalIPMalformed         Code = "InvalidInternalIp.Malformed"
	CodeInvalidExternalPortMalformed       Code = "InvalidExternalPort.Malformed"
	CodeInvalidInternalPortMalformed       Code = "InvalidInternalPort.Malformed"
	CodeInvalidProtocalValueNotSupported   Code = "InvalidProtocal.ValueNotSupported"
	CodeDependencyViolation                Code = "DependencyViolation"
	CodeInvalidNatGatewayIDNotFound        Code = "InvalidNatGatewayId.NotFound"
	CodeInvalidSnatTableIDNotFound         Code = "InvalidSnatTableId.NotFound"
	CodeInvalidForwardTableIDNotFound      Code = "InvalidForwardTableId.NotFound"
	CodeInvalidSnatEntryIDNotFound         Code = "InvalidSnatEntryId.NotFound"
	CodeInvalidForwardEntryIDNotFound      Code = "InvalidForwardEntryId.NotFound"
	CodeInvalidHaVipIDNotFound             Code = "InvalidHaVipId.NotFound"
)

// Tag codes (the VPC API's public error codes page,
// https://help.aliyun.com/en/vpc/developer-reference/api-vpc-2016-04-28-errorcodes).
const (
	CodeIllegalParamTagKey   Code = "IllegalParam.TagKey"
	CodeIllegalParamTagValue Code = "IllegalParam.TagValue"
	CodeMissingParamTagKey   Code = "MissingParam.TagKey"
	// [I] The 20-tags-per-resource limit is documented, its code is not.
	CodeQuotaExceededTagNum Code = "QuotaExceeded.TagNum"
)

type codeInfo struct {
	status   int
	message  string
	byAction map[Action]codeInfo
	alt      []string
}

// Indexes into alt lists, named for the case that selects them.
const (
	altOperationDeniedNotInVPC       = 0
	altInvalidParameterNamed         = 0
	altInvalidInternetChargeType     = 1
	altInvalidBandwidthAllocate      = 2
	altInvalidBandwidthModify        = 3
	altDependencyViolationSnatDepend = 0
)

var catalogue = map[Code]codeInfo{
	// Common codes.
	CodeMissingParameter: {status: 400, message: `The input parameter "%s" that is mandatory for processing this request is not supplied.`},
	CodeInvalidParameter: {status: 400, message: "The specified parameter is not valid.",
		alt: []string{
			`The specified value of parameter "%s" is not valid.`,
			`Specified value of "InternetChargeType" is not valid`,
			`Specified value of "Bandwidth" is not valid.`,
			`Specified value of "Bandwidth" is not supported.`,
		}},
	CodeThrottling:                  {status: 400, message: "Request was denied due to request throttling."},
	CodeThrottlingUser:              {status: 400, message: "Request was denied due to user flow control."},
	CodeSignatureDoesNotMatch:       {status: 400, message: "Specified signature is not matched with our calculation. server string to sign is:%s"},
	CodeIncompleteSignature:         {status: 400, message: "The request signature does not conform to Aliyun standards."},
	CodeInvalidAccessKeyIDNotFound:  {status: 404, message: "Specified access key is not found."},
	CodeInvalidTimeStampExpired:     {status: 400, message: "Specified time stamp or date value is expired."},
	CodeSignatureNonceUsed:          {status: 400, message: "Specified signature nonce was used already."},
	CodeInvalidVersion:              {status: 400, message: "Specified parameter Version is not valid."},
	CodeInvalidActionNotFound:       {status: 404, message: "Specified api is not found, please check your url and method."},
	CodeIdempotentParameterMismatch: {status: 400, message: "Request uses a client token in a previous request but is not identical to that request."},
	CodeLastTokenProcessing:         {status: 403, message: "The last token request is processing."},
	CodeInternalError:               {status: 500, message: "The request processing has failed due to some unknown error."},
	CodeServiceUnavailable:          {status: 503, message: "The request has failed due to a temporary failure of the server."},
	CodeOperationFailedSystemBusy: {status: 400, message: "Operation failed because system is busy.",
		byAction: map[Action]codeInfo{ActionAllocateEipAddress: {status: 500}}},
	// [I] The HTTP status of DryRunOperation is not documented; 400 as for other validation answers.
	CodeDryRunOperation: {status: 400, message: "Request validation has been passed with DryRun flag set."},
	CodeForbidden: {status: 403, message: "User not authorized to operate on the specified resource.",
		byAction: map[Action]codeInfo{
			ActionAssociateEipAddress:       {status: 400, message: "The eip instance owner error"},
			ActionUnassociateEipAddress:     {status: 400, message: "The eip instance owener error"},
			ActionReleaseEipAddress:         {status: 400, message: "The eip instance owner error"},
			ActionModifyEipAddressAttribute: {status: 400, message: "The eip instance owner error"},
		}},

	// Gateway codes of the HTTP endpoint. [I] From the POP gateway's
	// conventions, not from a VPC error table, like the other signature codes
	// (sdk-wire-protocol.md §5.3).
	CodeInvalidTimeStampFormat:       {status: 400, message: "Specified time stamp or date value is not well formatted."},
	CodeInvalidSecurityTokenMismatch: {status: 400, message: "Specified SecurityToken mismatch with the AccessKey."},

	// EIP codes.
	CodeIncorrectEipStatus: {status: 400, message: "Current elastic IP status does not support this operation.",
		byAction: map[Action]codeInfo{ActionAssociateEipAddress: {message: "Current elastic IP status does not support this operation"}}},
	CodeInvalidAllocationIDNotFound: {status: 404, message: "Specified allocation ID is not found",
		byAction: map[Action]codeInfo{ActionReleaseEipAddress: {message: "Specified allocation ID is not found."}}},
	CodeTaskConflict:                {status: 400, message: "The eip operate too frequent, TaskConflict."},
	CodeInvalidBindingStatus:        {status: 400, message: "The eip binding status invalid."},
	CodeForbiddenFinancialLocked:    {status: 400, message: "The ip business status is invalid."},
	CodeInvalidEIPStatusBizDisabled: {status: 400, message: "The EIP has been locked."},
	CodeOperationDenied: {status: 400, message: "Eip of default vpc not allow this operation",
		alt: []string{"Specified instance is not in VPC."}},
	CodeForbiddenRegionNotFound: {status: 404, message: "Specified region is not found during access authentication.",
		byAction: map[Action]codeInfo{ActionAssociateEipAddress: {message: "Specified instance is not found during access authentication."}}},
	CodeInvalidRegionIDNotFound: {status: 404, message: `Specified value of "RegionId" is not supported.`,
		byAction: map[Action]codeInfo{ActionAssociateEipAddress: {message: "Specified value of InstanceRegionId is not supported."}}},
	CodeQuotaExceededEip:                 {status: 400, message: "Elastic IP address quota exceeded"},
	CodeOperationFailedInsufficientEIP:   {status: 400, message: "Eip resource is not enough."},
	CodeIPAllocated:                      {status: 400, message: "The reserve ip has been allocated."},
	CodeResourceNotFoundIP:               {status: 400, message: "The specified ip is not found."},
	CodeForbiddenChargeTypeIsPrepaid:     {status: 400, message: "It's forbidden to release a prepaid EIP"},
	CodeInvalidOperationDeletionProtect:  {status: 400, message: "The instance cannnot delete because of deletion protecion."},
	CodeInvalidLockReasonNotFound:        {status: 404, message: "The specified LockReason is not found"},
	CodeInvalidIAssociatedInstanceType:   {status: 400, message: "The specified value of AssociatedInstanceType is not supported."},
	CodeInvalidChargeTypeValueNotSupport: {status: 400, message: "The specified ChargeType is not supported."},
	// The cloud documents these two with an empty message.
	CodeInvalidFilterKeyNotFound:           {status: 404, message: ""},
	CodeInvalidFilterValue:                 {status: 404, message: ""},
	CodeInvalidBandwidthMalformed:          {status: 400, message: "The specified Bandwidth is invalid."},
	CodeIllegalParamIsp:                    {status: 400, message: "The param of %s is illegal."},
	CodeInvalidInstanceTypeValueNotSupport: {status: 400, message: "The specified value of InstanceType is not supported."},

	// Target codes.
	CodeInvalidAssociationDuplicated: {status: 400, message: "Specified instance already is associated."},
	CodeInvalidParameterMismatch:     {status: 400, message: "Specified elastic IP address and ECS instance are not in the same region."},
	CodeIncorrectInstanceStatus: {status: 400, message: "The current status of instance does not support this operation.",
		byAction: map[Action]codeInfo{ActionAssociateEipAddress: {message: "Current instance status does not support this operation."}}},
	CodeIncorrectHaVipStatus: {status: 400, message: "HaVip can be operated by this action only when it's status is Available or InUse.",
		byAction: map[Action]codeInfo{ActionUnassociateEipAddress: {message: "This operation is denied because satus of the specified HaVip is neither Available nor InUse."}}},
	CodeBindInstanceHavePortmapOrBindEip: {status: 400, message: "The instance may have portMap or already bind eip."},
	CodeEipCanNotAssociateWithPublicIP:   {status: 400, message: "instance already bind natpublicip,cannot bind eip."},
	CodeNatGatewayFinancialLocked:        {status: 400, message: "The NatGateway has expire, cannot do bind operation."},
	CodeQuotaExceededNumberOfEip:         {status: 400, message: "Binded eip Quota exceed on this NatGw."},
	CodeQuotaExceededNumberOfTrafficEip:  {status: 400, message: "The number of traffic eip on natgw exceed limitation."},
	CodeEniAttached:                      {status: 400, message: "The eni should be detached from ecs when associating with direct eip."},
	CodeEniHasSubIP:                      {status: 400, message: "Eni has sub ip can not bind direct eip."},
	CodeInvalidDirectEipBindType:         {status: 400, message: "The direct eip can be only associated with eni."},
	CodeInvalidStatusEcsStatusNotSupport: {status: 400, message: "The special instance status Pending is not support operate",
		byAction: map[Action]codeInfo{ActionAssociateEipAddress: {message: "The special instance status is not support operate"}}},
	// The cloud documents the message as "%s": the ENI's status fills it.
	CodeInvalidStatusEniStatusNotSupport:   {status: 400, message: "%s"},
	CodeModeConflict:                       {status: 400, message: "The eni can bind only one mode of eip."},
	CodeOperationFailedEipBindModeConflict: {status: 400, message: "Eips can not bind Eni with NAT mode and MULTI_BINDED mode at the same time."},
	CodeQuotaExceedMultiBindedEip:          {status: 400, message: "The number of multi binded eip is over limit."},
	CodeInvalidEipEipQuotaExceeded:         {status: 400, message: "The specified eni assigned eip is more than privateIp."},
	CodeInvalidStatusNotAllow:              {status: 400, message: "Bind instance status invalid"},
	CodeInvalidStatusSnatOrDnat:            {status: 400, message: "Operation failed because snat or dnat in unstable status."},
	CodeInvalidLoadBalancerIDNotFound:      {status: 400, message: "LoadBalancerId does not exist."},
	CodeInvalidInstanceIDNotFound:          {status: 400, message: "Specified instance does not exist."},
	CodeInvalidInstanIDNotFound:            {status: 404, message: "Specified instance does not exist."},
	CodeInvalidBindInstanceNotFound:        {status: 404, message: "The specified bind instance does not exist."},
	CodeOperationFailedInstanceNotExist:    {status: 400, message: "The ECS instance does not exist, or is not a VPC VM."},
	CodeInvalidIPStatusUsedBySnatTable:     {status: 400, message: "The removed ip address has been used by snat table."},
	CodeInvalidIPStatusUsedByForwardEntry:  {status: 400, message: "The specified address has been used by forwardTable."},
	CodeDependencyViolationSnatEntry: {status: 400, message: "The specified eip is in ip pool.",
		alt: []string{"The specified resource of Snat depends on Eip, so the operation cannot be completed."}},
	// The cloud documents the message as "%s": the gateway and its status fill it.
	CodeIncorrectStatusNatGateway: {status: 400, message: "%s"},

	// NAT gateway, SNAT and DNAT codes.
	CodeInvalidSnatIPNotFound:         {status: 404, message: "Specified SnatIp does not found on the NAT Gateway"},
	CodeForbiddenIPUsedInForwardTable: {status: 400, message: "The specified SnatIp already used in forward table"},
	// CreateSnatEntry's documented quota code. The doc's message shows a
	// garbled apostrophe ("reach it?s limit."); written here with ASCII "'".
	CodeForbiddenSnatEntryCountLimited: {status: 400, message: "SNAT entry in the specified SNAT table reach it's limit."},
	// [I] for DNAT: CreateForwardEntry documents the limit (100 per DNAT
	// table) but no code for it. QuotaExceeded is the VPC API's documented
	// code for a full table (CreateRouteEntry: "Route entry quota exceeded
	// in this route table."); the message is written after that one.
	// [I] likewise for CreateNatGateway (5 per VPC) and CreateHaVip (50 per
	// account): their error tables name no quota code; the messages are ours.
	CodeQuotaExceeded: {status: 400, message: "Forward entry quota exceeded in this forward table.",
		byAction: map[Action]codeInfo{
			ActionCreateNatGateway: {message: "NAT gateway quota exceeded in this VPC."},
			ActionCreateHaVip:      {message: "HaVip quota exceeded in this region."},
		}},
	CodeIncorretSnatEntryStatus:          {status: 400, message: "Some Snat entry status blocked this operation.."},
	CodeIncorretForwardEntryStatus:       {status: 400, message: "Some Forward entry status blocked this operation.."},
	CodeOperationUnsupportedForwardEntry: {status: 400, message: "Duplicated destination ip port is unsupported."},
	CodeInvalidExternalIPMalformed:       {status: 400, message: "The specified ExternalIp is not a valid IP address."},
	CodeInvalidInternalIPMalformed:       {status: 400, message: "The specified InternalIp is not a valid IP address."},
	CodeInvalidExternalPortMalformed:     {status: 400, message: "The specified ExternalPort is not a valid port."},
	CodeInvalidInternalPortMalformed:     {status: 400, message: "The specified InternalPort is not a valid port."},
	CodeInvalidProtocalValueNotSupported: {status: 400, message: "The specified IpProtocol does not support."},
	// The status (404) is documented; the message is [I].
	CodeInvalidExternalIPNotFound: {status: 404, message: "Specified ExternalIp does not found on the NAT Gateway"},
	// [I] message, after its SNAT twin Forbidden.IpUsedInForwardTable.
	CodeForbiddenExternalIPUsedInSnatTable: {status: 400, message: "The specified ExternalIp already used in snat table"},
	// [I] code: DeleteNatGateway (Force=false) and DeleteHaVip refused for a
	// dependent resource. The message format is the one the DeleteNatGateway
	// table gives its DependencyViolation.* codes.
	CodeDependencyViolation: {status: 400, message: "The specified resource of %s depends on %s, so the operation cannot be completed."},
	// [I] codes and messages for IDs that do not exist.
	CodeInvalidNatGatewayIDNotFound:   {status: 404, message: "The specified NatGatewayId does not exist."},
	CodeInvalidSnatTableIDNotFound:    {status: 404, message: "The specified SnatTableId does not exist."},
	CodeInvalidForwardTableIDNotFound: {status: 404, message: "The specified ForwardTableId does not exist."},
	CodeInvalidSnatEntryIDNotFound:    {status: 404, message: "The specified SnatEntryId does not exist."},
	CodeInvalidForwardEntryIDNotFound: {status: 404, message: "The specified ForwardEntryId does not exist."},
	CodeInvalidHaVipIDNotFound:        {status: 404, message: "The specified HaVipId does not exist."},

	// Tag codes.
	CodeIllegalParamTagKey:   {status: 400, message: "The param of %s is illegal."},
	CodeIllegalParamTagValue: {status: 400, message: "The param of %s is illegal."},
	CodeMissingParamTagKey:   {status: 400, message: "The parameter TagKey is mandatory."},
	// [I] code and message: the limit (20 tags per resource) is documented.
	CodeQuotaExceededTagNum: {status: 400, message: "The number of tags on the resource exceeds the limit of 20."},
}
