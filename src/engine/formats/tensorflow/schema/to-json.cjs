// Turns the FileDescriptorSet written by collect.py into protobufjs JSON for pbjs. Generation time
// only (reflection is fine here; it is never shipped).
const fs = require('fs');
const protobuf = require('protobufjs');
require('protobufjs/ext/descriptor');
const [input, output] = process.argv.slice(2);
const root = protobuf.Root.fromDescriptor(fs.readFileSync(input));
fs.writeFileSync(output, JSON.stringify(root.toJSON({ keepComments: false }), null, 1));
