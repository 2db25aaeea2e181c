#!/usr/bin/env python3
"""Prints the coverage recorded in the generated table's meta as a Markdown table (for README.md)."""
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'src/engine/formats/pickle/knowledge/kb.generated.ts'
text = open(path).read()
d = json.loads(json.loads(text[text.index('KB_JSON =') + 9:].strip().rstrip(';')))
cov, ver = d['meta']['coverage'], d['meta']['versions']
print('| package | version | public callables | with facts | share |')
print('| --- | --- | ---: | ---: | ---: |')
tp = tk = 0
for k, v in sorted(cov.items(), key=lambda kv: -kv[1]['public']):
    tp += v['public']
    tk += v['known']
    print(f"| {k} | {ver.get(k, '')} | {v['public']} | {v['known']} | {100 * v['share']:.1f}% |")
print(f'| **all** | | {tp} | {tk} | {100 * tk / max(tp, 1):.1f}% |')
