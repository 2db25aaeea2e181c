#!/usr/bin/env python3
"""Prints the coverage recorded in the generated table's meta as a Markdown table (for README.md)."""
import json
import os
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'src/engine/formats/pickle/knowledge/kb.generated.ts'
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbfile import read_text  # noqa: E402

d = json.loads(read_text(path))
cov, ver = d['meta']['coverage'], d['meta']['versions']
print('| package | version | public callables | with facts | share | left out (not callable at run time) |')
print('| --- | --- | ---: | ---: | ---: | ---: |')
tp = tk = tx = 0
for k, v in sorted(cov.items(), key=lambda kv: -kv[1]['public']):
    tp += v['public']
    tk += v['known']
    tx += v.get('excluded', 0)
    print(f"| {k} | {ver.get(k, '')} | {v['public']} | {v['known']} | {100 * v['share']:.1f}% | {v.get('excluded', 0)} |")
print(f'| **all** | | {tp} | {tk} | {100 * tk / max(tp, 1):.1f}% | {tx} |')
