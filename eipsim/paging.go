package eipsim

import "math"

// maxPageNumber is the largest PageNumber any listing accepts: the SDK sends
// PageNumber as an int32, so the cloud never sees a larger one. A larger
// value is InvalidParameter naming PageNumber.
const maxPageNumber = math.MaxInt32

// checkPage defaults PageNumber (1) and PageSize (10) and checks them:
// PageNumber in [1, maxPageNumber], PageSize in [1, maxSize]. It runs before
// any listing work, so pageBounds only ever sees checked values.
func (c *call) checkPage(num, size *int, maxSize int) *Error {
	if *num == 0 {
		*num = 1
	}
	if *size == 0 {
		*size = 10
	}
	if *num < 1 || *num > maxPageNumber {
		return c.invalid("PageNumber")
	}
	if *size < 1 || *size > maxSize {
		return c.invalid("PageSize")
	}
	return nil
}

// pageBounds returns the slice bounds of page num (1-based) of size entries
// in a listing of total, shifted by skip entries. It cannot overflow: the
// offset is compared with total by division before it is multiplied.
func pageBounds(num, size, total, skip int) (lo, hi int) {
	if num-1 > total/size {
		return total, total
	}
	if lo = (num - 1) * size; lo > total-skip {
		lo = total
	} else {
		lo += skip
	}
	return lo, lo + min(size, total-lo)
}
