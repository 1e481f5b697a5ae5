//go:build pcre2 && cgo

package libpcre2

/*
#cgo pkg-config: libpcre2-8
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdlib.h>
#include <pcre2.h>

// Limits nmap (7.94+, PCRE2) sets on its match context.
static pcre2_match_context *signet_mctx_new(void) {
	pcre2_match_context *m = pcre2_match_context_create(NULL);
	if (m == NULL) return NULL;
	pcre2_set_match_limit(m, 50000);
	pcre2_set_depth_limit(m, 1000);
	pcre2_set_heap_limit(m, 10240);
	return m;
}

static pcre2_code *signet_compile(const unsigned char *pat, size_t len, uint32_t opts,
                                  int *errcode, size_t *erroff) {
	PCRE2_SIZE off = 0;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, (PCRE2_SIZE)len, opts, errcode, &off, NULL);
	*erroff = (size_t)off;
	return c;
}

static int signet_errmsg(int code, unsigned char *buf, size_t n) {
	return pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, (PCRE2_SIZE)n);
}

static uint32_t signet_capture_count(const pcre2_code *c) {
	uint32_t n = 0;
	pcre2_pattern_info(c, PCRE2_INFO_CAPTURECOUNT, &n);
	return n;
}

static pcre2_match_data *signet_md_new(const pcre2_code *c) {
	return pcre2_match_data_create_from_pattern(c, NULL);
}

static void signet_md_free(pcre2_match_data *md) { pcre2_match_data_free(md); }
static void signet_code_free(pcre2_code *c) { pcre2_code_free(c); }
static void signet_mctx_free(pcre2_match_context *m) { pcre2_match_context_free(m); }

static const unsigned char signet_empty[1] = {0};

// signet_match runs one match from offset 0 and returns pcre2_match's code.
static int signet_match(const pcre2_code *c, const unsigned char *subj, size_t len,
                        pcre2_match_data *md, pcre2_match_context *mctx) {
	if (subj == NULL) subj = signet_empty; // 10.42 rejects a NULL subject even with length 0
	return pcre2_match(c, (PCRE2_SPTR)subj, (PCRE2_SIZE)len, 0, 0, md, mctx);
}

static PCRE2_SIZE *signet_ovector(pcre2_match_data *md, uint32_t *pairs) {
	*pairs = pcre2_get_ovector_count(md);
	return pcre2_get_ovector_pointer(md);
}
*/
import "C"

import (
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"github.com/signetscan/signet/pcre"
)

// Result codes from pcre2.h that Exec maps to pcre.Regex semantics.
const (
	errNoMatch    = C.PCRE2_ERROR_NOMATCH
	errMatchLimit = C.PCRE2_ERROR_MATCHLIMIT
	errDepthLimit = C.PCRE2_ERROR_DEPTHLIMIT
	errHeapLimit  = C.PCRE2_ERROR_HEAPLIMIT
)

// Regexp is a pattern compiled by libpcre2-8. It is safe for concurrent use:
// each Exec borrows its own match data block from a pool.
type Regexp struct {
	src   string
	flags pcre.Flags
	ncap  int

	mu   sync.Mutex // guards code, mctx and idle
	code *C.pcre2_code
	mctx *C.pcre2_match_context
	// idle holds match data blocks for reuse by later Exec calls (a plain
	// free list: unlike sync.Pool it is not emptied by every GC, and
	// reusing a block also reuses PCRE2's backtracking frame vector).
	idle []*C.pcre2_match_data
}

// maxIdle bounds the match data blocks kept per pattern (about one per
// concurrent Exec).
const maxIdle = 8

var _ pcre.Regex = (*Regexp)(nil)

// Error is a libpcre2 match failure other than no-match and the limits
// (e.g. out of memory).
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("libpcre2: match error %d: %s", e.Code, e.Msg) }

func errorMessage(code C.int) string {
	var buf [256]C.uchar
	n := C.signet_errmsg(code, &buf[0], C.size_t(len(buf)))
	if n < 0 {
		return fmt.Sprintf("pcre2 error %d", int(code))
	}
	return C.GoStringN((*C.char)(unsafe.Pointer(&buf[0])), n)
}

// Compile compiles pattern with the options nmap passes to PCRE2: no UTF,
// PCRE2_CASELESS for pcre.Caseless, PCRE2_DOTALL for pcre.DotAll, nothing
// else. The pattern length is passed explicitly, so NUL bytes are allowed.
// Compile errors are *pcre.SyntaxError with PCRE2's offset and message.
func Compile(pattern string, flags pcre.Flags) (*Regexp, error) {
	return compile(pattern, flags, 0)
}

// CompileUnoptimized is Compile with PCRE2_NO_START_OPTIMIZE: no first
// or required code unit, no minimum length, each start position tried.
// PCRE2 10.42's first and last code unit optimisation is wrong after a
// lookahead ((?=a)a*a misses "a"; fixed in 10.45, PCRE2 pull request
// 444): differential tests ask it again unoptimised.
func CompileUnoptimized(pattern string, flags pcre.Flags) (*Regexp, error) {
	return compile(pattern, flags, C.PCRE2_NO_START_OPTIMIZE)
}

func compile(pattern string, flags pcre.Flags, opts C.uint32_t) (*Regexp, error) {
	if flags&pcre.Caseless != 0 {
		opts |= C.PCRE2_CASELESS
	}
	if flags&pcre.DotAll != 0 {
		opts |= C.PCRE2_DOTALL
	}
	// Copy with a trailing NUL so the pointer is valid even for "".
	pat := (*C.uchar)(C.CBytes(append([]byte(pattern), 0)))
	defer C.free(unsafe.Pointer(pat))
	var errcode C.int
	var erroff C.size_t
	code := C.signet_compile(pat, C.size_t(len(pattern)), opts, &errcode, &erroff)
	if code == nil {
		return nil, &pcre.SyntaxError{Offset: int(erroff), Msg: errorMessage(errcode)}
	}
	mctx := C.signet_mctx_new()
	if mctx == nil {
		C.signet_code_free(code)
		return nil, fmt.Errorf("libpcre2: cannot allocate match context")
	}
	re := &Regexp{
		src:   pattern,
		flags: flags,
		ncap:  int(C.signet_capture_count(code)),
		code:  code,
		mctx:  mctx,
	}
	runtime.SetFinalizer(re, (*Regexp).Free)
	return re, nil
}

// MustCompile is Compile that panics on error.
func MustCompile(pattern string, flags pcre.Flags) *Regexp {
	re, err := Compile(pattern, flags)
	if err != nil {
		panic(fmt.Sprintf("libpcre2: Compile(%q): %v", pattern, err))
	}
	return re
}

// Free releases the C memory now. It is optional (a finalizer does the same)
// and must not run concurrently with Exec. Exec after Free panics.
func (re *Regexp) Free() {
	re.mu.Lock()
	defer re.mu.Unlock()
	if re.code != nil {
		C.signet_code_free(re.code)
		re.code = nil
	}
	if re.mctx != nil {
		C.signet_mctx_free(re.mctx)
		re.mctx = nil
	}
	for _, md := range re.idle {
		C.signet_md_free(md)
	}
	re.idle = nil
	runtime.SetFinalizer(re, nil)
}

func (re *Regexp) getMatchData() *C.pcre2_match_data {
	re.mu.Lock()
	if re.code == nil {
		re.mu.Unlock()
		panic("libpcre2: Exec on freed Regexp")
	}
	if n := len(re.idle); n > 0 {
		md := re.idle[n-1]
		re.idle = re.idle[:n-1]
		re.mu.Unlock()
		return md
	}
	code := re.code
	re.mu.Unlock()
	return C.signet_md_new(code)
}

func (re *Regexp) putMatchData(md *C.pcre2_match_data) {
	re.mu.Lock()
	if re.code != nil && len(re.idle) < maxIdle {
		re.idle = append(re.idle, md)
		md = nil
	}
	re.mu.Unlock()
	if md != nil {
		C.signet_md_free(md)
	}
}

// Exec matches subject from offset 0 with nmap's limits (match 50000,
// depth 1000, heap 10240 KiB). It returns 2*(NumSubexp()+1) offsets with -1
// for unset groups; nil, nil on no match; nil, pcre.ErrMatchLimit when a
// limit was hit; nil, *Error for any other PCRE2 failure.
func (re *Regexp) Exec(subject []byte) ([]int, error) {
	md := re.getMatchData()
	if md == nil {
		return nil, fmt.Errorf("libpcre2: cannot allocate match data")
	}
	defer re.putMatchData(md)
	var subj *C.uchar
	if len(subject) > 0 {
		subj = (*C.uchar)(unsafe.Pointer(&subject[0]))
	}
	rc := C.signet_match(re.code, subj, C.size_t(len(subject)), md, re.mctx)
	runtime.KeepAlive(subject)
	switch {
	case rc >= 0:
		var pairs C.uint32_t
		ovp := C.signet_ovector(md, &pairs)
		ov := unsafe.Slice(ovp, 2*int(pairs))
		loc := make([]int, 2*(re.ncap+1))
		for i := range loc {
			// Pairs at or above rc did not participate; PCRE2_UNSET marks
			// unset pairs below it.
			if i/2 >= int(rc) || i >= len(ov) || ov[i] == C.PCRE2_UNSET {
				loc[i] = -1
			} else {
				loc[i] = int(ov[i])
			}
		}
		runtime.KeepAlive(re)
		return loc, nil
	case rc == errNoMatch:
		return nil, nil
	case rc == errMatchLimit, rc == errDepthLimit, rc == errHeapLimit:
		return nil, pcre.ErrMatchLimit
	default:
		return nil, &Error{Code: int(rc), Msg: errorMessage(rc)}
	}
}

// NumSubexp is the number of capturing groups.
func (re *Regexp) NumSubexp() int { return re.ncap }

// String returns the source pattern.
func (re *Regexp) String() string { return re.src }

// Flags returns the options the pattern was compiled with.
func (re *Regexp) Flags() pcre.Flags { return re.flags }
