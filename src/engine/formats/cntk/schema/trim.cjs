// Reads the vendored CNTK.proto and writes protobufjs JSON for pbjs without NDArrayView's `values`
// oneof (the weights): the decoder skips those fields as unknown, so tensors are never copied or
// walked; data type, storage format and shape are kept. Generation time only (never shipped).
const fs = require('fs');
const path = require('path');
const protobuf = require('protobufjs');
const [out] = process.argv.slice(2);
const root = protobuf.parse(fs.readFileSync(path.join(__dirname, 'CNTK.proto'), 'utf8'), { keepCase: true }).root;
const view = root.lookupType('CNTK.proto.NDArrayView');
for (const o of [...view.oneofsArray]) { for (const f of [...o.fieldsArray]) { o.remove(f); view.remove(f); } view.remove(o); }
for (const n of ['FloatValues', 'DoubleValues', 'BytesValue', 'IntValues']) view.remove(view.lookupType(n));
root.resolveAll();
fs.writeFileSync(out, JSON.stringify(root.toJSON({ keepComments: false }), null, 1));
