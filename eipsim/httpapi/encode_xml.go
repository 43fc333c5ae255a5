package httpapi

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Format=XML: the common parameter Format takes JSON (the default) or XML;
// the older Go SDK (github.com/aliyun/alibaba-cloud-sdk-go, AcceptFormat
// "XML") sends XML and parses the answer with encoding/xml. The XML form of
// an answer is its JSON shape with the cloud's mapping: the root element is
// named after the Action's response (<AllocateEipAddressResponse>), an
// object's fields are child elements in order, a list is its elements
// repeated under the list's name (EipAddresses.EipAddress[] is
// <EipAddresses><EipAddress>...</EipAddress><EipAddress>...</EipAddress></EipAddresses>),
// and an error is <Error> with the five fields of the JSON error body.

// xmlContentType is the Content-Type of XML answers.
const xmlContentType = "text/xml;charset=utf-8"

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// wantsXML reports whether a Format value asks for XML (case-insensitive,
// as the gateway reads it); anything else is JSON.
func wantsXML(format string) bool { return strings.EqualFold(format, "XML") }

// jsonToXML rewrites a JSON object as the cloud's XML, under root.
func jsonToXML(body []byte, root string) ([]byte, error) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	if err := xmlValue(&b, d, root, 0); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errTrailingJSON
	}
	return b.Bytes(), nil
}

var errTrailingJSON = errors.New("httpapi: trailing data after the JSON answer")

// xmlValue writes the next JSON value of d as element name; an array is
// the element repeated.
func xmlValue(b *bytes.Buffer, d *json.Decoder, name string, depth int) error {
	if depth > maxXMLDepth {
		return errors.New("httpapi: answer nested too deep for XML")
	}
	tok, err := d.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			openTag(b, name)
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return err
				}
				k, _ := kt.(string)
				if err := xmlValue(b, d, k, depth+1); err != nil {
					return err
				}
			}
			if _, err := d.Token(); err != nil { // '}'
				return err
			}
			closeTag(b, name)
		case '[':
			for d.More() {
				if err := xmlValue(b, d, name, depth+1); err != nil {
					return err
				}
			}
			if _, err := d.Token(); err != nil { // ']'
				return err
			}
		}
	case nil:
		// null: left out.
	case string:
		openTag(b, name)
		_ = xml.EscapeText(b, []byte(t))
		closeTag(b, name)
	case json.Number:
		openTag(b, name)
		b.WriteString(t.String())
		closeTag(b, name)
	case bool:
		openTag(b, name)
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		closeTag(b, name)
	}
	return nil
}

// maxXMLDepth bounds nesting (wire shapes nest at most five deep).
const maxXMLDepth = 32

func openTag(b *bytes.Buffer, name string) {
	b.WriteByte('<')
	b.WriteString(name)
	b.WriteByte('>')
}

func closeTag(b *bytes.Buffer, name string) {
	b.WriteString("</")
	b.WriteString(name)
	b.WriteByte('>')
}
