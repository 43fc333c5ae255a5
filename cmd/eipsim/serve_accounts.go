package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	engine "github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// accountEntry is one element of the -accounts file.
type accountEntry struct {
	AccessKeyID     string `json:"accessKeyId"`
	AccessKeySecret string `json:"accessKeySecret"`
	AccountID       string `json:"accountId"`
	// SecurityToken makes the key an STS key: requests must carry this token.
	SecurityToken string `json:"securityToken,omitempty"`
}

// maxAccountsFile bounds the -accounts file.
const maxAccountsFile = 1 << 20

// readAccounts reads the -accounts file: a non-empty JSON array of
// {"accessKeyId", "accessKeySecret", "accountId"} (and optionally
// "securityToken"), with no unknown fields and no AccessKeyId twice. An empty
// accountId is the engine's default account.
func readAccounts(path string) ([]httpapi.Credential, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(src) > maxAccountsFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxAccountsFile)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	var entries []accountEntry
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("%s: want a JSON array of {\"accessKeyId\", \"accessKeySecret\", \"accountId\"}: %v", path, err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: no accounts", path)
	}
	seen := map[string]bool{}
	creds := make([]httpapi.Credential, 0, len(entries))
	for i, e := range entries {
		if e.AccessKeyID == "" || e.AccessKeySecret == "" {
			return nil, fmt.Errorf("%s: entry %d: accessKeyId and accessKeySecret are required", path, i+1)
		}
		if seen[e.AccessKeyID] {
			return nil, fmt.Errorf("%s: entry %d: accessKeyId %q given twice", path, i+1, e.AccessKeyID)
		}
		seen[e.AccessKeyID] = true
		if e.AccountID == "" {
			e.AccountID = engine.DefaultAccountID
		}
		creds = append(creds, httpapi.Credential{
			AccessKeyID: e.AccessKeyID, AccessKeySecret: e.AccessKeySecret, AccountID: e.AccountID, SecurityToken: e.SecurityToken,
		})
	}
	return creds, nil
}
