// Package pcre is signet's regular-expression engine: a pure-Go backtracking
// matcher for the PCRE subset used by nmap-service-probes, with the byte
// semantics of PCRE2 10.42 in its default mode (no UTF, no UCP, "C" locale
// tables, newline = LF).
//
// # Semantics
//
// Patterns and subjects are raw bytes: `\xff` is the byte 0xFF, `.` and
// classes see bytes, `\w \d \s` (with VT in \s), `\b`, POSIX classes are
// ASCII, `\h` is HT/SP/0xA0, `\v` and `\R` include NEL (0x85), caseless
// matching folds ASCII letters only, and `$` is PCRE's default (end, or
// before a final newline). Supported: all escapes of the reference file
// (\xHH \x{HH} \0 \ddd \o{} \cX \e \a \f \n \r \t \Q..\E, back references
// \N, \g{N}, \g-N, \k<n>, (?P=n)), classes with ranges, POSIX names and
// escapes, groups (capturing, (?:), named, atomic, lookahead, lookbehind
// with fixed-length alternatives), greedy/lazy/possessive quantifiers
// including counted ones, inline options i m s x (global and scoped), and
// comments. Constructs the reference file never uses (conditionals,
// recursion and subroutine calls, backtracking verbs, \K, \X, \C, \p, branch
// reset, duplicate names) are compile errors ("... not supported by this
// engine") rather than silent mis-matches. Other compile errors carry PCRE2's
// offset and message, except an unbalanced parenthesis, which reports PCRE1's
// "missing )" as nmap 7.93 prints it.
//
// # Match limits: the model
//
// nmap 7.94+ runs PCRE2 (interpreter, no JIT) with match_limit 50000,
// depth_limit 1000 and heap_limit 10 MiB, and treats any limit error as "no
// match". To give the same answer on runaway patterns, this engine
// reproduces how pcre2_match() spends those limits instead of using an
// approximate step budget:
//
//   - The compiled program has the shape of PCRE2's byte code for the same
//     pattern (code.go, gen.go): one instruction per PCRE2 opcode, the same
//     encodings of repeats (STAR/PLUS/QUERY/UPTO/EXACT, the item followed by
//     UPTO for {1,m}, EXACT+STAR for {n,}), the same replication of counted
//     group repeats with BRAZERO/BRAMINZERO nesting, KETRMAX/KETRMIN, the
//     "S" forms of groups that can match empty, BRAPOS/KETRPOS for
//     possessive groups, ONCE wrapping of other possessive items, one-char
//     classes compiled as CHAR/NOT, and the auto-possessification pass
//     (pcre2_auto_possess.c's rules, re-expressed over this IR).
//   - The matcher (exec.go) keeps an explicit stack of backtracking frames
//     and creates a frame exactly where pcre2_match() calls RMATCH: for
//     each backtracking position of a non-possessive repeat (chars and types
//     leave the last position to the current frame, classes and back
//     references do not), for every non-final alternative of a group, for
//     every group that needs a "group frame" (capturing, atomic, S-forms,
//     assertions), for BRAZERO/BRAMINZERO and for each KETRMAX/KETRMIN
//     iteration. Atomic groups and assertions keep their inner frames until
//     backtracked over (PCRE2's back_frame), so depth grows the same way.
//   - Every frame creation counts one towards the match limit, which is
//     reset for each start position as in PCRE2; the frame index is the
//     depth checked against the depth limit; the heap limit allows
//     heap_limit/(128+16*groups) frames, PCRE2's 64-bit frame size. Hitting
//     any of them makes Exec return ErrMatchLimit.
//   - Start-of-match optimisations only skip positions (or whole subjects)
//     where no match can start: anchoring (^, \A, \G, and ".*" with s as
//     PCRE2 does), "start of line" for a leading ".*", the set of possible
//     first bytes, a minimum length and a required byte. PCRE2 has similar
//     ones; at a position one side skips and the other runs, the attempt
//     fails within a few frames, so they never change a result. (PCRE2
//     10.42's first and last code unit optimisation is wrong after a
//     lookahead: it misses "a" with (?=a)a*a. This engine matches, as
//     10.45 and 10.42 without start optimisations do.)
//
// The counts agree exactly with pcre2test's find_limits output (minimum
// match and depth limits) on every case checked: all reference patterns
// against several replies, the FourOhFourRequest/GetRequest patterns
// against HTTP 404/200 pages, and synthetic exponential and deep-recursion
// cases on both sides of the limits.
//
// # Performance
//
// Compile checks the syntax eagerly (and computes NumSubexp and Prefix);
// the program is built on the first Exec (sync.Once). A Regexp is safe for
// concurrent use; scratch frames come from a sync.Pool. Prefix lets callers
// reject anchored literal patterns without calling Exec, and Exec does the
// same check itself first.
package pcre
