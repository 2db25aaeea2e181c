#!/usr/bin/env python3
"""Cross-checks schema.fbs (our reconstructed subset) against the flatc-generated Python that ships in
the tensorflow wheel, so anyone can verify the reconstruction:

    python3 check_schema.py /work/venvs/tf/lib/python3.11/site-packages/tensorflow/lite/python/schema_py_generated.py

How: flatc compiles schema.fbs to Python in a temporary folder; the same extractor reads both Pythons
(per table: accessor name -> vtable offset, kind, scalar type, default; per enum: name -> value) and
compares them. Rules: every field we declare must agree with upstream; a table we declare with fields
must list every upstream field up to its last one (vtable slot n is at offset 4 + 2n, so a missing
field would shift the rest); empty tables are stubs; unions may be a prefix; every other enum must be
complete. Exit status 0 when everything agrees."""
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
UNIONS = {"BuiltinOptions", "BuiltinOptions2"}


def extract(src):
    parts = re.split(r"\nclass (\w+)\(object\):", src)
    out = {}
    for i in range(1, len(parts), 2):
        name, body = parts[i], re.split(r"\n(?=def |class )", parts[i + 1])[0]
        enum = {k: int(v) for k, v in re.findall(r"^    ([A-Za-z0-9_]+) = (-?\d+)$", body, re.M)}
        raw = {}
        for chunk in re.split(r"\n    (?=def |# |@)", body):
            m = re.match(r"def (\w+)\(self(?:, j)?\):\n", chunk)
            o = re.search(r"Offset\((\d+)\)", chunk)
            if m and o:
                raw[m.group(1)] = (int(o.group(1)), chunk)
        fields = {}
        for acc, (off, chunk) in raw.items():
            base = re.sub(r"(AsNumpy|Length|IsNone)$", "", acc)
            if base != acc and base in raw and raw[base][0] == off:
                continue  # helper of a vector accessor
            types = re.findall(r"_tab\.Get\(flatbuffers\.number_types\.(\w+)Flags", chunk)
            if "self._tab.Vector(" in chunk:
                kind = "[table]" if "Indirect" in chunk else "[string]" if ".String(" in chunk else f"[{types[0] if types else '?'}]"
                default = ""
            elif ".String(" in chunk:
                kind, default = "string", ""
            elif "Union(" in chunk:
                kind, default = "union", ""
            elif "Indirect" in chunk:
                kind, default = "table", ""
            else:
                kind = types[0] if types else "?"
                default = re.findall(r"return (\S+)\s*$", chunk.rstrip())[-1]
            fields[acc] = (off, kind, default)
        out[name] = (enum, fields)
    return out


def main():
    upstream_path = sys.argv[1] if len(sys.argv) > 1 else None
    if not upstream_path:
        found = glob.glob("/work/venvs/tf/lib/python3*/site-packages/tensorflow/lite/python/schema_py_generated.py")
        if not found:
            sys.exit("usage: check_schema.py path/to/schema_py_generated.py")
        upstream_path = found[0]
    upstream = extract(open(upstream_path).read())
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["flatc", "--python", "-o", tmp, os.path.join(HERE, "schema.fbs")], check=True)
        ours = {}
        for py in sorted(glob.glob(os.path.join(tmp, "tflite", "*.py"))):
            ours.update(extract("\n" + open(py).read()))
    errors, checked_fields, checked_values = [], 0, 0
    for name, (enum, fields) in sorted(ours.items()):
        if name not in upstream:
            errors.append(f"{name}: not in upstream")
            continue
        up_enum, up_fields = upstream[name]
        if enum or up_enum:
            for k, v in enum.items():
                checked_values += 1
                if up_enum.get(k) != v:
                    errors.append(f"enum {name}.{k} = {v}, upstream {up_enum.get(k)}")
            missing = set(up_enum) - set(enum)
            if missing and name not in UNIONS:
                errors.append(f"enum {name} lacks {len(missing)} upstream values: {sorted(missing)[:5]}")
            print(f"ok     enum {name}: {len(enum)} values{' (union prefix)' if missing else ''}")
            continue
        if not fields:
            print(f"stub   {name} (upstream has {len(up_fields)} fields, none read by modelgate)")
            continue
        last = max(off for off, _, _ in fields.values())
        for acc, f in fields.items():
            checked_fields += 1
            if up_fields.get(acc) != f:
                errors.append(f"{name}.{acc}: ours {f}, upstream {up_fields.get(acc)}")
        for acc, f in up_fields.items():
            if acc not in fields and f[0] <= last:
                errors.append(f"{name}.{acc} (slot {(f[0] - 4) // 2}) missing before our last field")
            elif acc not in fields:
                print(f"note   {name}.{acc} (slot {(f[0] - 4) // 2}) after our last field: not in the subset")
        print(f"ok     {name}: {len(fields)} fields")
    print(f"{checked_fields} fields and {checked_values} enum values compared with {upstream_path}")
    for e in errors:
        print("ERROR ", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
