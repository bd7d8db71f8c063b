// Service is a reference backend on qingdan: an HTTP JSON API on net/http
// that accepts the events of whistled matters, applies them through the
// catalog's checks ([matters.Catalog.Apply]), grades what they call for
// with the library's grader (package grading) and a decision table, keeps every event and evaluation in a journal
// (package journal) in one PostgreSQL table, and serves the ranked scores
// of a period and each matter's history with its grades and reasons.
//
// Usage:
//
//	go run ./examples/service -db "host=/run/postgresql dbname=qingdan" -catalog catalog.json -table table.json [-addr localhost:8080]
//	        [-key signer.key -verifier "<name>+<hash>+<key>"]
//
// The catalog is a [matters.Catalog] as matters.LoadCatalog reads it, the
// table a [scoring.Table] as scoring.LoadTable reads it. The API:
//
//	POST /events           {"event": {...}, "quality": {"<unit>": 4}}
//	                       → 201 {"head": {...}, "evaluations": [...], "amendments": [...]}
//	GET  /scores?period=P  the ranked scores of the period (2020, 2020-06, 2020-06-01, 2020-W23)
//	GET  /matters/{id}     {"matter": {...}, "evaluations": [...], "amendments": [...]}
//	GET  /journal          {"head": {...}, "checkpoint": "<origin>\n<size>\n<root>\n"}
//	                       (with -key, the checkpoint signed: a note, "\n— <origin> <signature>\n" after it)
//
// An event is accepted in one transaction: its journal entry and those of
// the evaluations it calls for are sealed against the journal's head
// (journal.Seal) and inserted together; only once the transaction commits
// does the service's state change (journal.Rebuilt.Apply), so its state
// is always that of the committed rows; a request that ends while its
// transaction commits does not stop it, since the database may commit
// all the same. Accepting is serialised: the
// order of the journal is the order in which events were accepted.
// Several services may share a database: the journal's key lets one of
// them commit each entry; one whose next entry another took, or that
// refuses an event, first applies the rows the others committed (what
// it serves lags their events until then). Every
// 5000 entries the service saves a snapshot of its state in a second
// table (a snapshot that fails does not fail the event, which is
// committed: the service says so on stderr and tries again after the
// next event); on start it reads the latest snapshot and the rows from
// its head on (journal.Resume), checking both. A snapshot that does not
// check out (damaged, or of an entry the rows do not hold) is a cache,
// not the record: the service says so on stderr and rebuilds from the
// first row. The tables are those of package journal's documentation
// (# A journal in a database), the journal append-only by triggers that
// every start makes again if one is missing and enables if one is
// disabled.
//
// Every checkpoint the service publishes (GET /journal) it keeps first,
// in a table of its own, append-only like the journal: signed with its
// key (-key, a note signer key as note.GenerateKey makes it, whose name
// is the origin, with -verifier its verifier key), or, without a key,
// its text. On start it requires the journal to hold every checkpoint
// kept — those of the snapshot's entries or more as Resume reads the
// rows after it, those before it by verifying the rows up to the last
// of them (journal.Verify, on every core: the cost of a restart grows
// with the rows a kept checkpoint covers) — and refuses to start,
// naming the checkpoint, when it does not: a journal cut short or
// rewritten, its hashes recomputed and its snapshots deleted, is not
// taken silently. A signature makes a kept checkpoint one that no one
// without the key can make; but whoever can write the database can
// delete kept checkpoints with the rows they cover, and without a key
// forge them too: what binds the service is the copy outsiders keep of
// what it published, checked with its verifier key.
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
// up while its event commits, and two services share one database. It
// cuts the journal short and rewrites it, with the snapshots and
// without, and requires the service to refuse to start, naming the
// checkpoint; damages a snapshot and requires the same views, rebuilt
// from the first row; and drops or disables each trigger and requires a
// restart to make it again. Without PostgreSQL the
// test skips, but fails under CI (QINGDAN_CI=1).
package main
