#!/usr/bin/env python3
"""Turn a walked kernel path (the dynamic instruction sequence of one pass, as the walker of
shared/notes/kernel-cost-sources.md §4 prints it) into an MKW instruction stream: one line per
instruction with its class and the instructions it depends on, which dev.mkw.hw.sim.IssueModel
schedules on a preset's pipeline.

Usage: stream.py a32|a64 WALKED_TRACE [--vector] > path.stream

--vector: the trace starts after the exception vector's own instruction, an ARMv7 `ldr pc`
(a load into the program counter, which the counts take as a load and a taken branch): put it
first, as a taken branch.

Input lines: "ADDR MNEMONIC OPERANDS [FUNCTION]" (the Fiasco walker) or "ADDR CLS MNEMONIC
OPERANDS [taken]" (the seL4 walker, CLS one of A L S B P). A branch is taken when the next
line's address is not ADDR + 4 (or the line says [taken]).

Output classes (see IssueModel): a ALU, m ALU with a shifted or extended operand or a multiply
(two cycles), l load (or atomic), s store, b branch not taken, t branch taken, y system-register
move, d memory barrier the preset has no cost for (charged as a system-register move), x a
privileged instruction the preset charges as a mechanism (exception entry and return,
page-table root write and its barriers, ARMv7 user-bank transfers): it waits for every older
instruction. After the class come the producers as distances back (1 = the instruction before);
a trailing ' marks a producer's one-cycle result (a base register written back by a load).
Register dependencies come from the operands; a load from the same [base, #offset] as an earlier
store with the same base value depends on that store (forwarding).
"""
import re, sys

ARCH = sys.argv[1]
ALIAS = {'sl': 'r10', 'fp': 'r11', 'ip': 'r12', 'sp': 'sp', 'lr': 'r14', 'pc': 'pc', 'wsp': 'sp'}
COND = '(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|hs|lo)'


def regs(s):
    out = []
    if ARCH == 'a64':
        for m in re.finditer(r'\b(?:([xw])(\d+)|(sp|wsp))\b', s):
            out.append('sp' if m.group(3) else 'r' + m.group(2))
    else:
        for m in re.finditer(r'\b(r\d+|sl|fp|ip|sp|lr|pc)\b', s):
            out.append(ALIAS.get(m.group(1), m.group(1)))
    return [r for r in out if r != 'pc']


def reglist(s):
    m = re.search(r'\{([^}]*)\}', s)
    return regs(m.group(1)) if m else []


def read(path):
    rows = []
    for line in open(path):
        p = line.split()
        if len(p) < 2 or not re.fullmatch(r'[0-9a-f]{8,16}', p[0]):
            continue
        addr = int(p[0], 16)
        taken = '[taken]' in line
        if len(p) > 2 and p[1] in ('A', 'L', 'S', 'B', 'P'):
            mn, rest = p[2], ' '.join(p[3:])
        else:
            mn, rest = p[1], ' '.join(p[2:])
            # the Fiasco walker appends the function name after two or more spaces
            cols = re.split(r'\s{2,}', line.rstrip().split(None, 2)[2]) if len(line.split(None, 2)) > 2 else ['']
            rest = cols[0] if len(cols) > 1 else rest
        rest = re.sub(r'<[^>]*>|\[taken\]', '', rest).strip()
        rows.append([addr, mn, rest, taken])
    for i, r in enumerate(rows[:-1]):
        # unconditional and indirect branches always redirect fetch, even to the next address
        if rows[i + 1][0] != r[0] + 4 or r[1] in ('b', 'bl', 'br', 'blr', 'ret', 'bx', 'blx'):
            r[3] = True
    return rows


def memop(ops):
    m = re.search(r'\[([^\]]*)\](!?)(,\s*#?-?\w+)?', ops)
    if not m:
        return None, [], False
    return m, regs(m.group(1)), bool(m.group(2) == '!' or m.group(3))


def analyse64(mn, ops, taken):
    """-> (class, reads, writes, fast_writes, mem) fast_writes: written with a one-cycle result."""
    m, base, wb = memop(ops)
    pre = ops[:m.start()] if m else ops
    parts = [x.strip() for x in pre.split(',') if x.strip()]
    if mn == 'nop':
        return 'a', [], [], [], None
    if mn == 'eret' or mn in ('isb', 'dsb'):
        return 'x', [], [], [], None
    if mn == 'dmb':
        return 'd', [], [], [], None
    if mn == 'mrs':
        return 'y', [], regs(parts[0]), [], None
    if mn == 'msr':
        return ('x' if 'ttbr' in ops else 'y'), regs(','.join(parts[1:])), [], [], None
    br = 't' if taken else 'b'
    if mn in ('b', 'bl'):
        return br, [], [], (['r30'] if mn == 'bl' else []), None
    if mn in ('br', 'blr'):
        return br, regs(parts[0]), [], (['r30'] if mn == 'blr' else []), None
    if mn == 'ret':
        return br, ['r30'], [], [], None
    if mn.startswith('b.'):
        return br, ['flags'], [], [], None
    if mn in ('cbz', 'cbnz', 'tbz', 'tbnz'):
        return br, regs(parts[0]), [], [], None
    if re.match(r'^(ldadd|ldset|ldclr|ldeor|swp|cas|stadd|stclr|stset|steor)', mn):
        w = regs(parts[1]) if len(parts) > 1 and not mn.startswith('st') else []
        return 'l', regs(parts[0]) + base, w, [], None
    if re.match(r'^(ldr|ldur|ldp|ldx|ldax|ldar|ldnp|prfm)', mn):
        w = [] if mn == 'prfm' else [r for p in parts for r in regs(p)]
        return 'l', base + ([r for r in regs(m.group(1))[1:]] if m else []), w, (base[:1] if wb else []), (m.group(1) if m else None)
    if re.match(r'^(str|stur|stp|stx|stlx|stlr|stnp)', mn):
        data = [r for p in parts for r in regs(p)]
        w = regs(parts[0]) if mn.startswith(('stx', 'stlx')) else []
        return 's', data + (regs(m.group(1)) if m else []), w, (base[:1] if wb else []), (m.group(1) if m else None)
    if mn in ('cmp', 'cmn', 'tst', 'ccmp', 'ccmn'):
        r = [x for p in parts for x in regs(p)] + (['flags'] if mn.startswith('cc') else [])
        return ('m' if shifted(ops, parts) else 'a'), r, ['flags'], [], None
    w = regs(parts[0]) if parts else []
    r = [x for p in parts[1:] for x in regs(p)]
    if mn in ('movk', 'bfi', 'bfxil', 'bfm'):
        r += w
    if mn in ('csel', 'csinc', 'csinv', 'csneg', 'cset', 'csetm', 'cinc', 'cneg', 'cinv', 'adc', 'sbc'):
        r.append('flags')
    if mn in ('ands', 'adds', 'subs', 'negs', 'bics', 'adcs', 'sbcs'):
        w = w + ['flags']
    multi = shifted(ops, parts) or mn in ('mul', 'madd', 'msub', 'umull', 'smull', 'umulh', 'smulh', 'bfi', 'bfxil', 'bfm')
    return ('m' if multi else 'a'), r, w, [], None


def shifted(ops, parts):
    """An arithmetic operand shifted (other than lsl by up to 4) or extended: two cycles on the cores modelled."""
    m = re.search(r'\b(lsl|lsr|asr|ror|[us]xt[bhwx])\b\s*#?(\d*)', ops)
    if not m or len(parts) < 3:
        return False
    return not (m.group(1) == 'lsl' and m.group(2) and int(m.group(2)) <= 4)


def analyse32(cls, mn, ops, taken):
    cond = bool(re.fullmatch(r'[a-z]+' + COND, mn)) and cls == 'A' and not re.match(r'^(teq|cmp|cmn|tst|bic|bics|ands|movs|lsls|lsrs|mls|smulls|umulls)$', mn)
    m, base, wb = memop(ops)
    if cls == 'P':
        if mn.startswith('mrc') or mn.startswith('mcr'):
            f = [x.strip() for x in ops.split(',')]
            thread_id = f[3] == 'cr13' and f[5].strip('{} ') in ('2', '3', '4')
            if mn.startswith('mrc'):
                return ('y' if thread_id else 'x'), [], regs(f[2]), [], None
            return ('y' if thread_id else 'x'), regs(f[2]), [], [], None
        if mn.startswith(('ldm', 'ldmdb')):
            return 'x', regs(ops.split(',')[0]), reglist(ops), [], None
        if mn.startswith(('stm', 'stmdb')):
            return 'x', regs(ops.split(',')[0]), [], [], None
        return 'x', [], [], [], None
    if cls == 'B':
        br = 't' if taken else 'b'
        if mn in ('bl', 'blx'):
            return br, regs(ops), [], ['r14'], None
        if mn.startswith('bx'):
            return br, regs(ops) + (['flags'] if mn != 'bx' else []), [], [], None
        return br, ([] if mn == 'b' else ['flags']), [], [], None
    if mn.startswith('push') or (cls == 'S' and mn.startswith('stm')):
        b = regs(ops.split('{')[0]) or ['sp']
        return 's', reglist(ops) + b, [], b[:1] if ('!' in ops or mn.startswith('push')) else [], None
    if mn.startswith('pop') or (cls == 'L' and mn.startswith('ldm')):
        b = regs(ops.split('{')[0]) or ['sp']
        return 'l', b, reglist(ops), b[:1] if ('!' in ops or mn.startswith('pop')) else [], None
    pre = ops[:m.start()] if m else ops
    parts = [x.strip() for x in pre.split(',') if x.strip()]
    if cls == 'L':
        return 'l', regs(m.group(1) if m else '') + (['flags'] if cond else []), regs(','.join(parts)), base[:1] if wb else [], (m.group(1) if m else None)
    if cls == 'S':
        return 's', regs(','.join(parts)) + regs(m.group(1) if m else ''), [], base[:1] if wb else [], (m.group(1) if m else None)
    if re.match(r'^(cmp|cmn|tst|teq)', mn):
        return 'a', regs(ops), ['flags'], [], None
    w = regs(parts[0]) if parts else []
    r = [x for q in parts[1:] for x in regs(q)]
    if mn.startswith('movt') or cond:
        r += w
    if cond:
        r.append('flags')
    if re.match(r'^(ands|orrs|adds|subs|movs|lsls|lsrs|bics|rsbs)$', mn):
        w = w + ['flags']
    multi = bool(re.search(r',\s*(lsl|lsr|asr|ror)\s+r', ops)) or mn.startswith(('mul', 'mla', 'umull', 'smull'))
    return ('m' if multi else 'a'), r, w, [], None


def main():
    rows = read(sys.argv[2])
    producer = {}  # register -> (index, fast)
    version = {}   # register -> index of its last write, for store-to-load matching
    stores = {}    # (mem text, base version) -> index
    out = []
    for i, (addr, mn, ops, taken) in enumerate(rows):
        if ARCH == 'a64':
            c, reads, writes, fast, mem = analyse64(mn, ops, taken)
        else:
            cls = open_cls[i] if open_cls else 'A'
            c, reads, writes, fast, mem = analyse32(cls, mn, ops, taken)
        deps = {}
        for r in reads:
            if r in producer:
                j, f = producer[r]
                d = i - j
                deps[d] = deps.get(d, True) and f
        if mem is not None:
            key = (re.sub(r'\s', '', mem), version.get((regs(mem) or ['?'])[0], -1))
            if c == 'l' and key in stores:
                d = i - stores[key]
                deps[d] = False
            if c == 's':
                stores[key] = i
        for r in writes:
            producer[r] = (i, False)
            version[r] = i
        for r in fast:
            producer[r] = (i, True)
            version[r] = i
        out.append(c + ''.join(' %d%s' % (d, "'" if f else '') for d, f in sorted(deps.items())))
    if '--vector' in sys.argv:
        out.insert(0, 't')
    print('\n'.join(out))


open_cls = None
if ARCH == 'a32':
    open_cls = []
    for line in open(sys.argv[2]):
        p = line.split()
        if len(p) > 2 and re.fullmatch(r'[0-9a-f]{8,16}', p[0]):
            open_cls.append(p[1])
main()
