package httpapi

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// rootName is the name of the first element of an XML document.
func rootName(t *testing.T, doc []byte) string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			t.Fatalf("no root element: %v: %s", err, doc)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

// TestXMLContract: every Action's answer, in its XML form, decodes by the
// SDK model's xml tags into the same model as its JSON form, under the
// root element <ActionResponse>.
func TestXMLContract(t *testing.T) {
	for _, a := range driveAll(t) {
		doc, err := jsonToXML(a.raw, a.action+"Response")
		if err != nil {
			t.Fatalf("%s: %v", a.action, err)
		}
		if got := rootName(t, doc); got != a.action+"Response" {
			t.Errorf("%s: root <%s>", a.action, got)
		}
		fromXML := reflect.New(reflect.TypeOf(a.body).Elem())
		if err := xml.Unmarshal(doc, fromXML.Interface()); err != nil {
			t.Fatalf("%s: %v: %s", a.action, err, doc)
		}
		x, _ := json.Marshal(fromXML.Interface())
		j, _ := json.Marshal(a.body)
		if px, pj := prune(decodeNumbers(x), ""), prune(decodeNumbers(j), ""); !reflect.DeepEqual(px, pj) {
			t.Errorf("%s: the XML form decodes to\n%s\nthe JSON form to\n%s\nXML: %s", a.action, x, j, doc)
		}
	}
}

// TestFormatXML: Format=XML answers success and errors in XML, with the
// XML Content-Type; the default stays JSON.
func TestFormatXML(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	h := NewHandler(sim, WithAuth(false))
	q := "/?Action=AllocateEipAddress&Version=2016-04-28&RegionId=cn-hangzhou&Bandwidth=5"
	ans := httptest.NewRecorder()
	h.ServeHTTP(ans, httptest.NewRequest(http.MethodPost, q+"&Format=XML", nil))
	if ans.Code != 200 || ans.Header().Get("Content-Type") != xmlContentType {
		t.Fatalf("%d %s: %s", ans.Code, ans.Header().Get("Content-Type"), ans.Body)
	}
	var ok vpc.AllocateEipAddressResponseBody
	if err := xml.Unmarshal(ans.Body.Bytes(), &ok); err != nil || !strings.HasPrefix(*ok.AllocationId, "eip-") || *ok.RequestId == "" {
		t.Fatalf("%v: %s", err, ans.Body)
	}
	if rootName(t, ans.Body.Bytes()) != "AllocateEipAddressResponse" {
		t.Errorf("root: %s", ans.Body)
	}

	ans = httptest.NewRecorder()
	h.ServeHTTP(ans, httptest.NewRequest(http.MethodPost, "/?Action=ReleaseEipAddress&Version=2016-04-28&RegionId=cn-hangzhou&Format=xml", nil))
	var e struct {
		RequestID string `xml:"RequestId"`
		HostID    string `xml:"HostId"`
		Code      string `xml:"Code"`
		Message   string `xml:"Message"`
		Recommend string `xml:"Recommend"`
	}
	if err := xml.Unmarshal(ans.Body.Bytes(), &e); err != nil || ans.Code != 400 || e.Code != "MissingParameter" ||
		e.RequestID == "" || e.Message == "" || e.HostID == "" || e.Recommend == "" || rootName(t, ans.Body.Bytes()) != "Error" {
		t.Errorf("XML error: %d %v %+v: %s", ans.Code, err, e, ans.Body)
	}
	// Refused before decoding (an unknown Version): still XML.
	ans = httptest.NewRecorder()
	h.ServeHTTP(ans, httptest.NewRequest(http.MethodPost, "/?Action=ReleaseEipAddress&Version=2014-01-01&Format=XML", nil))
	if rootName(t, ans.Body.Bytes()) != "Error" || ans.Header().Get("Content-Type") != xmlContentType {
		t.Errorf("refused request: %s", ans.Body)
	}

	ans = httptest.NewRecorder()
	h.ServeHTTP(ans, httptest.NewRequest(http.MethodPost, q, nil))
	if !json.Valid(ans.Body.Bytes()) || ans.Header().Get("Content-Type") != contentType {
		t.Errorf("default: %s %s", ans.Header().Get("Content-Type"), ans.Body)
	}
}

// TestJSONToXMLEscapes: text is escaped, arrays repeat, null is left out.
func TestJSONToXMLEscapes(t *testing.T) {
	got, err := jsonToXML([]byte(`{"A":"<&>","L":{"I":["x","y"]},"N":null,"B":true,"C":1.5}`), "R")
	want := xmlHeader + `<R><A>&lt;&amp;&gt;</A><L><I>x</I><I>y</I></L><B>true</B><C>1.5</C></R>`
	if err != nil || string(got) != want {
		t.Errorf("got %s, %v\nwant %s", got, err, want)
	}
	if _, err := jsonToXML([]byte(`{"A":1} {}`), "R"); err == nil {
		t.Error("trailing data accepted")
	}
}
