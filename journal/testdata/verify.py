#!/usr/bin/env python3
"""An independent verifier of qingdan journals.

Written from the package documentation of journal (journal/doc.go) alone,
with the Python 3 standard library only, so that a host in another
language can see what the documentation asks and check that the Go
verifier does what it says. .ci/run runs it over journals the Go code
writes and over a corpus of tampered journals (TestPythonVerifier), and
the two verifiers must agree on every one.

Usage:
    verify.py JOURNAL [--key VKEY] [--checkpoint SIGNED_NOTE_FILE]...
    verify.py --receipt RECEIPT_JSON_FILE --key VKEY
    verify.py --batch MANIFEST

A journal's verdict is one line:
    ok ENTRIES HEAD ROOT        a sound journal: its last entry's hash and
                                its tree's root, in hexadecimal
    torn LINE OFFSET SOUND      a last line cut short
    tampered LINE OFFSET SOUND  a line that is not what a writer wrote
    too-long LINE OFFSET SOUND  a line over the limit
    mismatch LINE OFFSET SOUND  a journal that no longer holds a checkpoint
    bad-checkpoint              a checkpoint that is malformed or not signed
                                by the key
where LINE is the number of the line at fault, OFFSET its byte offset and
SOUND the number of sound entries before it. A receipt's verdict is
"ok SEQ SIZE" (the entry and the checkpoint's size) or "fail".

A manifest has one task a line, as JSON: {"journal": PATH, "key": VKEY,
"checkpoints": [PATH, ...]} or {"receipt": PATH, "key": VKEY}; the verdicts
are printed in order, one a line.
"""

import base64
import hashlib
import json
import re
import sys

MAX_LINE = 1 << 20
MAX_STRING = 4 << 20  # bytes of UTF-8, escapes read
MAX_NOTE = 64 << 10  # bytes of a signed checkpoint
MAX_RECEIPT = 8 * MAX_LINE + 2 * MAX_NOTE  # bytes of a receipt's JSON
KINDS = (b"event", b"evaluation", b"amendment")
EVENT_KINDS = ("report", "whistle", "dispatch", "accept", "return", "suspend", "resume",
               "progress", "resolve", "reopen", "close", "feedback",
               "approve", "deny", "extend", "urge", "supervise", "reply")
FIGURES = ("response", "resolution", "responded", "resolved", "returned", "final", "urged", "supervised",
           "responseOnTime", "resolutionOnTime", "quality", "satisfaction", "stage", "type")
OPS = ("atMost", "over", "atLeast", "is", "in")
LANGS = ("zh",)
TAIL = 75  # ,"hash":"<64 digits>"}
HEX = re.compile(rb"[0-9a-f]{64}\Z")


# ---------------------------------------------------------------- the payload
# The canonical payload, as the documentation states it: each member in
# order, an optional member left out when empty and never empty when present.

class Bad(Exception):
    """A payload that is not canonical."""


class Scanner:
    def __init__(self, b):
        self.b = b
        self.i = 0

    def lit(self, s):
        if self.b.startswith(s, self.i):
            self.i += len(s)
            return True
        return False

    def need(self, s):
        if not self.lit(s):
            raise Bad()

    def string(self):
        """Reads a canonical string and returns its text."""
        self.need(b'"')
        out = []
        b = self.b
        while True:
            if self.i >= len(b):
                raise Bad()
            c = b[self.i]
            if c == 0x22:  # "
                self.i += 1
                text = "".join(out)
                if len(text.encode()) > MAX_STRING:
                    raise Bad()
                return text
            if c == 0x5C:  # backslash
                e = b[self.i + 1:self.i + 2]
                short = {b'"': '"', b"\\": "\\", b"b": "\b", b"f": "\f", b"n": "\n", b"r": "\r", b"t": "\t"}
                if e in short:
                    out.append(short[e])
                    self.i += 2
                    continue
                u = b[self.i + 1:self.i + 6]
                if u in (b"u2028", b"u2029"):
                    out.append(chr(int(u[1:], 16)))
                    self.i += 6
                    continue
                if re.fullmatch(rb"u00[01][0-9a-f]", u) and u[3:] not in (b"08", b"09", b"0a", b"0c", b"0d"):
                    out.append(chr(int(u[1:], 16)))
                    self.i += 6
                    continue
                raise Bad()
            if c < 0x20:
                raise Bad()
            if c < 0x80:
                out.append(chr(c))
                self.i += 1
                continue
            n = 2 if c < 0xE0 else 3 if c < 0xF0 else 4
            try:
                ch = b[self.i:self.i + n].decode("utf-8")  # strict: no surrogates, no overlong forms
            except UnicodeDecodeError:
                raise Bad()
            if len(ch) != 1 or ch in ("\u2028", "\u2029"):
                raise Bad()
            out.append(ch)
            self.i += n

    def raw(self):
        """Reads a string of printable ASCII without escapes."""
        self.need(b'"')
        j = self.i
        while j < len(self.b) and 0x20 <= self.b[j] < 0x7F and self.b[j] not in (0x22, 0x5C):
            j += 1
        s = self.b[self.i:j].decode("ascii")
        self.i = j
        self.need(b'"')
        return s

    def match(self, pattern):
        m = re.compile(pattern).match(self.b, self.i)
        if not m:
            raise Bad()
        self.i = m.end()
        return m.group(0)


def text(s):
    return s.string()


def named(s):
    """A string that is not empty."""
    t = s.string()
    if t == "":
        raise Bad()
    return t


def integer(s):
    t = s.match(rb"-?(0|[1-9][0-9]*)")
    if t == b"-0" or not -(1 << 63) <= int(t) < (1 << 63):
        raise Bad()
    return int(t)


def integer_in(lo, hi):
    """A reader of an integer from lo to hi."""
    def read(s):
        v = integer(s)
        if not lo <= v <= hi:
            raise Bad()
        return v
    return read


def leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def instant(s):
    t = s.raw()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z", t)
    if not m:
        raise Bad()
    y, mo, d, h, mi, se = (int(g) for g in m.groups()[:6])
    days = [31, 29 if leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not (1 <= mo <= 12 and 1 <= d <= days[mo - 1] and h <= 23 and mi <= 59 and se <= 59):
        raise Bad()
    if m.group(7) and m.group(7).endswith("0"):
        raise Bad()
    return t


def decimal(s):
    t = s.raw()
    if len(t) > 64 or t == "-0" or not re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?", t):
        raise Bad()
    return t


def event_kind(s):
    t = s.raw()
    if t not in EVENT_KINDS:
        raise Bad()
    return t


def code_of(codes):
    def read(s):
        t = s.raw()
        if t not in codes:
            raise Bad()
        return t
    return read


def go_duration(ns):
    """The text of a time.Duration of ns nanoseconds, as Go's String writes it."""
    neg, u = ns < 0, abs(ns)

    def frac(u, prec):
        digits, printed = "", False
        for _ in range(prec):
            d = u % 10
            printed = printed or d != 0
            if printed:
                digits = str(d) + digits
            u //= 10
        return ("." + digits if printed else ""), u

    if u < 10 ** 9:
        if u == 0:
            return "0s"
        prec, unit = (0, "ns") if u < 1000 else (3, "\u00b5s") if u < 10 ** 6 else (6, "ms")
        f, u = frac(u, prec)
        t = str(u) + f + unit
    else:
        f, u = frac(u, 9)
        t = str(u % 60) + f + "s"
        u //= 60
        if u > 0:
            t = str(u % 60) + "m" + t
            u //= 60
            if u > 0:
                t = str(u) + "h" + t
    return ("-" if neg else "") + t


UNITS = {"ns": 1, "\u00b5s": 10 ** 3, "ms": 10 ** 6, "s": 10 ** 9}


def duration(s):
    """A time.Duration as Go writes it, never 0."""
    t = s.string()
    m = re.fullmatch(r"(-?)(?:(\d+)h)?(?:(\d+)m(?!s))?(\d+)(?:\.(\d+))?(ns|\u00b5s|ms|s)", t)
    if not m:
        raise Bad()
    sign, h, mi, whole, fr, unit = m.groups()
    fr = fr or ""
    scaled = (int(whole) * 10 ** len(fr) + int(fr or "0")) * UNITS[unit]
    if scaled % 10 ** len(fr):
        raise Bad()
    ns = int(h or 0) * 3600 * 10 ** 9 + int(mi or 0) * 60 * 10 ** 9 + scaled // 10 ** len(fr)
    if sign:
        ns = -ns
    if not -(1 << 63) <= ns < (1 << 63) or ns == 0 or go_duration(ns) != t:
        raise Bad()
    return t


def yes(s):
    s.need(b"true")
    return True


def list_of(read, most=None):
    """A reader of a list of 1 to most values (no bound if most is None)."""
    def read_list(s):
        s.need(b"[")
        out = [read(s)]
        while s.lit(b","):
            out.append(read(s))
        s.need(b"]")
        if most is not None and len(out) > most:
            raise Bad()
        return out
    return read_list


def strmap(s):
    """A map of strings: keys in increasing order of their bytes, each once."""
    s.need(b"{")
    last = None
    while True:
        k = s.string()
        if last is not None and k.encode() <= last.encode():
            raise Bad()
        last = k
        s.need(b":")
        s.string()
        if not s.lit(b","):
            break
    s.need(b"}")
    return {"": ""}


def texts(s):
    s.need(b"[")
    out = [s.string()]
    while s.lit(b","):
        out.append(s.string())
    s.need(b"]")
    return out


def flag(s):
    if s.lit(b"true"):
        return True
    s.need(b"false")
    return False


def obj(members):
    """A reader of an object with members (name, reader, optional)."""
    def read(s):
        s.need(b"{")
        first = True
        for name, value, optional in members:
            key = (b"" if first else b",") + b'"' + name.encode() + b'":'
            if not s.lit(key):
                if optional:
                    continue
                raise Bad()
            v = value(s)
            if optional and (v == "" or v == [] or (type(v) is int and v == 0)):  # present, never empty (a flag may be false)
                raise Bad()
            first = False
        s.need(b"}")
    return read


REQ, OPT = False, True
EVENT = obj([("matter", text, REQ), ("seq", integer, REQ), ("at", instant, REQ), ("kind", event_kind, OPT),
             ("actor", text, OPT), ("type", text, OPT), ("units", texts, OPT), ("routes", text, OPT),
             ("override", text, OPT), ("note", text, OPT), ("satisfied", flag, OPT), ("solved", flag, OPT),
             ("days", integer, OPT), ("ref", integer, OPT), ("supervisor", text, OPT)])
CHECK = obj([("of", code_of(FIGURES), REQ), ("op", code_of(OPS), REQ), ("threshold", decimal, REQ)])
FIGURE = obj([("of", code_of(FIGURES), REQ), ("done", yes, OPT), ("actual", duration, OPT), ("limit", duration, OPT),
              ("places", integer_in(0, 82), OPT), ("value", integer, OPT)])
REASON = obj([("rule", integer_in(0, (1 << 63) - 1), OPT), ("name", text, OPT), ("lang", code_of(LANGS), OPT), ("checks", list_of(CHECK, 64), OPT),
              ("figures", list_of(FIGURE, 64), OPT), ("type", text, OPT), ("text", text, OPT)])
FACTS = obj([("matter", text, OPT), ("subject", text, OPT), ("evaluator", text, OPT), ("type", text, OPT),
             ("stage", integer, OPT), ("final", yes, OPT), ("response", duration, OPT), ("responseLimit", duration, OPT),
             ("resolution", duration, OPT), ("resolutionLimit", duration, OPT), ("responded", yes, OPT),
             ("resolved", yes, OPT), ("returned", yes, OPT), ("urged", integer, OPT), ("supervised", integer, OPT),
             ("replied", yes, OPT), ("quality", integer, OPT), ("satisfied", flag, OPT), ("attrs", strmap, OPT)])


def reason(s):
    """A reason: a string when it is only text, else an object that is not."""
    if s.b[s.i:s.i + 1] == b'"':
        return s.string()
    start = s.i
    REASON(s)
    if s.b.startswith(b'{"text":', start) or s.b[start:s.i] == b"{}":
        raise Bad()
    return None


RESULT = obj([("grade", text, OPT), ("points", decimal, REQ), ("policy", text, OPT), ("reasons", list_of(reason), OPT)])
EVALUATION_MEMBERS = [("matter", text, REQ), ("subject", text, REQ), ("evaluator", text, REQ), ("stage", integer, OPT),
                      ("at", instant, REQ), ("result", RESULT, REQ), ("facts", FACTS, OPT)]
EVALUATION = obj(EVALUATION_MEMBERS)
AMENDMENT = obj(EVALUATION_MEMBERS + [("author", named, REQ), ("reason", named, REQ)])
PAYLOADS = {b"event": EVENT, b"evaluation": EVALUATION, b"amendment": AMENDMENT}


def canonical(kind, payload):
    s = Scanner(payload)
    try:
        PAYLOADS[kind](s)
    except (Bad, IndexError):
        return False
    return s.i == len(payload)


# ------------------------------------------------------------------ the lines

def frame(line):
    """Splits a line by the framing: (seq, kind, prev, payload, hash), or None."""
    if not line.startswith(b'{"seq":'):
        return None
    j = 7
    while j < len(line) and 0x30 <= line[j] <= 0x39:
        j += 1
    digits = line[7:j]
    if not 1 <= len(digits) <= 18 or digits[0] == 0x30:
        return None
    rest = line[j:]
    if not rest.startswith(b',"kind":"'):
        return None
    rest = rest[9:]
    q = rest.find(b'"')
    if q < 0 or rest[:q] not in KINDS:
        return None
    kind, rest = rest[:q], rest[q:]
    if not rest.startswith(b'","prev":"') or len(rest) < 10 + 64:
        return None
    prev, rest = rest[10:74], rest[74:]
    if not rest.startswith(b'","payload":'):
        return None
    rest = rest[12:]
    if len(rest) < TAIL + 2:
        return None
    tail = rest[-TAIL:]
    if not tail.startswith(b',"hash":"') or not tail.endswith(b'"}'):
        return None
    payload = rest[:-TAIL]
    if payload[:1] != b"{" or payload[-1:] != b"}":
        return None
    return int(digits), kind, prev, payload, tail[9:73]


def leaf(h):
    return hashlib.sha256(b"\x00" + h).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


class Frontier:
    """The roots of the complete subtrees of a tree being built, largest first."""

    def __init__(self):
        self.n = 0
        self.hashes = []

    def add(self, entry_hash):
        x = leaf(entry_hash)
        m = self.n
        while m & 1:
            x = node(self.hashes.pop(), x)
            m >>= 1
        self.hashes.append(x)
        self.n += 1

    def root(self):
        if self.n == 0:
            return hashlib.sha256(b"").digest()
        r = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            r = node(h, r)
        return r


def verify(data, checkpoints=(), max_line=MAX_LINE):
    """Checks a journal, and that it holds each checkpoint (size, root)."""
    marks = sorted(checkpoints)
    for size, root in marks:
        if size == 0 and root != hashlib.sha256(b"").digest():
            return "bad-checkpoint"
    marks = [m for m in marks if m[0] > 0]
    seq, prev_hex, offset = 0, b"0" * 64, 0
    head = bytes(32)
    front = Frontier()
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        complete = nl >= 0
        end = nl if complete else len(data)
        line = data[pos:end]
        size = end - pos + (1 if complete else 0)
        at = "%d %d %d" % (seq + 1, offset, seq)

        if len(line) > max_line:
            v = ("torn " if not complete else "too-long ") + at
            return unmet(v, seq, offset, marks, torn=not complete)
        f = frame(line)
        if f is None:
            v = ("torn " if not complete else "tampered ") + at
            return unmet(v, seq, offset, marks, torn=not complete)
        n, kind, prev, payload, h = f
        sound = (HEX.match(prev) and HEX.match(h)
                 and hashlib.sha256(line[:-TAIL] + b"}").hexdigest().encode() == h
                 and n == seq + 1 and prev == prev_hex
                 and canonical(kind, payload))
        if not sound:
            return "tampered " + at
        if not complete:
            return unmet("torn " + at, seq, offset, marks, torn=True)
        seq, prev_hex, offset = n, h, offset + size
        head = bytes.fromhex(h.decode())
        front.add(head)
        while marks and marks[0][0] == seq:
            if front.root() != marks[0][1]:
                return "mismatch %d %d %d" % (seq, offset - size, seq)
            marks.pop(0)
        pos = end + 1
    if marks:
        return "mismatch %d %d %d" % (seq + 1, offset, seq)
    return "ok %d %s %s" % (seq, head.hex(), front.root().hex())


def unmet(v, seq, offset, marks, torn):
    """A torn line before a checkpoint's last entry is entries removed."""
    if torn and marks:
        return "mismatch %d %d %d" % (seq + 1, offset, seq)
    return v


# ------------------------------------------------------------ signed notes

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if x & 1 != sign:
        x = P - x
    return x


def decompress(b):
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def add(p, q):
    a = (p[1] - p[0]) * (q[1] - q[0]) % P
    b = (p[1] + p[0]) * (q[1] + q[0]) % P
    c = 2 * p[3] * q[3] * D % P
    d = 2 * p[2] * q[2] % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = add(q, p)
        p = add(p, p)
        s >>= 1
    return q


def equal(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % P == 0 and (p[1] * q[2] - q[1] * p[2]) % P == 0


BASE = (recover_x(4 * pow(5, P - 2, P) % P, 0), 4 * pow(5, P - 2, P) % P, 1, 0)
BASE = (BASE[0], BASE[1], 1, BASE[0] * BASE[1] % P)


def ed25519_verify(public, msg, sig):
    """RFC 8032, section 5.1.7."""
    if len(public) != 32 or len(sig) != 64:
        return False
    a, r = decompress(public), decompress(sig[:32])
    s = int.from_bytes(sig[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(sig[:32] + public + msg).digest(), "little") % L
    return equal(mul(s, BASE), add(r, mul(h, a)))


B64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?\Z")


def b64(s):
    """Standard base64 with its padding, as Go reads it: a ValueError for
    anything else (base64.b64decode also takes padding after a whole group,
    "AAAA=", which Go refuses)."""
    if isinstance(s, bytes):
        s = s.decode("ascii")  # a UnicodeDecodeError is a ValueError
    if not B64.match(s):
        raise ValueError("not standard base64")
    return base64.b64decode(s, validate=True)


def parse_vkey(vkey):
    """name+hash+base64(0x01 || key), split at its first two plus signs (the
    base64 may hold more): the key hash, 8 hexadecimal digits in either case,
    is SHA-256(name \\n 0x01 key)[:4]."""
    name, _, rest = vkey.partition("+")
    hexhash, _, b64text = rest.partition("+")
    key = b64(b64text)
    if key[:1] != b"\x01" or len(key) != 33:
        raise ValueError("not an Ed25519 verifier key")
    want = hashlib.sha256(name.encode() + b"\n" + key).digest()[:4]
    if not re.fullmatch(r"[0-9a-fA-F]{8}", hexhash) or want.hex() != hexhash.lower():
        raise ValueError("the key hash does not match")
    point = decompress(key[1:])
    if point is None or equal(mul(8, point), (0, 1, 1, 0)):
        raise ValueError("a key of small order, or no point: anyone could sign for it")
    return name, want, key[1:]


def origin_name(s):
    """An origin: not empty, no space, no control character (U+0000 to
    U+001F, U+007F to U+009F), no plus sign."""
    return s != "" and "+" not in s and not any(c.isspace() or c <= "\x1f" or "\x7f" <= c <= "\x9f" for c in s)


def open_note(msg, name, keyhash, public):
    """The text of a signed note (C2SP signed-note) that the key signed, or None.

    Valid UTF-8 without control characters but line feeds; the text, up to
    the last blank line; then 1 to 100 lines "\u2014 NAME BASE64", each
    ending in a line feed, NAME without spaces or plus signs, BASE64 at
    least 5 bytes: the 4-byte key hash and the signature. Lines of other
    keys are not checked; the key's first line must verify.
    """
    if len(msg) > MAX_NOTE:
        return None
    text = msg.decode("utf-8")  # strict: a UnicodeDecodeError is no note
    if any(c < " " and c != "\n" for c in text):
        return None
    split = msg.rfind(b"\n\n")
    if split < 0:
        return None
    text, sigs = msg[:split + 1], msg[split + 2:]
    if not sigs or not sigs.endswith(b"\n"):
        return None
    lines = sigs[:-1].split(b"\n")
    if len(lines) > 100:
        return None
    prefix = "\u2014 ".encode()
    ok, seen = False, False
    for line in lines:
        if not line.startswith(prefix):
            return None
        who, _, sigtext = line[len(prefix):].decode().partition(" ")
        if not who or any(c.isspace() for c in who) or "+" in who or not sigtext:
            return None
        sig = b64(sigtext)
        if len(sig) < 5:
            return None
        if who != name or sig[:4] != keyhash or seen:
            continue
        seen = True
        if not ed25519_verify(public, text, sig[4:]):
            return None
        ok = True
    return text if ok else None


def open_checkpoint(msg, vkey):
    """Checks a signed checkpoint and returns (size, root), or None."""
    try:
        name, keyhash, public = parse_vkey(vkey)
        text = open_note(msg, name, keyhash, public)
        if text is None:
            return None
        lines = text.split(b"\n")
        if len(lines) != 4 or lines[3] != b"" or lines[0].decode() != name or not origin_name(name):
            return None
        size = int(lines[1])
        root = b64(lines[2])
        if str(size).encode() != lines[1] or not 0 <= size < 10 ** 18 or len(root) != 32 \
                or base64.b64encode(root) != lines[2]:
            return None
        return size, root
    except (ValueError, UnicodeDecodeError):
        return None


def verify_inclusion(index, size, h, proof, root):
    """RFC 9162, section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, h
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def no_repeats(pairs):
    """An object's members, refusing a name given twice."""
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("a member given twice")
    return out


def verify_receipt(data, vkey):
    if len(data.strip(b" \t\n\r")) > MAX_RECEIPT:  # the object, without the white space around it
        return "fail"
    try:
        # UTF-8, strictly: json.loads would also read a byte order mark,
        # UTF-16 and UTF-32.
        rec = json.loads(data.decode("utf-8"), object_pairs_hook=no_repeats)
        if type(rec) is not dict or set(rec) != {"entry", "proof", "checkpoint"} \
                or type(rec["proof"]) is not list or not all(type(p) is str and re.fullmatch(r"[0-9a-fA-F]{64}", p) for p in rec["proof"]):
            return "fail"
        line = rec["entry"].encode()
        if len(line) > MAX_LINE:  # a receipt holds a line of at most MAX_LINE bytes
            return "fail"
        cp = open_checkpoint(rec["checkpoint"].encode(), vkey)
        f = frame(line)
        if cp is None or f is None:
            return "fail"
        n, kind, prev, payload, h = f
        if not (HEX.match(prev) and HEX.match(h) and canonical(kind, payload)
                and hashlib.sha256(line[:-TAIL] + b"}").hexdigest().encode() == h):
            return "fail"
        proof = [bytes.fromhex(p) for p in rec["proof"]]
        if any(len(p) != 32 for p in proof):
            return "fail"
        size, root = cp
        if not verify_inclusion(n - 1, size, leaf(bytes.fromhex(h.decode())), proof, root):
            return "fail"
        return "ok %d %d" % (n, size)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # RecursionError: JSON nested too deeply
        return "fail"


def run(task):
    if "receipt" in task:
        with open(task["receipt"], "rb") as f:
            return verify_receipt(f.read(), task["key"])
    cps = []
    for path in task.get("checkpoints", []):
        with open(path, "rb") as f:
            cp = open_checkpoint(f.read(), task["key"])
        if cp is None:
            return "bad-checkpoint"
        cps.append(cp)
    with open(task["journal"], "rb") as f:
        return verify(f.read(), cps)


def main(argv):
    if len(argv) == 2 and argv[0] == "--batch":
        with open(argv[1]) as f:
            for line in f:
                if line.strip():
                    print(run(json.loads(line)))
        return 0
    task = {"checkpoints": []}
    args = iter(argv)
    for a in args:
        if a == "--key":
            task["key"] = next(args)
        elif a == "--checkpoint":
            task["checkpoints"].append(next(args))
        elif a == "--receipt":
            task["receipt"] = next(args)
        else:
            task["journal"] = a
    if "journal" not in task and "receipt" not in task:
        print(__doc__, file=sys.stderr)
        return 2
    v = run(task)
    print(v)
    return 0 if v.startswith("ok") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
