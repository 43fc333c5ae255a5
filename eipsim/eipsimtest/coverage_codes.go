package eipsimtest

// CatalogueCode is a code of the eipsim error catalogue (catalogue.go) and,
// when the model-based generators never produce it, why (Unreached).
// TestCatalogueCodesListed keeps the list equal to the catalogue's codes.
type CatalogueCode struct {
	Code      string
	Unreached string
}

// Reasons a code is not reached by the generators.
const (
	httpOnly = "answered by the HTTP endpoint (package httpapi) only, never by a Sim method"
	noPath   = "catalogued for clients' sake; no engine path answers it"
)

// CatalogueCodes are the catalogue's codes in its order.
var CatalogueCodes = []CatalogueCode{
	{"MissingParameter", ""}, {"InvalidParameter", ""}, {"Throttling", ""}, {"Throttling.User", ""},
	{"SignatureDoesNotMatch", httpOnly}, {"IncompleteSignature", httpOnly}, {"InvalidAccessKeyId.NotFound", httpOnly},
	{"InvalidTimeStamp.Expired", httpOnly}, {"SignatureNonceUsed", httpOnly}, {"InvalidVersion", httpOnly},
	{"InvalidAction.NotFound", "answered by the endpoint and by Sim.Call for an Action name no method has; the generators call methods"},
	{"Forbidden", ""}, {"IdempotentParameterMismatch", ""}, {"LastTokenProcessing", ""}, {"InternalError", ""},
	{"ServiceUnavailable", ""}, {"OperationFailed.SystemBusy", ""},
	{"DryRunOperation", ""},
	{"InvalidTimeStamp.Format", httpOnly}, {"InvalidSecurityToken.MismatchWithAccessKey", httpOnly},
	{"IncorrectEipStatus", ""}, {"InvalidAllocationId.NotFound", ""}, {"TaskConflict", ""}, {"InvalidBindingStatus", ""},
	{"Forbidden.FinancialLocked", ""}, {"InvalidEIPStatus.BizDisabled", ""}, {"OperationDenied", ""},
	{"Forbidden.RegionNotFound", ""}, {"InvalidRegionId.NotFound", ""}, {"QuotaExceeded.Eip", ""},
	{"OperationFailed.InsufficientEIP", ""}, {"Ip.Allocated", ""}, {"ResourceNotFound.Ip", ""},
	{"Forbidden.ChargeTypeIsPrepaid", ""}, {"InvalidOperation.DeletionProtection", ""},
	{"InvalidLockReason.NotFound", ""},
	{"InvalidIAssociatedInstanceType.ValueNotSupported", ""},
	{"InvalidChargeType.ValueNotSupported", ""},
	{"InvalidFilterKey.NotFound", ""}, {"InvalidFilterValue", noPath},
	{"InvalidBandwidth.Malformed", ""}, {"IllegalParam.Isp", ""},
	{"InvalidInstanceType.ValueNotSupported", ""},
	{"InvalidAssociation.Duplicated", ""}, {"InvalidParameter.Mismatch", ""}, {"IncorrectInstanceStatus", ""},
	{"IncorrectHaVipStatus", ""}, {"BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP", noPath},
	{"EIP_CAN_NOT_ASSOCIATE_WITH_PUBLIC_IP", ""}, {"NATGATEWAY_FINANCIALLOCKED", ""}, {"QuotaExceeded.NumberOfEip", ""},
	{"QuotaExceeded.NumberOfTrafficEip", ""}, {"Eni.Attached", ""}, {"Eni.HasSubIp", ""}, {"Invalid.DirectEip.BindType", ""},
	{"InvalidStatus.EcsStatusNotSupport", ""}, {"InvalidStatus.EniStatusNotSupport", ""}, {"Mode.Conflict", ""},
	{"OperationFailed.EipBindModeConflict", ""}, {"QuotaExceed.MultiBindedEip", ""}, {"InvalidEip.EipQuotaExceeded", ""},
	{"InvalidStatus.NotAllow", ""}, {"InvalidStatus.SnatOrDnat", ""}, {"InvalidLoadBalancerId.NotFound", ""},
	{"InvalidInstanceId.NotFound", ""}, {"InvalidInstanId.NotFound", ""}, {"InvalidBindInstance.NotFound", ""},
	{"OperationFailed.InstanceNotExist", noPath}, {"InvalidIpStatus.HasBeenUsedBySnatTable", ""},
	{"InvalidIpStatus.HasBeenUsedByForwardEntry", ""}, {"DependencyViolation.SnatEntry", ""}, {"IncorrectStatus.NatGateway", ""},
	{"InvalidSnatIp.NotFound", ""}, {"Forbidden.IpUsedInForwardTable", ""}, {"Forbidden.SnatEntryCountLimited", ""},
	{"QuotaExceeded", ""}, {"IncorretSnatEntryStatus", ""}, {"IncorretForwardEntryStatus", ""},
	{"InvalidExternalIp.NotFound", ""}, {"Forbidden.ExternalIp.UsedInSnatTable", ""}, {"OperationUnsupported.ForwardEntry", ""},
	{"InvalidExternalIp.Malformed", ""},
	{"InvalidInternalIp.Malformed", ""},
	{"InvalidExternalPort.Malformed", ""},
	{"InvalidInternalPort.Malformed", ""},
	{"InvalidProtocal.ValueNotSupported", ""},
	{"DependencyViolation", ""}, {"InvalidNatGatewayId.NotFound", ""}, {"InvalidSnatTableId.NotFound", ""},
	{"InvalidForwardTableId.NotFound", ""}, {"InvalidSnatEntryId.NotFound", ""}, {"InvalidForwardEntryId.NotFound", ""},
	{"InvalidHaVipId.NotFound", ""},
	{"IllegalParam.TagKey", ""}, {"IllegalParam.TagValue", ""}, {"MissingParam.TagKey", ""}, {"QuotaExceeded.TagNum", ""},
}
