import re, sys
FL = {'NLM_F_REQUEST':1,'NLM_F_MULTI':2,'NLM_F_ACK':4,'NLM_F_ECHO':8,'NLM_F_DUMP_INTR':0x10,'NLM_F_DUMP_FILTERED':0x20}
pat = re.compile(r'\{nlmsg_len=(\d+), nlmsg_type=(0x[0-9a-f]+|\w+)[^,]*, nlmsg_flags=([^,]+), nlmsg_seq=(\d+), nlmsg_pid=(-?\d+)\}, "((?:\\x[0-9a-f]{2})*)"')
def msgs(path):
    out=[]
    for line in open(path):
        if 'exited' in line: continue
        for m in pat.finditer(line):
            ln,ty,fl,seq,pid,payload = m.groups()
            t = int(ty,16) if ty.startswith('0x') else {'NLMSG_DONE':3}[ty]
            f = 0
            for part in fl.split('|'):
                f |= FL[part] if part in FL else int(part,16)
            data = bytes(int(x,16) for x in re.findall(r'\\x([0-9a-f]{2})', payload))
            hdr = int(ln).to_bytes(4,'little')+t.to_bytes(2,'little')+f.to_bytes(2,'little')+int(seq).to_bytes(4,'little')+int(pid).to_bytes(4,"little",signed=True)
            assert int(ln) == 16+len(data), (path, ln, len(data))
            out.append((t,f,int(seq),hdr+data))
    return out
# pick: the main request = last message that is not a lookup (GETLINK w/o dump flags) and not the seq=0 probe
def main_request(path, want_type=None):
    cands=[m for m in msgs(path) if m[2]!=0 and not (m[0]==0x12 and m[1]==1)]
    if want_type is not None:
        cands=[m for m in cands if m[0]==want_type]
    return cands[-1][3]
names = sys.argv[1:]
for spec in names:
    name, _, t = spec.partition(':')
    if t == 'lookup':
        data=[m for m in msgs(name+'.trace') if m[0]==0x12 and m[1]==1][-1][3]
    else:
        data = main_request(name+'.trace', int(t,16) if t else None)
    print(name, data.hex())
