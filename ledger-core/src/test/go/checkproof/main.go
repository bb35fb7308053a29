// Command checkproof checks a Mingzhang gift's proof with Go's own implementations of C2SP signed notes
// (golang.org/x/mod/sumdb/note) and RFC 6962 Merkle trees (golang.org/x/mod/sumdb/tlog), not with Mingzhang's code.
// The Java tests run it on a real proof (TraceProofCheck's independent check); a donor or auditor may run it too.
//
// tlog's proofs are in RFC 6962 order already: a RecordProof is the audit path with the sibling nearest the leaf
// first, and a TreeProof is the consistency proof of RFC 6962, section 2.1.2 (tlog's own tests verify Certificate
// Transparency's audit_path and consistency answers with them as they come). Nothing is converted.
//
// Build offline from Debian's golang-go and golang-golang-x-mod-dev:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o checkproof main.go
//
// Usage:
//
//	checkproof -vkey <verifier key> -note <checkpoint note file> -leaf <transactionHash hex> -index <leafIndex>
//	           -path <file of base64 hashes, one a line> [-old-note <earlier checkpoint note file> -consistency <file>]
//
// It prints what it verified and exits 0, or prints why not and exits 1 (2 for bad usage).
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// checkpoint is a C2SP tlog-checkpoint: origin, size and root hash lines. (tlog.ParseTree reads only the
// "go.sum database tree" origin, so the three lines are read here.)
type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

func main() {
	vkey := flag.String("vkey", "", "the log's verifier key")
	notePath := flag.String("note", "", "file holding the checkpoint's signed note")
	leaf := flag.String("leaf", "", "the transaction hash, 64 hex digits: the leaf's data")
	index := flag.Int64("index", -1, "the leaf index")
	pathFile := flag.String("path", "", "file of the inclusion proof, base64 hashes one a line, lowest first")
	oldNote := flag.String("old-note", "", "file holding an earlier checkpoint's signed note")
	consistency := flag.String("consistency", "", "file of the consistency proof from the earlier checkpoint, base64 one a line")
	flag.Parse()
	if *vkey == "" || *notePath == "" || *leaf == "" || *index < 0 || *pathFile == "" || (*oldNote == "") != (*consistency == "") {
		flag.Usage()
		os.Exit(2)
	}
	verifier, err := note.NewVerifier(*vkey)
	if err != nil {
		fail("the verifier key: %v", err)
	}
	cp := open(*notePath, verifier)
	data, err := hex.DecodeString(*leaf)
	if err != nil || len(data) != tlog.HashSize {
		fail("the transaction hash is not 32 bytes of hex: %s", *leaf)
	}
	// RFC 6962 leaf hash: SHA-256(0x00 || data).
	leafHash := tlog.RecordHash(data)
	if err := tlog.CheckRecord(tlog.RecordProof(hashes(*pathFile)), cp.size, cp.root, *index, leafHash); err != nil {
		fail("inclusion of leaf %d in the tree of %d: %v", *index, cp.size, err)
	}
	fmt.Printf("signature ok: %s\ninclusion ok: leaf %d of %d, root %s\n", verifier.Name(), *index, cp.size, cp.root)
	if *oldNote != "" {
		old := open(*oldNote, verifier)
		if old.origin != cp.origin {
			fail("the earlier checkpoint is of another log: %s", old.origin)
		}
		if err := tlog.CheckTree(tlog.TreeProof(hashes(*consistency)), cp.size, cp.root, old.size, old.root); err != nil {
			fail("consistency of the tree of %d with the earlier tree of %d: %v", cp.size, old.size, err)
		}
		fmt.Printf("consistency ok: %d extends %d\n", cp.size, old.size)
	}
}

// open verifies the note with the key and reads its checkpoint.
func open(file string, verifier note.Verifier) checkpoint {
	msg, err := os.ReadFile(file)
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("the checkpoint's signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 4 || lines[3] != "" {
		fail("the checkpoint is not three lines: %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		fail("the checkpoint's size: %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("the checkpoint's root: %v", err)
	}
	return checkpoint{lines[0], size, root}
}

// hashes reads base64 hashes, one a line.
func hashes(file string) []tlog.Hash {
	raw, err := os.ReadFile(file)
	if err != nil {
		fail("%v", err)
	}
	var out []tlog.Hash
	scanner := bufio.NewScanner(bytes.NewReader(raw))
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(line)
		if err != nil || len(b) != tlog.HashSize {
			fail("not a base64 hash: %s", line)
		}
		var h tlog.Hash
		copy(h[:], b)
		out = append(out, h)
	}
	return out
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "checkproof: "+format+"\n", args...)
	os.Exit(1)
}
