// Service is a reference backend on qingdan: an HTTP JSON API on net/http
// that accepts the events of whistled matters, applies them through the
// catalog's checks ([matters.Catalog.Apply]), grades what they call for
// with the library's grader (package grading) and a decision table, keeps every event and evaluation in a journal
// (package journal) in one PostgreSQL table, and serves the ranked scores
// of a period and each matter's history with its grades and reasons, and,
// to whoever checks them offline with its verifier key, the receipts of a
// matter's or a unit's entries and the proof that the journal only grew.
//
// Usage:
//
//	go run ./examples/service -db "host=/run/postgresql dbname=qingdan" -catalog catalog.json -table table.json
//	        -callers callers.json [-off-register 91580 -off-register …] [-addr localhost:8080]
//	        [-key signer.key -verifier "<name>+<hash>+<key>" [-retired "<name>+<hash>+<key>" …]]
//	go run ./examples/service … -open   # instead of -callers, a local trial: anyone posts as any unit
//
// On SIGINT or SIGTERM (systemctl stop, docker stop) it takes no more
// connections and lets the requests in flight end, for up to 30 seconds,
// before it exits. A client has a minute to send a request and five to
// read a reply; a connection idle for two minutes is closed.
//
// The catalog is a [matters.Catalog] as matters.LoadCatalog reads it,
// with a register of the units (below), the table a [scoring.Table] as
// scoring.LoadTable reads it. The API:
//
//	POST /events              {"event": {...}, "quality": {"<unit>": 4}}, the event without its time, its caller's,
//	                          with Authorization: Bearer <token>
//	                          → 201 {"head": {...}, "event": {...}, "evaluations": [...], "amendments": [...]}
//	GET  /scores?period=P     the ranked scores of the period (2020, 2020-06, 2020-06-01, 2020-W23), nothing else
//	GET  /matters/{id}        {"matter": {...}, "evaluations": [...], "amendments": [...]}
//	GET  /journal             {"head": {...}, "checkpoint": "<origin>\n<size>\n<root>\n"}
//	                          (with -key, the checkpoint signed: a note, "\n— <origin> <signature>\n" after it)
//	GET  /key                 {"verifier": "<name>+<hash>+<key>", "retired": [...]}: the verifier key (-verifier), and those of keys it signed with before (-retired); 404 without a key
//	GET  /receipts?matter=M   the receipts of every entry of the matter (its events, evaluations, amendments)
//	GET  /receipts?subject=U  the receipts of every evaluation of the unit and every amendment of one
//	     …&after=N            in pages of at most 1000 (Config.ReceiptsPage), those after entry N; while
//	                          there are more, the header Link: </receipts?after=N&subject=U>; rel="next"
//	GET  /consistency?from=N  {"from": N, "checkpoint": "...", "proof": ["<hash>", ...]}
//
// An event is posted as JSON in UTF-8 (Content-Type: application/json;
// else 415), at most 64 KiB (else 413). Every error is {"error": "..."},
// a path or a method that is no route's too (404, 405).
//
// The service stamps each event with the time it accepts it (Config.Now,
// time.Now here), read under the lock that orders the journal, and
// refuses with 400 an event that gives its own time (an "at" other than
// the zero time, which is how a Go client that leaves At unset writes
// it): the catalog checks only that a matter's events are in order, so a
// unit that dated its own Accept or Resolve, even a minute back, would
// choose its grade. No tolerance is allowed, as none is needed: a client
// has no time to give. The reply carries the event as journaled, stamped.
// A clock that goes back can refuse an event as out of order (422): the
// host's clock must not step back (slew it).
//
// Who posts an event is its actor, as the clock is its time. The
// catalog's checks of who may act — approve a request, resolve a matter,
// answer a return visit, supervise — read the event's actor, so an actor
// the client named would let a department approve its own extension "as"
// its sub-district, and the time stamped would be worth nothing. A
// client posts with a bearer token (Authorization: Bearer <token>), and
// the callers file (-callers, Config.Callers) gives the ID of the unit
// or body each token speaks for, keyed by the token's SHA-256 in hex —
// hashes, not tokens, so that whoever reads the file cannot post:
//
//	{"<sha256 hex of a token>": "cgj", "<of another>": "fanluoshan", ...}
//
// For each caller, a token is made (token=$(openssl rand -hex 32)) and
// given to it, and its hash kept (printf %s "$token" | sha256sum, the
// hex before " -"): a token random, of 128 bits or more, as the hash of
// a guessable one is no secret. Several tokens may speak for one ID (one replaced, kept a
// while). A post without a token the service knows is 401, with
// WWW-Authenticate (RFC 6750); its event is the caller's: one that names
// no actor is given the caller's ID, and one that names another is
// refused with 403 (not 400: the request is well formed, the caller may
// not make it), nothing journaled. The token is hashed and the hash
// looked up: the lookup's time can tell no more than how far the hash of
// a guess agrees with one kept, which brings no one nearer a token, so
// no comparison in constant time is needed. The reads (GET) need no
// token: the scores, the matters, the checkpoints, receipts and proofs
// are for outsiders to check. Without -callers the service refuses to
// start, unless -open says it is open — for a local trial: anyone posts
// as any unit, with no token — which it says loudly on stderr.
//
// Knowing the caller is worth nothing if the catalog cannot tell what it
// is. The checks that keep a graded unit out of its grader's seat
// (matters.Catalog.Apply) read the kind of unit the catalog's register in
// force lists: a unit it lists as a department (or an office, a centre,
// an agency) may own no matter, no unit it lists may report for another
// and so become its grader, and none may be named a matter's supervisor
// or be the first to supervise one; the catalog's own supervisor, a
// hotline (a platform) and a district's supervisor are bodies off the
// register. Without a register a department, with its own token, could
// report a matter "for" a sub-district and grade it, or be the first to
// supervise a matter. So the service refuses to start when no revision of
// the catalog's register lists a unit (Open's error wraps errNoRegister),
// unless -open: no revision that is in force at some instant, as the
// catalog reads them (Catalog.At) — a draft, a register approved but not
// published, one published with no date it takes effect, is in force at
// none, and protects nothing. Nor does it start when a caller's ID is one
// the catalog does not know (Open's error wraps errUnknownCaller and
// names each such caller's entry, the hash of its token, and its ID): the
// catalog takes an ID it does not list for a body off the register, a
// hotline, which may report for a sub-district and so grade it, so that a
// department's token given a misspelt ID (城管执法局 for 城管局) would do so. A
// caller's ID is listed by a revision of the register (one in force at
// some instant), or is the catalog's supervisor, or is one of the bodies
// off the register that the host names (-off-register, once for each;
// Config.OffRegister): the hotlines and the districts' supervisors, which
// no list of the catalog names. A body so named that the register lists
// is refused (errOnRegister). And each event's caller is a unit of the
// register in force at the event's time, or one of those bodies off it
// (else 422, errNotInForce): a department that a later revision dropped,
// still holding its token, or a unit posting before any revision is in
// force, would be taken for a hotline too.
//
// What an outsider verifies offline, with the verifier key (read with
// journal.NewVerifier, which refuses a key anyone could sign for) and a
// checkpoint they saw published: a receipt (journal.Receipt, checked with
// Receipt.Verify, or qingdan journal verify-receipt -checkpoint) proves
// one entry is in the journal the service signed, at its place, byte for
// byte, when its checkpoint is the one published (the key alone shows
// only that the key's holder signed it, which a fork also is); a consistency proof
// (journal.VerifyConsistency) proves that the journal of the checkpoint
// served extends that of a checkpoint of N entries held from before —
// nothing in it changed, removed or reordered. Receipts come as JSON
// Lines (application/jsonl), one receipt a line in the library's JSON
// form (Receipt.MarshalJSON), which qingdan journal verify-receipt reads;
// all against one signed checkpoint of the journal as it is, which the
// service keeps first, as for GET /journal, so that a receipt never
// carries a checkpoint whose size and root the service did not keep (the
// table holds one checkpoint a size: one kept unsigned, before the
// service had a key, stays, and the signed one of that size is served
// without its text kept again). A reply holds at most
// 1000 receipts (Config.ReceiptsPage), so that it stays a few megabytes
// however the journal grows; while the checkpoint holds more, the reply
// names the next page in its header, Link: </receipts?after=N&subject=U>;
// rel="next" (N the last entry of this page; curl -D - shows it), and the
// body stays what qingdan journal verify-receipt reads. Each page is
// against the checkpoint kept when it is asked for, the later no
// smaller (GET /consistency proves one extends the other). A request
// names one matter or one subject, and at most one entry to start after,
// from 0 to the journal's size (400 otherwise); one the journal holds no
// entry of is 404; receipts of a service without a key, 409; none after
// the entry given, 200 and no receipt. A consistency proof is from 1 to
// the journal's size entries (400 otherwise), and needs no key: without
// one, the checkpoint is its text. A request refused is refused before
// a checkpoint is kept: it costs the database no write. Keeping the
// checkpoint (GET /journal, /receipts, /consistency) and reading the
// receipts' rows wait on the database no longer than the client stays
// and at most 20 seconds (Config.CommitTimeout, as a post): a database
// that hangs is 503, naming the checkpoint and the matter, the subject
// or the proof's size asked for, and the connection goes back to the
// pool, so that clients that keep asking do not hold every one. The service
// keeps the journal's tree (journal.Tree: every hash, about 64 bytes an
// entry) and an index of each matter's and each subject's entries in
// memory, made from the rows on start and from each entry committed, so
// that a receipt reads only its own entries' rows and each proof reads
// O(log n) hashes from memory: on the wuhu year (about 8,000 entries),
// the 472 receipts of the department graded most come in 18–30 ms
// (1.2 MB), a matter's in under 1 ms, where reading every row and making
// the tree again alone takes 20–50 ms (BenchmarkReceipts). A host of
// tens of millions of entries would keep the tree's tiles in a table
// instead (tlog.ReadTileData).
//
// An event is accepted in one transaction: its journal entry and those of
// the evaluations it calls for are sealed against the journal's head
// (journal.Seal) and inserted together; only once the transaction commits
// does the service's state change (journal.Rebuilt.Apply), so its state
// is always that of the committed rows; a request that ends while its
// transaction commits does not stop it, since the database may commit
// all the same. The service bounds it instead, as every read waits for
// the post in hand: a post that waits on the database more than 20
// seconds (Config.CommitTimeout) — for the journal's lock, held by
// another service that hangs, or for a database that does not answer —
// is 503, naming its event, and the service serves on; a commit that
// went through all the same is settled as below. A post or a read that
// gives up does not leave its query waiting in the database: pgx drops
// the connection, and first sends PostgreSQL a cancel request, which
// ends the query on the server (the backend waiting on the lock), so
// that a database that hangs does not gather a backend for each request
// that gave up until it runs out of max_connections (TestCommitTimeout,
// TestReadTimeout: none is left waiting on the lock, still held). Only
// a cancel request that cannot reach the server leaves the backend
// waiting, until the lock is let go. Accepting is serialised: the
// order of the journal is the order in which events were accepted.
// Several services may share a database: each accepts an event in a
// transaction that holds the journal's advisory lock
// (pg_advisory_xact_lock), in which it first applies the rows the others
// committed (what it serves lags their events until then) and checks
// the event after them, so that they append one at a time, in the order
// they asked for the lock. After a commit that returns an error the
// service applies the rows committed after its head: if they are the
// event's, byte for byte (the commit went through, its reply lost), the
// event is accepted (201), else the reply is 503 and nothing of the
// event is journaled — unless the commit of a connection lost lands
// later still, which the service then reads as another's rows (a client
// told 503 checks GET /matters/{id} before it posts again). Every
// 5000 entries the service saves a snapshot of its state in a second
// table (a snapshot that fails does not fail the event, which is
// committed: the service says so on stderr and tries again after the
// next event); on start it verifies the rows up to the latest snapshot's
// entry, making the journal's tree (journal.Verify), and resumes from the
// snapshot with the rows from its entry on (journal.Resume), checking
// both. A snapshot that does not
// check out (damaged, of an entry the rows do not hold, or of a tree that
// is not theirs) is a cache,
// not the record: the service says so on stderr and rebuilds from the
// first row. The tables are those of package journal's documentation
// (# A journal in a database), the journal append-only by triggers that
// every start makes again if one is missing or was made again to do less
// (never, on some columns or events only), and enables if one is
// disabled or fires for replication only.
//
// Every checkpoint the service publishes (GET /journal) it keeps first,
// in a table of its own, append-only like the journal: signed with its
// key (-key, a note signer key as note.GenerateKey makes it, whose name
// is the origin, with -verifier its verifier key), or, without a key,
// its text. On start it requires the journal to hold every checkpoint
// kept — those of the snapshot's entries or more as Resume reads the
// rows after it, those before it as Verify reads the rows up to the
// snapshot (on every core: the cost of a restart grows with the rows,
// as the tree is made of them all) — and refuses to start,
// naming the checkpoint, when it does not: a journal cut short or
// rewritten, its hashes recomputed and its snapshots deleted, is not
// taken silently. A signature makes a kept checkpoint one that no one
// without the key can make; but whoever can write the database can
// delete kept checkpoints with the rows they cover, and without a key
// forge them too: what binds the service is the copy outsiders keep of
// what it published, checked with its verifier key.
//
// To replace the key (a routine rotation, or one that leaked), make a new
// key of the same name (the journal's origin stays) and start the service
// with it (-key, -verifier) and the old verifier key (-retired, once for
// each key retired): the checkpoints kept signed with the old key are
// checked with it, the new key signs every checkpoint from then on, and
// GET /key serves both, so that a receipt of before checks with the key
// it was signed with. Without -retired the service refuses to start,
// naming the first checkpoint no key it has checks: the table of
// checkpoints is append-only, so they cannot be signed again. After a
// leak, what the old key signed from the leak on is suspect; outsiders'
// copies of what was published before it are not.
//
// The grades are those of grading.New: every unit at each Progress of
// the owner (a stage of a long matter), every unit at the Close, the
// owner of a matter a hotline reported for it, by the hotline, at each
// Progress of the hotline and at the Close, and an amendment of each when
// a return visit after the Close changes the citizen's answer. The quality judgements in a request are the owner's
// (the sub-district's) judgement of each unit graded at that event (1 to
// 5; the grader's Judge reads them; one of a unit the event does not
// grade, a misspelt unit say, is refused): they are not part of a matter's
// history, so they come with the event that calls for the grade — an
// amendment's too — and the evaluation, journaled, keeps them. A matter's
// evaluations are served with the amendments that count applied, with
// their reasons (scoring.Book.Matter), and with every amendment of them
// in the journal, those that no longer count too.
//
// Its test starts a throwaway PostgreSQL cluster (initdb and postgres from
// the machine: private data and socket directories, no TCP; the server is
// the test process's child and shuts down when the test ends, however it
// ends), posts the
// wuhu example's year through HTTP — its journal is then the example's,
// byte for byte — restarts the service from the snapshot and from the
// first row and requires the same views, and has four clients post the
// year at once and checks that no event is lost; it has a request give
// up while its event commits, and two services share one database. The
// test's clock (Config.Now) reads each event's time in the wuhu year, set
// by the post that gives the event; a post holds the clock until the
// service reads it, so that the four clients' events are each stamped
// with their own. It has a department give its Accept a time of its
// own, backdated, and requires the event refused and, posted without
// it, stamped and graded on the service's clock. Each unit and body of
// the wuhu city posts with its own token; a post without a token, or
// with one no one has, is refused (401); a department that approves its
// own extension or suspension as its sub-district, a sub-district that
// answers the hotline's return visit as the hotline or supervises as
// the district, a support unit that resolves as the lead are refused
// (403), nothing journaled, and refused by the catalog posting as
// themselves (422); a department's Accept without an actor is
// journaled as the department's. The catalog's register lists the
// city's sub-districts and departments: a department that reports for
// a sub-district or of its own, a sub-district that reports for another,
// a unit named supervisor or the first to supervise are refused (422),
// nothing journaled, where an open service without the register accepts
// them; the hotline's report and a district supervisor's first
// supervision are accepted. Without a register the service does not
// start, unless open; nor with a caller the catalog does not know (a
// department misspelt, or the hotline not named off the register); and
// a department a later revision dropped, or a sub-district posting
// before the register is in force, is refused (422). It
// fetches the key,
// the receipts of a department and of a matter, and verifies each
// offline, in one reply and in pages of three, the journal growing
// between them; a consistency proof from a checkpoint fetched early; a fork
// signed with the same key, whose checkpoint does not extend the early
// one; a receipt altered; and a row altered behind the service's back,
// which gets no receipt. It
// cuts the journal short and rewrites it, with the snapshots and
// without, and requires the service to refuse to start, naming the
// checkpoint; damages a snapshot and requires the same views, rebuilt
// from the first row; and drops, disables, enables for replication only
// or makes again to do less each trigger and requires a restart to make
// it again. Without PostgreSQL the
// test skips, but fails under CI (QINGDAN_CI=1).
package main
