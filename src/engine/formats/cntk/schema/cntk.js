/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const CNTK = $root.CNTK = (() => {

    /**
     * Namespace CNTK.
     * @exports CNTK
     * @namespace
     */
    const CNTK = {};

    CNTK.proto = (function() {

        /**
         * Namespace proto.
         * @memberof CNTK
         * @namespace
         */
        const proto = {};

        proto.NDShape = (function() {

            /**
             * Properties of a NDShape.
             * @typedef {Object} CNTK.proto.NDShape.$Properties
             * @property {Array.<number|Long>|null} [shape_dim] NDShape shape_dim
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NDShape.
             * @memberof CNTK.proto
             * @interface INDShape
             * @augments CNTK.proto.NDShape.$Properties
             * @deprecated Use CNTK.proto.NDShape.$Properties instead.
             */

            /**
             * Shape of a NDShape.
             * @typedef {CNTK.proto.NDShape.$Properties} CNTK.proto.NDShape.$Shape
             */

            /**
             * Constructs a new NDShape.
             * @memberof CNTK.proto
             * @classdesc Represents a NDShape.
             * @constructor
             * @param {CNTK.proto.NDShape.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NDShape = function (properties) {
                this.shape_dim = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NDShape shape_dim.
             * @member {Array.<number|Long>} shape_dim
             * @memberof CNTK.proto.NDShape
             * @instance
             */
            NDShape.prototype.shape_dim = $util.emptyArray;

            /**
             * Decodes a NDShape message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.NDShape
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.NDShape & CNTK.proto.NDShape.$Shape} NDShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NDShape.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.NDShape();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.shape_dim && message.shape_dim.length))
                                    message.shape_dim = [];
                                reader.uint64s(message.shape_dim);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.shape_dim && message.shape_dim.length))
                                message.shape_dim = [];
                            message.shape_dim.push(reader.uint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return NDShape;
        })();

        proto.Axis = (function() {

            /**
             * Properties of an Axis.
             * @typedef {Object} CNTK.proto.Axis.$Properties
             * @property {number|null} [static_axis_idx] Axis static_axis_idx
             * @property {string|null} [name] Axis name
             * @property {boolean|null} [is_ordered_dynamic_axis] Axis is_ordered_dynamic_axis
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Axis.
             * @memberof CNTK.proto
             * @interface IAxis
             * @augments CNTK.proto.Axis.$Properties
             * @deprecated Use CNTK.proto.Axis.$Properties instead.
             */

            /**
             * Shape of an Axis.
             * @typedef {CNTK.proto.Axis.$Properties} CNTK.proto.Axis.$Shape
             */

            /**
             * Constructs a new Axis.
             * @memberof CNTK.proto
             * @classdesc Represents an Axis.
             * @constructor
             * @param {CNTK.proto.Axis.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Axis = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Axis static_axis_idx.
             * @member {number} static_axis_idx
             * @memberof CNTK.proto.Axis
             * @instance
             */
            Axis.prototype.static_axis_idx = 0;

            /**
             * Axis name.
             * @member {string} name
             * @memberof CNTK.proto.Axis
             * @instance
             */
            Axis.prototype.name = "";

            /**
             * Axis is_ordered_dynamic_axis.
             * @member {boolean} is_ordered_dynamic_axis
             * @memberof CNTK.proto.Axis
             * @instance
             */
            Axis.prototype.is_ordered_dynamic_axis = false;

            /**
             * Decodes an Axis message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.Axis
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.Axis & CNTK.proto.Axis.$Shape} Axis
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Axis.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.Axis();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.static_axis_idx = value;
                            else
                                delete message.static_axis_idx;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.is_ordered_dynamic_axis = value;
                            else
                                delete message.is_ordered_dynamic_axis;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Axis;
        })();

        proto.NDArrayView = (function() {

            /**
             * Properties of a NDArrayView.
             * @typedef {Object} CNTK.proto.NDArrayView.$Properties
             * @property {CNTK.proto.NDArrayView.DataType|null} [data_type] NDArrayView data_type
             * @property {CNTK.proto.NDArrayView.StorageFormat|null} [storage_format] NDArrayView storage_format
             * @property {CNTK.proto.NDShape.$Properties|null} [shape] NDArrayView shape
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NDArrayView.
             * @memberof CNTK.proto
             * @interface INDArrayView
             * @augments CNTK.proto.NDArrayView.$Properties
             * @deprecated Use CNTK.proto.NDArrayView.$Properties instead.
             */

            /**
             * Shape of a NDArrayView.
             * @typedef {CNTK.proto.NDArrayView.$Properties} CNTK.proto.NDArrayView.$Shape
             */

            /**
             * Constructs a new NDArrayView.
             * @memberof CNTK.proto
             * @classdesc Represents a NDArrayView.
             * @constructor
             * @param {CNTK.proto.NDArrayView.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NDArrayView = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NDArrayView data_type.
             * @member {CNTK.proto.NDArrayView.DataType} data_type
             * @memberof CNTK.proto.NDArrayView
             * @instance
             */
            NDArrayView.prototype.data_type = 0;

            /**
             * NDArrayView storage_format.
             * @member {CNTK.proto.NDArrayView.StorageFormat} storage_format
             * @memberof CNTK.proto.NDArrayView
             * @instance
             */
            NDArrayView.prototype.storage_format = 0;

            /**
             * NDArrayView shape.
             * @member {CNTK.proto.NDShape.$Properties|null|undefined} shape
             * @memberof CNTK.proto.NDArrayView
             * @instance
             */
            NDArrayView.prototype.shape = null;

            /**
             * Decodes a NDArrayView message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.NDArrayView
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.NDArrayView & CNTK.proto.NDArrayView.$Shape} NDArrayView
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NDArrayView.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.NDArrayView();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.data_type = value;
                            else
                                delete message.data_type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.storage_format = value;
                            else
                                delete message.storage_format;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.shape = $root.CNTK.proto.NDShape.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * DataType enum.
             * @name CNTK.proto.NDArrayView.DataType
             * @enum {number}
             * @property {number} Unknown=0 Unknown value
             * @property {number} Float=1 Float value
             * @property {number} Double=2 Double value
             * @property {number} Float16=4 Float16 value
             * @property {number} Int8=5 Int8 value
             * @property {number} Int16=6 Int16 value
             */
            NDArrayView.DataType = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "Unknown"] = 0;
                values[valuesById[1] = "Float"] = 1;
                values[valuesById[2] = "Double"] = 2;
                values[valuesById[4] = "Float16"] = 4;
                values[valuesById[5] = "Int8"] = 5;
                values[valuesById[6] = "Int16"] = 6;
                return values;
            })();

            /**
             * StorageFormat enum.
             * @name CNTK.proto.NDArrayView.StorageFormat
             * @enum {number}
             * @property {number} Dense=0 Dense value
             * @property {number} SparseCSC=1 SparseCSC value
             * @property {number} SparseBlockCol=2 SparseBlockCol value
             */
            NDArrayView.StorageFormat = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "Dense"] = 0;
                values[valuesById[1] = "SparseCSC"] = 1;
                values[valuesById[2] = "SparseBlockCol"] = 2;
                return values;
            })();

            return NDArrayView;
        })();

        proto.Vector = (function() {

            /**
             * Properties of a Vector.
             * @typedef {Object} CNTK.proto.Vector.$Properties
             * @property {Array.<CNTK.proto.DictionaryValue.$Properties>|null} [value] Vector value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Vector.
             * @memberof CNTK.proto
             * @interface IVector
             * @augments CNTK.proto.Vector.$Properties
             * @deprecated Use CNTK.proto.Vector.$Properties instead.
             */

            /**
             * Shape of a Vector.
             * @typedef {{
             *   value?: Array.<CNTK.proto.DictionaryValue.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CNTK.proto.Vector.$Shape
             */

            /**
             * Constructs a new Vector.
             * @memberof CNTK.proto
             * @classdesc Represents a Vector.
             * @constructor
             * @param {CNTK.proto.Vector.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Vector = function (properties) {
                this.value = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Vector value.
             * @member {Array.<CNTK.proto.DictionaryValue.$Properties>} value
             * @memberof CNTK.proto.Vector
             * @instance
             */
            Vector.prototype.value = $util.emptyArray;

            /**
             * Decodes a Vector message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.Vector
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.Vector & CNTK.proto.Vector.$Shape} Vector
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Vector.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.Vector();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.value && message.value.length))
                                message.value = [];
                            message.value.push($root.CNTK.proto.DictionaryValue.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Vector;
        })();

        proto.Dictionary = (function() {

            /**
             * Properties of a Dictionary.
             * @typedef {Object} CNTK.proto.Dictionary.$Properties
             * @property {number|Long|null} [version] Dictionary version
             * @property {Object.<string,CNTK.proto.DictionaryValue.$Properties>|null} [data] Dictionary data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dictionary.
             * @memberof CNTK.proto
             * @interface IDictionary
             * @augments CNTK.proto.Dictionary.$Properties
             * @deprecated Use CNTK.proto.Dictionary.$Properties instead.
             */

            /**
             * Shape of a Dictionary.
             * @typedef {{
             *   version?: number|Long|null;
             *   data?: Object.<string,CNTK.proto.DictionaryValue.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CNTK.proto.Dictionary.$Shape
             */

            /**
             * Constructs a new Dictionary.
             * @memberof CNTK.proto
             * @classdesc Represents a Dictionary.
             * @constructor
             * @param {CNTK.proto.Dictionary.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dictionary = function (properties) {
                this.data = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Dictionary version.
             * @member {number|Long} version
             * @memberof CNTK.proto.Dictionary
             * @instance
             */
            Dictionary.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Dictionary data.
             * @member {Object.<string,CNTK.proto.DictionaryValue.$Properties>} data
             * @memberof CNTK.proto.Dictionary
             * @instance
             */
            Dictionary.prototype.data = $util.emptyObject;

            /**
             * Decodes a Dictionary message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.Dictionary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.Dictionary & CNTK.proto.Dictionary.$Shape} Dictionary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dictionary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.Dictionary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (message.data === $util.emptyObject)
                                message.data = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = $root.CNTK.proto.DictionaryValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.data, key);
                            message.data[key] = value || new $root.CNTK.proto.DictionaryValue();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Dictionary;
        })();

        proto.DictionaryValue = (function() {

            /**
             * Properties of a DictionaryValue.
             * @typedef {Object} CNTK.proto.DictionaryValue.$Properties
             * @property {number|Long|null} [version] DictionaryValue version
             * @property {CNTK.proto.DictionaryValue.Type|null} [value_type] DictionaryValue value_type
             * @property {boolean|null} [bool_value] DictionaryValue bool_value
             * @property {number|null} [int_value] DictionaryValue int_value
             * @property {number|Long|null} [size_t_value] DictionaryValue size_t_value
             * @property {number|null} [float_value] DictionaryValue float_value
             * @property {number|null} [double_value] DictionaryValue double_value
             * @property {string|null} [string_value] DictionaryValue string_value
             * @property {CNTK.proto.NDShape.$Properties|null} [nd_shape_value] DictionaryValue nd_shape_value
             * @property {CNTK.proto.Axis.$Properties|null} [axis_value] DictionaryValue axis_value
             * @property {CNTK.proto.Vector.$Properties|null} [vector_value] DictionaryValue vector_value
             * @property {CNTK.proto.Dictionary.$Properties|null} [dictionary_value] DictionaryValue dictionary_value
             * @property {CNTK.proto.NDArrayView.$Properties|null} [nd_array_view_value] DictionaryValue nd_array_view_value
             * @property {"bool_value"|"int_value"|"size_t_value"|"float_value"|"double_value"|"string_value"|"nd_shape_value"|"axis_value"|"vector_value"|"dictionary_value"|"nd_array_view_value"} [value] DictionaryValue value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DictionaryValue.
             * @memberof CNTK.proto
             * @interface IDictionaryValue
             * @augments CNTK.proto.DictionaryValue.$Properties
             * @deprecated Use CNTK.proto.DictionaryValue.$Properties instead.
             */

            /**
             * Narrowed shape of a DictionaryValue.
             * @typedef {{
             *   version?: number|Long|null;
             *   value_type?: CNTK.proto.DictionaryValue.Type|null;
             *   bool_value?: boolean|null;
             *   int_value?: number|null;
             *   size_t_value?: number|Long|null;
             *   float_value?: number|null;
             *   double_value?: number|null;
             *   string_value?: string|null;
             *   nd_shape_value?: CNTK.proto.NDShape.$Shape|null;
             *   axis_value?: CNTK.proto.Axis.$Shape|null;
             *   vector_value?: CNTK.proto.Vector.$Shape|null;
             *   dictionary_value?: CNTK.proto.Dictionary.$Shape|null;
             *   nd_array_view_value?: CNTK.proto.NDArrayView.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ value?: undefined; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "bool_value"; bool_value: boolean; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "int_value"; bool_value?: null; int_value: number; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "size_t_value"; bool_value?: null; int_value?: null; size_t_value: number|Long; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "float_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value: number; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "double_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value: number; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "string_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value: string; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "nd_shape_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value: CNTK.proto.NDShape.$Shape; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "axis_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value: CNTK.proto.Axis.$Shape; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "vector_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value: CNTK.proto.Vector.$Shape; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "dictionary_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value: CNTK.proto.Dictionary.$Shape; nd_array_view_value?: null }|{ value?: "nd_array_view_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value: CNTK.proto.NDArrayView.$Shape })
             * )} CNTK.proto.DictionaryValue.$Shape
             */

            /**
             * Constructs a new DictionaryValue.
             * @memberof CNTK.proto
             * @classdesc Represents a DictionaryValue.
             * @constructor
             * @param {CNTK.proto.DictionaryValue.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DictionaryValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DictionaryValue version.
             * @member {number|Long} version
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DictionaryValue value_type.
             * @member {CNTK.proto.DictionaryValue.Type} value_type
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.value_type = 0;

            /**
             * DictionaryValue bool_value.
             * @member {boolean|null|undefined} bool_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.bool_value = null;

            /**
             * DictionaryValue int_value.
             * @member {number|null|undefined} int_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.int_value = null;

            /**
             * DictionaryValue size_t_value.
             * @member {number|Long|null|undefined} size_t_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.size_t_value = null;

            /**
             * DictionaryValue float_value.
             * @member {number|null|undefined} float_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.float_value = null;

            /**
             * DictionaryValue double_value.
             * @member {number|null|undefined} double_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.double_value = null;

            /**
             * DictionaryValue string_value.
             * @member {string|null|undefined} string_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.string_value = null;

            /**
             * DictionaryValue nd_shape_value.
             * @member {CNTK.proto.NDShape.$Properties|null|undefined} nd_shape_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.nd_shape_value = null;

            /**
             * DictionaryValue axis_value.
             * @member {CNTK.proto.Axis.$Properties|null|undefined} axis_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.axis_value = null;

            /**
             * DictionaryValue vector_value.
             * @member {CNTK.proto.Vector.$Properties|null|undefined} vector_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.vector_value = null;

            /**
             * DictionaryValue dictionary_value.
             * @member {CNTK.proto.Dictionary.$Properties|null|undefined} dictionary_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.dictionary_value = null;

            /**
             * DictionaryValue nd_array_view_value.
             * @member {CNTK.proto.NDArrayView.$Properties|null|undefined} nd_array_view_value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            DictionaryValue.prototype.nd_array_view_value = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * DictionaryValue value.
             * @member {"bool_value"|"int_value"|"size_t_value"|"float_value"|"double_value"|"string_value"|"nd_shape_value"|"axis_value"|"vector_value"|"dictionary_value"|"nd_array_view_value"|undefined} value
             * @memberof CNTK.proto.DictionaryValue
             * @instance
             */
            $Object.defineProperty(DictionaryValue.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["bool_value", "int_value", "size_t_value", "float_value", "double_value", "string_value", "nd_shape_value", "axis_value", "vector_value", "dictionary_value", "nd_array_view_value"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Decodes a DictionaryValue message from the specified reader or buffer.
             * @function decode
             * @memberof CNTK.proto.DictionaryValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CNTK.proto.DictionaryValue & CNTK.proto.DictionaryValue.$Shape} DictionaryValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DictionaryValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.CNTK.proto.DictionaryValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.value_type = value;
                            else
                                delete message.value_type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.bool_value = reader.bool();
                            message.value = "bool_value";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.int_value = reader.int32();
                            message.value = "int_value";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            message.size_t_value = reader.uint64();
                            message.value = "size_t_value";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 5)
                                break;
                            message.float_value = reader.float();
                            message.value = "float_value";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            message.double_value = reader.double();
                            message.value = "double_value";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.string_value = reader.stringVerify();
                            message.value = "string_value";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.nd_shape_value = $root.CNTK.proto.NDShape.decode(reader, reader.size(), $undefined, _depth + 1, message.nd_shape_value);
                            message.value = "nd_shape_value";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.axis_value = $root.CNTK.proto.Axis.decode(reader, reader.size(), $undefined, _depth + 1, message.axis_value);
                            message.value = "axis_value";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.vector_value = $root.CNTK.proto.Vector.decode(reader, reader.size(), $undefined, _depth + 1, message.vector_value);
                            message.value = "vector_value";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.dictionary_value = $root.CNTK.proto.Dictionary.decode(reader, reader.size(), $undefined, _depth + 1, message.dictionary_value);
                            message.value = "dictionary_value";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.nd_array_view_value = $root.CNTK.proto.NDArrayView.decode(reader, reader.size(), $undefined, _depth + 1, message.nd_array_view_value);
                            message.value = "nd_array_view_value";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Type enum.
             * @name CNTK.proto.DictionaryValue.Type
             * @enum {number}
             * @property {number} None=0 None value
             * @property {number} Bool=1 Bool value
             * @property {number} Int=2 Int value
             * @property {number} SizeT=3 SizeT value
             * @property {number} Float=4 Float value
             * @property {number} Double=5 Double value
             * @property {number} String=6 String value
             * @property {number} NDShape=7 NDShape value
             * @property {number} Axis=8 Axis value
             * @property {number} Vector=9 Vector value
             * @property {number} Dictionary=10 Dictionary value
             * @property {number} NDArrayView=11 NDArrayView value
             */
            DictionaryValue.Type = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "None"] = 0;
                values[valuesById[1] = "Bool"] = 1;
                values[valuesById[2] = "Int"] = 2;
                values[valuesById[3] = "SizeT"] = 3;
                values[valuesById[4] = "Float"] = 4;
                values[valuesById[5] = "Double"] = 5;
                values[valuesById[6] = "String"] = 6;
                values[valuesById[7] = "NDShape"] = 7;
                values[valuesById[8] = "Axis"] = 8;
                values[valuesById[9] = "Vector"] = 9;
                values[valuesById[10] = "Dictionary"] = 10;
                values[valuesById[11] = "NDArrayView"] = 11;
                return values;
            })();

            return DictionaryValue;
        })();

        return proto;
    })();

    return CNTK;
})();

export {
  $root as default
};
