package scenarios

import "fmt"

// ErrorLine is the output line of an Action that the cloud refused:
//
//	error <HTTPStatus> <Code>: <Message>
//
// for example "error 400 IncorrectEipStatus: Current elastic IP status does
// not support this operation.". Every failed Action's output contains it.
func ErrorLine(httpStatus int, code, message string) string {
	return fmt.Sprintf("error %d %s: %s", httpStatus, code, message)
}
