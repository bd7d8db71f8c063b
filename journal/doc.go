// Package journal keeps an append-only, hash-chained audit trail of matter
// events, evaluations and their amendments (一事一评的留痕), so that a host can
// prove that no event and no grade was changed after the fact.
//
// A journal is a stream of JSON Lines. Each line is one [Entry]: a sequence
// number, a [Kind], the hash of the previous entry, the payload (a
// [matters.Event], a [scoring.Evaluation] or a [scoring.Amendment]) and the
// entry's own SHA-256 hash. A [Writer] appends entries to any [io.Writer]; a
// [Reader] reads them back from any [io.Reader], checking every link as it
// streams, in memory bounded by the longest line ([Options].MaxLine).
// [Verify] checks a whole journal and names the first entry that was altered,
// removed, reordered, duplicated or inserted in a [*VerifyError]; a last line
// cut short by a crash is reported as [ErrTorn], never silently accepted, and
// [Recover] tells where to truncate so that a new [Writer] can resume with
// [NewWriterAt]. [Rebuild] replays a journal into matters and a
// [scoring.Book] equal to the originals. A host publishes the [Head] of its
// journal now and then (for example at the monthly review, 月点评);
// [VerifyHead] later proves that the journal up to it is unchanged. An
// evaluation is corrected by appending a [scoring.Amendment] with its author
// and reason; the original entry stays.
//
// Misuse panics with a message that says so (a nil io.Writer or io.Reader);
// journal bytes, however broken, never do: they are reported as errors.
//
// # The format, exactly
//
// Every line is UTF-8 JSON with exactly these members in this order and no
// insignificant white space, followed by a single line feed (0x0A):
//
//	{"seq":N,"kind":"K","prev":"P","payload":D,"hash":"H"}
//
// where:
//
//   - N is the sequence number: 1 for the first entry, then consecutive, in
//     decimal without leading zeros (at most 18 digits).
//   - K is the kind: "event", "evaluation" or "amendment".
//   - P is the hash of the previous entry; for entry 1 it is 64 zeros.
//   - D is the payload: a JSON object, the entry's matters.Event,
//     scoring.Evaluation or scoring.Amendment as encoding/json writes it
//     (fields in struct order, lowerCamelCase names, enums as their codes,
//     decimals as strings), with HTML escaping off (<, > and & are written as
//     they are, even where a field's own MarshalJSON escaped them; U+2028
//     and U+2029 stay escaped as \u2028 and \u2029, as encoding/json
//     writes them) and every time converted to UTC and written in RFC 3339 with
//     as many fractional-second digits as it needs, up to nanoseconds
//     (Go's time.RFC3339Nano: "2020-06-01T02:00:00.5Z"). Strings must be valid
//     UTF-8; the Writer refuses invalid UTF-8 rather than alter it.
//   - H is the entry's hash: 64 lower-case hexadecimal digits of SHA-256
//     over the line with the hash member removed.
//
// That is, H is SHA-256 over exactly the bytes
//
//	{"seq":N,"kind":"K","prev":"P","payload":D}
//
// Because P is inside those bytes, each hash covers the previous one:
// changing any byte of any entry changes the hash of every entry after it.
//
// A host in another language verifies a line without re-encoding anything:
// check that the line ends with `,"hash":"` followed by 64 hexadecimal digits
// and `"}`, take the bytes before that 75-byte suffix, append `}`, hash them
// with SHA-256 and compare with the 64 digits; then check that P equals the
// previous line's hash and N the previous N plus one. The Go reader accepts
// only the exact member order above. Verifying checks the framing and the
// chain, not the payload's JSON, which the hash already fixes: payloads are
// decoded, and malformed ones reported as [ErrInvalid], by [Rebuild], the
// [Entry] accessors and [ParseLine].
//
// An entry is written with one Write call and counts once its line feed is
// written. A last line without a line feed, or a last line that is not an
// entry, is torn: [Verify] reports [ErrTorn] with the number of sound entries
// and the byte offset to truncate at.
package journal
