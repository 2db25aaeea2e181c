"""Collects the TensorFlow protobuf descriptors modelgate decodes into one trimmed FileDescriptorSet.

The tensorflow-cpu wheel ships no .proto files, but every *_pb2 module carries its compiled upstream
FileDescriptorProto. We keep only the messages the scanner reads (KEEP below); fields whose message
type is dropped are removed, so the generated decoder skips them as unknown fields.

Usage: python collect.py OUT.pb   (run by generate.sh with /work/venvs/tf/bin/python)
"""
import importlib
import os
import sys

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
from google.protobuf import descriptor_pb2  # noqa: E402

MODULES = [
    'tensorflow.core.protobuf.saved_model_pb2',
    'tensorflow.core.protobuf.meta_graph_pb2',
    'tensorflow.core.protobuf.saved_object_graph_pb2',
    'tensorflow.core.protobuf.saver_pb2',
    'tensorflow.core.framework.graph_pb2',
    'tensorflow.core.framework.node_def_pb2',
    'tensorflow.core.framework.attr_value_pb2',
    'tensorflow.core.framework.function_pb2',
    'tensorflow.core.framework.op_def_pb2',
    'tensorflow.core.framework.tensor_pb2',
    'tensorflow.core.framework.tensor_shape_pb2',
    'tensorflow.core.framework.types_pb2',
    'tensorflow.core.framework.versions_pb2',
    'tensorflow.python.keras.protobuf.saved_metadata_pb2',
]

# Messages the scanner reads (full names). Map entry types follow their field.
KEEP = {
    'tensorflow.SavedModel',
    'tensorflow.MetaGraphDef', 'tensorflow.MetaGraphDef.MetaInfoDef',
    'tensorflow.CollectionDef', 'tensorflow.CollectionDef.NodeList', 'tensorflow.CollectionDef.BytesList',
    'tensorflow.SaverDef', 'tensorflow.AssetFileDef',
    'tensorflow.GraphDef', 'tensorflow.NodeDef', 'tensorflow.VersionDef',
    'tensorflow.AttrValue', 'tensorflow.AttrValue.ListValue', 'tensorflow.NameAttrList',
    'tensorflow.TensorProto', 'tensorflow.TensorShapeProto', 'tensorflow.TensorShapeProto.Dim',
    'tensorflow.FunctionDefLibrary', 'tensorflow.FunctionDef', 'tensorflow.GradientDef',
    'tensorflow.RegisteredGradient',
    'tensorflow.OpDef', 'tensorflow.OpDef.ArgDef', 'tensorflow.OpDef.AttrDef', 'tensorflow.OpList',
    'tensorflow.SavedObjectGraph', 'tensorflow.SavedObject', 'tensorflow.SavedUserObject',
    'tensorflow.SavedAsset', 'tensorflow.SavedFunction', 'tensorflow.SavedBareConcreteFunction',
    'third_party.tensorflow.python.keras.protobuf.SavedMetadata',
    'third_party.tensorflow.python.keras.protobuf.SavedObject',
}
# Enums are small: keep those of kept files.


def trim_message(msg, prefix, kept_out):
    """Returns True when msg (full name prefix+msg.name) is kept; trims its fields and nested types."""
    full = prefix + msg.name
    is_map = msg.options.map_entry
    if full not in KEEP and not is_map:
        return False
    nested = [n for n in msg.nested_type]
    del msg.nested_type[:]
    for n in nested:
        if trim_message(n, full + '.', kept_out):
            msg.nested_type.add().CopyFrom(n)
    fields = [f for f in msg.field]
    del msg.field[:]
    for f in fields:
        if f.type == f.TYPE_MESSAGE:
            target = f.type_name.lstrip('.')
            if target not in KEEP and target not in kept_out:
                continue
        msg.field.add().CopyFrom(f)
    if is_map and len(msg.field) != 2:
        return False  # its value type was dropped: the map field goes too
    # Oneofs left without fields would be rejected: drop declarations no field uses.
    used = {f.oneof_index for f in msg.field if f.HasField('oneof_index')}
    if len(used) != len(msg.oneof_decl):
        names = [o.name for o in msg.oneof_decl]
        remap = {old: new for new, old in enumerate(sorted(used))}
        for f in msg.field:
            if f.HasField('oneof_index'):
                f.oneof_index = remap[f.oneof_index]
        del msg.oneof_decl[:]
        for old in sorted(used):
            msg.oneof_decl.add().name = names[old]
    kept_out.add(full)
    return True


def main(out):
    files = {}
    for m in MODULES:
        fd = importlib.import_module(m).DESCRIPTOR
        files[fd.name] = fd
    fset = descriptor_pb2.FileDescriptorSet()
    kept = set()
    for name in sorted(files):
        proto = descriptor_pb2.FileDescriptorProto()
        files[name].CopyToProto(proto)
        prefix = (proto.package + '.') if proto.package else ''
        msgs = list(proto.message_type)
        del proto.message_type[:]
        for msg in msgs:
            if trim_message(msg, prefix, kept):
                proto.message_type.add().CopyFrom(msg)
        del proto.dependency[:]
        del proto.service[:]
        proto.ClearField('options')
        proto.ClearField('source_code_info')
        fset.file.add().CopyFrom(proto)
    missing = KEEP - kept
    if missing:
        sys.exit('not found: %s' % sorted(missing))
    with open(out, 'wb') as fh:
        fh.write(fset.SerializeToString())
    import tensorflow as tf  # only for the version stamp
    print(tf.__version__)


if __name__ == '__main__':
    main(sys.argv[1])
