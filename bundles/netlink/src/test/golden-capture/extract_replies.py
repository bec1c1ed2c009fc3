import sys
sys.argv=['x']
exec(open('extract.py').read().split('# pick:')[0])
for name, t in [('r_br0',0x10),('r_va0',0x10),('r_vx6',0x10),('r_vx4',0x10),('r_addr',0x14),('r_route',0x18)]:
    ms=[m for m in msgs(name+'.trace') if m[0]==t]
    if t==0x10: ms=[m for m in ms if m[2]!=0 and len(m[3])>100][:1]
    for m in ms:
        print(name[2:], m[3].hex())
