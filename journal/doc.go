// Package journal keeps an append-only audit trail of matter events,
// evaluations and their amendments (一事一评的留痕) as JSON Lines, each line
// chained to the one before it by SHA-256, and the journal's Merkle tree
// over them: signed checkpoints, inclusion and consistency proofs, and
// receipts that anyone checks offline with its key and a published checkpoint.
//
// A [Writer] appends entries — a [matters.Event], a [scoring.Evaluation] or
// a [scoring.Amendment], each with a sequence number, a [Kind], the hash of
// the entry before it and its own hash — to any [io.Writer]; [OpenFile]
// appends to a file with the durability stated below. A [Reader] reads a
// journal back, checking every line as it streams. [Verify] checks a whole
// journal, on several goroutines, and names the first line that is not
// what a Writer wrote; [Recover] tells where a journal cut short by a crash
// must be truncated. [Rebuild] replays a journal into matters and a
// [scoring.Book]; [RebuildAt] replays the part a checkpoint covers.
//
// The JSON Lines file is the record. Its [Tree] is derived from it (RFC
// 6962, built with golang.org/x/mod/sumdb/tlog, the Go checksum database's
// code): a host signs a [Checkpoint] of it now and then (at the monthly
// review, 月点评) and publishes it; [Verify] given that checkpoint later
// proves that the journal still holds it; [VerifyConsistency] proves that a
// later checkpoint extends it; a [Receipt] proves that one entry is in it.
//
// Misuse panics with a message that says so (a nil receiver, io.Writer,
// io.Reader, signer or verifier); journal bytes, however broken, never do:
// they are reported as errors.
//
// # What the journal proves, and what it does not
//
// Given a checkpoint the host published, signed with the journal's key:
//   - Verify proves that the journal still holds every entry the checkpoint
//     covers, byte for byte: none changed, removed, reordered or inserted,
//     and none cut from the end. A journal that was rewritten from any
//     entry on, with every hash recomputed, fails.
//   - VerifyConsistency proves, in O(log n) hashes and without either
//     journal, that a later checkpoint extends an earlier one: that the
//     journal only grew between them. Two checkpoints of one origin that
//     no proof joins are a fork.
//   - A Receipt proves, offline and in O(log n) hashes, that an entry is
//     in the journal of the checkpoint it carries, at its position: not
//     that this is the one published (compare them: a key holder can sign
//     a fork), nor that no later entry amends it.
//
// Without a checkpoint, Verify proves less: that the journal is a sound
// chain of entries a Writer could have written. Entries removed from the
// end, or a journal rewritten from some entry on with its hashes
// recomputed, are sound chains; only a published checkpoint (or [Head])
// shows them.
//
// The journal proves what was recorded and in what order, not that it is
// true: a host that signs a checkpoint vouches for every entry before it.
// A key holder can sign two histories (a fork); the proofs show a fork only
// to someone who compares the two checkpoints, which is why checkpoints are
// published, and witnessed. Times in entries are what the writer said;
// order in the journal is what the proofs fix. Which amendment of an
// evaluation counts is therefore decided by its position, the last in the
// journal, never by the time it claims ([Rebuild]); an amendment appended
// after a checkpoint changes nothing that [RebuildAt] gives for that
// checkpoint, whatever time it claims.
//
// # The format, exactly
//
// A journal is a sequence of lines, each ending in a single line feed
// (0x0A). Every line is one entry, UTF-8, with exactly these members in
// this order and no white space outside strings:
//
//	{"seq":N,"kind":"K","prev":"P","payload":D,"hash":"H"}
//
// where:
//
//   - N is the sequence number: 1 for the first entry, then consecutive, in
//     decimal without leading zeros (1 to 18 digits).
//   - K is the kind: "event", "evaluation" or "amendment".
//   - P is the hash of the previous entry: 64 lower-case hexadecimal
//     digits; for entry 1, 64 zeros.
//   - D is the payload: a JSON object, the entry's event, evaluation or
//     amendment in its canonical form (below).
//   - H is the entry's hash: 64 lower-case hexadecimal digits of SHA-256
//     over the line with the hash member removed.
//
// That is, H is SHA-256 over exactly the bytes
//
//	{"seq":N,"kind":"K","prev":"P","payload":D}
//
// A line's framing is sound when it starts with `{"seq":`, then N, then
// `,"kind":"`, K and `","prev":"`, then 64 bytes, then `","payload":`, and
// ends with `,"hash":"`, 64 bytes and `"}`; the payload D is everything
// between, and must begin with `{` and end with `}`. Hashes are written in
// lower case, and read in lower case only: upper-case digits in a line are
// not an entry. ([ParseHash], for hashes a host stores itself, reads
// either case.)
//
// Verifying reads the lines in order and checks each, stopping at the first
// that fails, in this order:
//
//  1. A line longer than the limit ([Options].MaxLine, 1 MiB, without its
//     line feed) is too long (ErrLineTooLong), unless it is the last and
//     has no line feed: then it is torn.
//  2. The framing, as above (K one of the three kinds).
//  3. P and H are 64 lower-case hexadecimal digits.
//  4. H is the SHA-256 of the line without its hash member.
//  5. N is one more than the previous entry's (1 for the first line), and P
//     the previous entry's hash (zeros for the first).
//  6. D is the canonical payload of kind K.
//
// A line that fails is tampered (ErrTampered), but for the last line of
// the journal when it has no line feed: that line is torn (ErrTorn) — cut
// short by a crash during its write, never counted, to be truncated — if
// its framing fails (step 2), or if it passes every step: the next entry
// in full but for its line feed. A last line without a line feed whose
// framing is sound but which fails a later step is tampered: a crash
// leaves a prefix of the line being written, and the only prefix of a line
// with a sound framing is the whole line. A last line with its line feed
// is never torn. A verifier reports the line number (the sound entries
// before it, plus 1), its byte offset (the length of the sound prefix) and
// the number of sound entries; a journal that ends without a problem is
// sound, an empty one included.
//
// # The canonical payload
//
// A payload is the JSON that encoding/json writes for the value with HTML
// escaping off and every time in UTC, which is this, and nothing else:
//
//   - An object's members are written in the order listed below, each as
//     "name":value, separated by commas, without white space. A member
//     marked optional is left out when its value is empty (the empty
//     string, the number 0, an empty list, false for a missing flag, no
//     kind) and, when present, is never empty. A member marked "not
//     empty" is always present and never the empty string: a Writer
//     refuses an amendment without its author or its reason.
//   - A string is written between quotation marks, as it is, except: the
//     quotation mark and the backslash are escaped as \" and \\; the bytes
//     0x08, 0x09, 0x0A, 0x0C and 0x0D as \b, \t, \n, \f and \r; the other
//     bytes below 0x20 as \u00XX with lower-case hexadecimal digits;
//     U+2028 and U+2029 as \u2028 and \u2029. No other escape appears (no
//     \/, no \u for any other character); <, > and & are written as they
//     are. Strings are valid UTF-8 (no surrogates, no overlong forms) of at
//     most 4 MiB (4,194,304 bytes) once their escapes are read: text that
//     is not has no canonical form, and a Writer refuses it.
//   - An integer is written in decimal, with a minus sign if negative,
//     without leading zeros, "0" for zero; it fits a signed 64-bit integer.
//   - A time is a string: the instant in UTC as YYYY-MM-DDTHH:MM:SS, then,
//     unless its nanoseconds are 0, a point and its nanoseconds in 1 to 9
//     digits with the zeros at the end removed, then Z
//     ("2020-06-01T02:00:00.5Z"). The year is 0000 to 9999, the date one of
//     the proleptic Gregorian calendar, hours 00 to 23, minutes and seconds
//     00 to 59.
//   - A decimal is a string: its shortest exact plain form — an optional
//     minus sign, the integer part without leading zeros ("0" if none),
//     then, if the number is not whole, a point and the fraction's digits
//     without zeros at the end ("85", "92.5", "-0.35"); never "-0"; at most
//     64 characters.
//   - A duration is a string: the time as Go's time.Duration.String
//     writes it ("4h0m0s", "1.5s", "500ms", "1µs", "-5ns"); an optional
//     duration is never "0s".
//   - A code (an enumeration) is a string holding one of the codes listed.
//   - A list is [ values separated by commas ].
//   - A flag is true or false; a member marked "true" is a flag written
//     only when it is true.
//   - A map is an object of strings: its keys, each a string, in
//     increasing order of their bytes, each once.
//   - A reason that is only text (no rule, name, lang, checks, figures or
//     type) is a string, its text, as every reason was before reasons
//     had structure; any other reason is an object, never one that holds
//     only "text".
//
// The members, in order:
//
//	event (matters.Event):
//	  matter     string
//	  seq        integer
//	  at         time
//	  kind       code, optional: one of the event kinds below
//	  actor      string, optional
//	  type       string, optional
//	  units      list of strings, optional
//	  routes     string, optional
//	  override   string, optional
//	  note       string, optional
//	  satisfied  flag, optional
//	  solved     flag, optional
//	  days       integer, optional
//	  ref        integer, optional
//	  supervisor string, optional
//	evaluation (scoring.Evaluation):
//	  matter     string
//	  subject    string
//	  evaluator  string
//	  stage      integer, optional
//	  at         time
//	  result     object:
//	    grade    string, optional
//	    points   decimal
//	    policy   string, optional
//	    reasons  list of reasons, optional
//	  facts      facts, optional
//	amendment (scoring.Amendment):
//	  the members of an evaluation, then
//	  author     string, not empty
//	  reason     string, not empty
//	reason (reason.Reason, when it is not only text):
//	  rule       integer, optional: 1 or more
//	  name       string, optional
//	  lang       code, optional: zh
//	  checks     list of checks, optional: at most 64
//	  figures    list of figures, optional: at most 64
//	  type       string, optional
//	  text       string, optional
//	check (reason.Check):
//	  of         code: one of the figures' codes below
//	  op         code: atMost, over, atLeast, is, in
//	  threshold  decimal
//	figure (reason.Figure):
//	  of         code: one of the figures' codes below
//	  done       true, optional
//	  actual     duration, optional
//	  limit      duration, optional
//	  places     integer, optional: 1 to 82
//	  value      integer, optional
//	facts (scoring.Facts), the facts an evaluation was graded on:
//	  matter     string, optional
//	  subject    string, optional
//	  evaluator  string, optional
//	  type       string, optional
//	  stage      integer, optional
//	  final      true, optional
//	  response   duration, optional
//	  responseLimit duration, optional
//	  resolution duration, optional
//	  resolutionLimit duration, optional
//	  responded  true, optional
//	  resolved   true, optional
//	  returned   true, optional
//	  urged      integer, optional
//	  supervised integer, optional
//	  replied    true, optional
//	  quality    integer, optional
//	  satisfied  flag, optional
//	  attrs      map, optional
//
// The event kinds' codes: report, whistle, dispatch, accept, return,
// suspend, resume, progress, resolve, reopen, close, feedback, approve,
// deny, extend, urge, supervise, reply.
//
// The figures' codes: response, resolution, responded, resolved,
// returned, final, urged, supervised, responseOnTime, resolutionOnTime,
// quality, satisfaction, stage, type.
//
// [Verify] enforces this form: a payload that decodes but is not in it (a
// space, an escaped <, a number "01", a member out of order, an empty
// optional member, an amendment's empty author) is tampered, even with
// its hash recomputed.
//
// # The tree, checkpoints and proofs
//
// The tree of a journal of n entries is the Merkle tree of RFC 6962 (and
// RFC 9162, section 2.1) over n leaves: leaf i (from 0) is entry i+1, and
// its leaf data is that entry's hash H as 32 bytes. So a leaf's hash is
// SHA-256(0x00 || H), an interior node's SHA-256(0x01 || left || right),
// and the root of the empty tree SHA-256 of nothing. A [Tree] keeps the
// hashes in tlog's stored hash order (tlog.StoredHashIndex), so that
// tlog's tiles serve it.
//
// A [Checkpoint] of the first n entries is the text (C2SP tlog-checkpoint)
//
//	<origin>\n<n>\n<root in standard base64, with padding>\n
//
// signed as a note (C2SP signed-note, golang.org/x/mod/sumdb/note): the text, a
// blank line, and a line "— <key name> <base64 of the 4-byte key hash and the
// 64-byte Ed25519 signature of the text>". The key's name is the origin: not
// empty, without space, plus sign or control character (U+0000 to U+001F, U+007F
// to U+009F). Its public (verifier) key is written "<name>+<8 hexadecimal digits
// of the key hash, in either case>+<base64 of 0x01 and the 32-byte Ed25519
// public key>", read up to its first two plus signs (the base64 may hold more),
// the key hash being the first four bytes of SHA-256(<name> || 0x0A || 0x01 ||
// public key), big-endian. A key not canonical (RFC 8032) or of small order (8·A
// the identity: anyone can sign for it) is refused. A signed checkpoint is read
// as note.Open reads a note, and is at most 64 KiB: valid UTF-8 with no ASCII
// control character (below 0x20) but the line feed; the text up to its last
// blank line; after it, 1 to 100 lines, each ending in a line feed, "— <name>
// <base64 of at least 5 bytes>" (the base64 standard: padded, nothing after),
// the name without space or plus sign. Lines of other keys (a witness's
// cosignature) are not checked; the first line with the journal's key name and
// key hash must verify, and one must. Anything else is not a signed checkpoint.
//
// An inclusion proof of entry s in the tree of n entries is RFC 6962's
// audit path of leaf s-1 (PATH), a consistency proof from m to n entries
// RFC 6962's PROOF(m, D[n]): lists of hashes, leaf side first, as tlog's
// RecordProof and TreeProof. A [Receipt]'s JSON form is
//
//	{"entry":"<the line, without its line feed>","proof":["<64 hex digits>",…],"checkpoint":"<the signed note>"}
//
// in at most 8,519,680 bytes (8 MiB and 128 KiB) from its { to its },
// its line of at most [DefaultMaxLine] bytes.
//
// # Durability
//
// An append is acknowledged when it returns nil; only then may a host
// count on the entry. For no acknowledged entry to be lost in a crash of
// the process or of the machine, a host:
//
//   - creates the journal file and syncs its directory, so that the name
//     survives — on every open, not only the one that created it, for an
//     earlier sync may have failed or its process died before it
//     ([OpenFile] does);
//   - lets one Writer at a time append to the file, and makes sure of it
//     with a lock;
//   - has the Writer sync the file after each entry, before the append
//     returns (Options.Sync = (*os.File).Sync), writing with nothing in
//     between that buffers (no bufio.Writer);
//   - after a crash, or after a failed append (the Writer then refuses
//     every other append), reopens the file: truncates a torn last line
//     ([Recover]), syncs, and asks the last entry whether it
//     [Entry.Records] what was being appended before appending it again —
//     a failed sync may still have written it.
//
// [OpenFile] does all of it: it creates and syncs, takes an exclusive
// flock (Linux, macOS, the BSDs, illumos; on other platforms OpenFile
// returns an error wrapping errors.ErrUnsupported, and a host that opens
// the file itself must ensure one writer another way), recovers, syncs,
// and returns a [File] whose Writer syncs every entry. A host that needs
// more appends per second than syncs its storage allows batches several
// entries per sync itself — and acknowledges none before the sync.
// TestCrashKills checks this: a child process appending and killed at
// random points, a few hundred times, then recovery and verification, with
// no acknowledged entry lost. Syncing guards against the machine's crash
// only as far as the storage honours it.
//
// # A journal in a database
//
// A host that keeps its journal in a database rather than a file seals
// each entry with [Seal] against its head (no io.Writer: a payload in,
// the line and the next head out), checks that its state takes the lines
// ([Rebuilt.Check]: what it would refuse, every rebuild would too),
// stores them as rows in the transaction of the change they record, and
// once the transaction commits applies them to its state
// ([Rebuilt.Apply]) or its tree ([Tree.Append]); a transaction that fails
// leaves the head where it was. On start it reads its last snapshot ([Rebuilt.Snapshot]) and the
// rows from the snapshot's head on ([Resume]), or verifies and rebuilds
// from every row ([Lines] turns rows into the reader [Verify] and
// [Rebuild] take). For PostgreSQL:
//
//	CREATE TABLE journal (
//	    seq  bigint PRIMARY KEY CHECK (seq > 0),
//	    line text   NOT NULL CHECK (strpos(line, E'\n') = 0)
//	);
//	CREATE TABLE journal_snapshot (
//	    seq      bigint PRIMARY KEY CHECK (seq >= 0), -- the snapshot's head
//	    snapshot text   NOT NULL
//	);
//	-- Append-only, for the table's owner too (a REVOKE from PUBLIC does
//	-- nothing: PUBLIC has no UPDATE or DELETE, and the owner keeps its own):
//	CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql
//	    AS $$ BEGIN RAISE EXCEPTION 'the journal is append-only: % refused', TG_OP; END $$;
//	CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
//	    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
//	CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
//	    FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
//	-- Better still, the service's role does not own the table:
//	-- GRANT SELECT, INSERT ON journal TO service;  GRANT SELECT, INSERT, DELETE ON journal_snapshot TO service;
//
//	-- the journal, to verify or rebuild:  SELECT line FROM journal ORDER BY seq
//	-- a restart:                         SELECT line FROM journal WHERE seq >= $1 ORDER BY seq
//	--                                    ($1: the seq of the latest snapshot)
//
// The line is text, byte for byte as sealed, in a database whose
// encoding is UTF8 (lines are UTF-8; SQL_ASCII stores bytes unchecked,
// others re-encode): never jsonb, which reorders members, drops
// duplicates and rewrites numbers and escapes, nor json re-written by a
// driver — the hash covers the bytes. A row holds one line without its
// line feed, so a row is whole or absent and a table has no torn line.
// The seq column is the entry's own Seq (a host may index by it; [Lines]
// checks the lines, not the column). The primary key lets one entry per
// number commit: two writers that seal against the same head cannot both
// commit, and the one that fails seals again against the new head. A
// host serialises its appends anyway (a mutex in its one writer process,
// or pg_advisory_xact_lock in each transaction), since a change whose
// entries were refused must be graded again against the new state. The
// snapshot table keeps the latest snapshot (or a few): the host writes
// one now and then, in a transaction of its own, and may delete older
// ones; the journal rows are never deleted. What a snapshot proves, and
// what it does not, is in [Resume]. The journal is as durable as the
// database's commit (synchronous_commit on).
//
// # Performance
//
// A Writer encodes payloads directly (no reflection), into a buffer it
// reuses, and hashes each line once: an append allocates nothing. Verify
// checks blocks of lines on Options.Workers goroutines and links the
// blocks in order; a Reader and Verify hold a few blocks, not the journal.
// A Tree holds 64 bytes per entry; proofs read O(log n) of them. [Seal]
// costs what an append does but for the copy it returns. [Resume] reads
// no line before its snapshot's head, but decodes the state the snapshot
// holds — every matter's events, strictly, replayed — and decoding JSON
// is most of what [Rebuild] costs too: for a state of 20,000 entries a
// restart from a snapshot is about 1.3–2.1 times as fast as one from the
// first line (BenchmarkRestart). What a snapshot saves is reading and
// hashing the years of rows, and a checkpoint's check without them; it
// grows with the matters kept, as the state does. The README gives the figures.
package journal
