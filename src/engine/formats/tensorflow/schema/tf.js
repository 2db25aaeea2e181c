/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorflow = $root.tensorflow = (() => {

    /**
     * Namespace tensorflow.
     * @exports tensorflow
     * @namespace
     */
    const tensorflow = {};

    tensorflow.AttrValue = (function() {

        /**
         * Properties of an AttrValue.
         * @typedef {Object} tensorflow.AttrValue.$Properties
         * @property {Uint8Array|null} [s] AttrValue s
         * @property {number|Long|null} [i] AttrValue i
         * @property {number|null} [f] AttrValue f
         * @property {boolean|null} [b] AttrValue b
         * @property {tensorflow.DataType|null} [type] AttrValue type
         * @property {tensorflow.TensorShapeProto.$Properties|null} [shape] AttrValue shape
         * @property {tensorflow.TensorProto.$Properties|null} [tensor] AttrValue tensor
         * @property {tensorflow.AttrValue.ListValue.$Properties|null} [list] AttrValue list
         * @property {tensorflow.NameAttrList.$Properties|null} [func] AttrValue func
         * @property {string|null} [placeholder] AttrValue placeholder
         * @property {"s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder"} [value] AttrValue value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AttrValue.
         * @memberof tensorflow
         * @interface IAttrValue
         * @augments tensorflow.AttrValue.$Properties
         * @deprecated Use tensorflow.AttrValue.$Properties instead.
         */

        /**
         * Narrowed shape of an AttrValue.
         * @typedef {{
         *   s?: Uint8Array|null;
         *   i?: number|Long|null;
         *   f?: number|null;
         *   b?: boolean|null;
         *   type?: tensorflow.DataType|null;
         *   shape?: tensorflow.TensorShapeProto.$Shape|null;
         *   tensor?: tensorflow.TensorProto.$Shape|null;
         *   list?: tensorflow.AttrValue.ListValue.$Shape|null;
         *   func?: tensorflow.NameAttrList.$Shape|null;
         *   placeholder?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ value?: undefined; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "s"; s: Uint8Array; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "i"; s?: null; i: number|Long; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "f"; s?: null; i?: null; f: number; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "b"; s?: null; i?: null; f?: null; b: boolean; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "type"; s?: null; i?: null; f?: null; b?: null; type: tensorflow.DataType; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "shape"; s?: null; i?: null; f?: null; b?: null; type?: null; shape: tensorflow.TensorShapeProto.$Shape; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "tensor"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor: tensorflow.TensorProto.$Shape; list?: null; func?: null; placeholder?: null }|{ value?: "list"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list: tensorflow.AttrValue.ListValue.$Shape; func?: null; placeholder?: null }|{ value?: "func"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func: tensorflow.NameAttrList.$Shape; placeholder?: null }|{ value?: "placeholder"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder: string })
         * )} tensorflow.AttrValue.$Shape
         */

        /**
         * Constructs a new AttrValue.
         * @memberof tensorflow
         * @classdesc Represents an AttrValue.
         * @constructor
         * @param {tensorflow.AttrValue.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AttrValue = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AttrValue s.
         * @member {Uint8Array|null|undefined} s
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.s = null;

        /**
         * AttrValue i.
         * @member {number|Long|null|undefined} i
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.i = null;

        /**
         * AttrValue f.
         * @member {number|null|undefined} f
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.f = null;

        /**
         * AttrValue b.
         * @member {boolean|null|undefined} b
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.b = null;

        /**
         * AttrValue type.
         * @member {tensorflow.DataType|null|undefined} type
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.type = null;

        /**
         * AttrValue shape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} shape
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.shape = null;

        /**
         * AttrValue tensor.
         * @member {tensorflow.TensorProto.$Properties|null|undefined} tensor
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.tensor = null;

        /**
         * AttrValue list.
         * @member {tensorflow.AttrValue.ListValue.$Properties|null|undefined} list
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.list = null;

        /**
         * AttrValue func.
         * @member {tensorflow.NameAttrList.$Properties|null|undefined} func
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.func = null;

        /**
         * AttrValue placeholder.
         * @member {string|null|undefined} placeholder
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.placeholder = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * AttrValue value.
         * @member {"s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder"|undefined} value
         * @memberof tensorflow.AttrValue
         * @instance
         */
        $Object.defineProperty(AttrValue.prototype, "value", {
            get: $util.oneOfGetter($oneOfFields = ["s", "i", "f", "b", "type", "shape", "tensor", "list", "func", "placeholder"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Decodes an AttrValue message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.AttrValue
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.AttrValue & tensorflow.AttrValue.$Shape} AttrValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AttrValue.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.AttrValue();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.s = reader.bytes();
                        message.value = "s";
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.i = reader.int64();
                        message.value = "i";
                        continue;
                    }
                case 4: {
                        if (wireType !== 5)
                            break;
                        message.f = reader.float();
                        message.value = "f";
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.b = reader.bool();
                        message.value = "b";
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.type = reader.int32();
                        message.value = "type";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                        message.value = "shape";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.tensor = $root.tensorflow.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor);
                        message.value = "tensor";
                        continue;
                    }
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.list = $root.tensorflow.AttrValue.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.list);
                        message.value = "list";
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.func = $root.tensorflow.NameAttrList.decode(reader, reader.size(), $undefined, _depth + 1, message.func);
                        message.value = "func";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.placeholder = reader.stringVerify();
                        message.value = "placeholder";
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

        AttrValue.ListValue = (function() {

            /**
             * Properties of a ListValue.
             * @typedef {Object} tensorflow.AttrValue.ListValue.$Properties
             * @property {Array.<Uint8Array>|null} [s] ListValue s
             * @property {Array.<number|Long>|null} [i] ListValue i
             * @property {Array.<number>|null} [f] ListValue f
             * @property {Array.<boolean>|null} [b] ListValue b
             * @property {Array.<tensorflow.DataType>|null} [type] ListValue type
             * @property {Array.<tensorflow.TensorShapeProto.$Properties>|null} [shape] ListValue shape
             * @property {Array.<tensorflow.TensorProto.$Properties>|null} [tensor] ListValue tensor
             * @property {Array.<tensorflow.NameAttrList.$Properties>|null} [func] ListValue func
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListValue.
             * @memberof tensorflow.AttrValue
             * @interface IListValue
             * @augments tensorflow.AttrValue.ListValue.$Properties
             * @deprecated Use tensorflow.AttrValue.ListValue.$Properties instead.
             */

            /**
             * Shape of a ListValue.
             * @typedef {{
             *   s?: Array.<Uint8Array>|null;
             *   i?: Array.<number|Long>|null;
             *   f?: Array.<number>|null;
             *   b?: Array.<boolean>|null;
             *   type?: Array.<tensorflow.DataType>|null;
             *   shape?: Array.<tensorflow.TensorShapeProto.$Shape>|null;
             *   tensor?: Array.<tensorflow.TensorProto.$Shape>|null;
             *   func?: Array.<tensorflow.NameAttrList.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} tensorflow.AttrValue.ListValue.$Shape
             */

            /**
             * Constructs a new ListValue.
             * @memberof tensorflow.AttrValue
             * @classdesc Represents a ListValue.
             * @constructor
             * @param {tensorflow.AttrValue.ListValue.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListValue = function (properties) {
                this.s = [];
                this.i = [];
                this.f = [];
                this.b = [];
                this.type = [];
                this.shape = [];
                this.tensor = [];
                this.func = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListValue s.
             * @member {Array.<Uint8Array>} s
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.s = $util.emptyArray;

            /**
             * ListValue i.
             * @member {Array.<number|Long>} i
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.i = $util.emptyArray;

            /**
             * ListValue f.
             * @member {Array.<number>} f
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.f = $util.emptyArray;

            /**
             * ListValue b.
             * @member {Array.<boolean>} b
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.b = $util.emptyArray;

            /**
             * ListValue type.
             * @member {Array.<tensorflow.DataType>} type
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.type = $util.emptyArray;

            /**
             * ListValue shape.
             * @member {Array.<tensorflow.TensorShapeProto.$Properties>} shape
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.shape = $util.emptyArray;

            /**
             * ListValue tensor.
             * @member {Array.<tensorflow.TensorProto.$Properties>} tensor
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.tensor = $util.emptyArray;

            /**
             * ListValue func.
             * @member {Array.<tensorflow.NameAttrList.$Properties>} func
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.func = $util.emptyArray;

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.AttrValue.ListValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.AttrValue.ListValue & tensorflow.AttrValue.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListValue.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.AttrValue.ListValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.s && message.s.length))
                                message.s = [];
                            message.s.push(reader.bytes());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.i && message.i.length))
                                    message.i = [];
                                reader.int64s(message.i);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.i && message.i.length))
                                message.i = [];
                            message.i.push(reader.int64());
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.f && message.f.length))
                                    message.f = [];
                                reader.floats(message.f);
                                continue;
                            }
                            if (wireType !== 5)
                                break;
                            if (!(message.f && message.f.length))
                                message.f = [];
                            message.f.push(reader.float());
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.b && message.b.length))
                                    message.b = [];
                                reader.bools(message.b);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.b && message.b.length))
                                message.b = [];
                            message.b.push(reader.bool());
                            continue;
                        }
                    case 6: {
                            if (wireType === 2) {
                                if (!(message.type && message.type.length))
                                    message.type = [];
                                reader.int32s(message.type);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.type && message.type.length))
                                message.type = [];
                            message.type.push(reader.int32());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.shape && message.shape.length))
                                message.shape = [];
                            message.shape.push($root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tensor && message.tensor.length))
                                message.tensor = [];
                            message.tensor.push($root.tensorflow.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.func && message.func.length))
                                message.func = [];
                            message.func.push($root.tensorflow.NameAttrList.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return ListValue;
        })();

        return AttrValue;
    })();

    tensorflow.NameAttrList = (function() {

        /**
         * Properties of a NameAttrList.
         * @typedef {Object} tensorflow.NameAttrList.$Properties
         * @property {string|null} [name] NameAttrList name
         * @property {Object.<string,tensorflow.AttrValue.$Properties>|null} [attr] NameAttrList attr
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a NameAttrList.
         * @memberof tensorflow
         * @interface INameAttrList
         * @augments tensorflow.NameAttrList.$Properties
         * @deprecated Use tensorflow.NameAttrList.$Properties instead.
         */

        /**
         * Shape of a NameAttrList.
         * @typedef {{
         *   name?: string|null;
         *   attr?: Object.<string,tensorflow.AttrValue.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.NameAttrList.$Shape
         */

        /**
         * Constructs a new NameAttrList.
         * @memberof tensorflow
         * @classdesc Represents a NameAttrList.
         * @constructor
         * @param {tensorflow.NameAttrList.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const NameAttrList = function (properties) {
            this.attr = {};
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * NameAttrList name.
         * @member {string} name
         * @memberof tensorflow.NameAttrList
         * @instance
         */
        NameAttrList.prototype.name = "";

        /**
         * NameAttrList attr.
         * @member {Object.<string,tensorflow.AttrValue.$Properties>} attr
         * @memberof tensorflow.NameAttrList
         * @instance
         */
        NameAttrList.prototype.attr = $util.emptyObject;

        /**
         * Decodes a NameAttrList message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.NameAttrList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.NameAttrList & tensorflow.NameAttrList.$Shape} NameAttrList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NameAttrList.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.NameAttrList();
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
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
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
                                value = $root.tensorflow.AttrValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value || new $root.tensorflow.AttrValue();
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

        return NameAttrList;
    })();

    tensorflow.FunctionDefLibrary = (function() {

        /**
         * Properties of a FunctionDefLibrary.
         * @typedef {Object} tensorflow.FunctionDefLibrary.$Properties
         * @property {Array.<tensorflow.FunctionDef.$Properties>|null} ["function"] FunctionDefLibrary function
         * @property {Array.<tensorflow.GradientDef.$Properties>|null} [gradient] FunctionDefLibrary gradient
         * @property {Array.<tensorflow.RegisteredGradient.$Properties>|null} [registered_gradients] FunctionDefLibrary registered_gradients
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FunctionDefLibrary.
         * @memberof tensorflow
         * @interface IFunctionDefLibrary
         * @augments tensorflow.FunctionDefLibrary.$Properties
         * @deprecated Use tensorflow.FunctionDefLibrary.$Properties instead.
         */

        /**
         * Shape of a FunctionDefLibrary.
         * @typedef {{
         *   "function"?: Array.<tensorflow.FunctionDef.$Shape>|null;
         *   gradient?: Array.<tensorflow.GradientDef.$Shape>|null;
         *   registered_gradients?: Array.<tensorflow.RegisteredGradient.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.FunctionDefLibrary.$Shape
         */

        /**
         * Constructs a new FunctionDefLibrary.
         * @memberof tensorflow
         * @classdesc Represents a FunctionDefLibrary.
         * @constructor
         * @param {tensorflow.FunctionDefLibrary.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FunctionDefLibrary = function (properties) {
            this["function"] = [];
            this.gradient = [];
            this.registered_gradients = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FunctionDefLibrary function.
         * @member {Array.<tensorflow.FunctionDef.$Properties>} function
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype["function"] = $util.emptyArray;

        /**
         * FunctionDefLibrary gradient.
         * @member {Array.<tensorflow.GradientDef.$Properties>} gradient
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype.gradient = $util.emptyArray;

        /**
         * FunctionDefLibrary registered_gradients.
         * @member {Array.<tensorflow.RegisteredGradient.$Properties>} registered_gradients
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype.registered_gradients = $util.emptyArray;

        /**
         * Decodes a FunctionDefLibrary message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.FunctionDefLibrary
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDefLibrary & tensorflow.FunctionDefLibrary.$Shape} FunctionDefLibrary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FunctionDefLibrary.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.FunctionDefLibrary();
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
                        if (!(message["function"] && message["function"].length))
                            message["function"] = [];
                        message["function"].push($root.tensorflow.FunctionDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.gradient && message.gradient.length))
                            message.gradient = [];
                        message.gradient.push($root.tensorflow.GradientDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.registered_gradients && message.registered_gradients.length))
                            message.registered_gradients = [];
                        message.registered_gradients.push($root.tensorflow.RegisteredGradient.decode(reader, reader.size(), $undefined, _depth + 1));
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

        return FunctionDefLibrary;
    })();

    tensorflow.FunctionDef = (function() {

        /**
         * Properties of a FunctionDef.
         * @typedef {Object} tensorflow.FunctionDef.$Properties
         * @property {tensorflow.OpDef.$Properties|null} [signature] FunctionDef signature
         * @property {Object.<string,tensorflow.AttrValue.$Properties>|null} [attr] FunctionDef attr
         * @property {Object.<string,number>|null} [resource_arg_unique_id] FunctionDef resource_arg_unique_id
         * @property {Array.<tensorflow.NodeDef.$Properties>|null} [node_def] FunctionDef node_def
         * @property {Object.<string,string>|null} [ret] FunctionDef ret
         * @property {Object.<string,string>|null} [control_ret] FunctionDef control_ret
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FunctionDef.
         * @memberof tensorflow
         * @interface IFunctionDef
         * @augments tensorflow.FunctionDef.$Properties
         * @deprecated Use tensorflow.FunctionDef.$Properties instead.
         */

        /**
         * Shape of a FunctionDef.
         * @typedef {{
         *   signature?: tensorflow.OpDef.$Shape|null;
         *   attr?: Object.<string,tensorflow.AttrValue.$Shape>|null;
         *   resource_arg_unique_id?: Object.<string,number>|null;
         *   node_def?: Array.<tensorflow.NodeDef.$Shape>|null;
         *   ret?: Object.<string,string>|null;
         *   control_ret?: Object.<string,string>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.FunctionDef.$Shape
         */

        /**
         * Constructs a new FunctionDef.
         * @memberof tensorflow
         * @classdesc Represents a FunctionDef.
         * @constructor
         * @param {tensorflow.FunctionDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FunctionDef = function (properties) {
            this.attr = {};
            this.resource_arg_unique_id = {};
            this.node_def = [];
            this.ret = {};
            this.control_ret = {};
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FunctionDef signature.
         * @member {tensorflow.OpDef.$Properties|null|undefined} signature
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.signature = null;

        /**
         * FunctionDef attr.
         * @member {Object.<string,tensorflow.AttrValue.$Properties>} attr
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.attr = $util.emptyObject;

        /**
         * FunctionDef resource_arg_unique_id.
         * @member {Object.<string,number>} resource_arg_unique_id
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.resource_arg_unique_id = $util.emptyObject;

        /**
         * FunctionDef node_def.
         * @member {Array.<tensorflow.NodeDef.$Properties>} node_def
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.node_def = $util.emptyArray;

        /**
         * FunctionDef ret.
         * @member {Object.<string,string>} ret
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.ret = $util.emptyObject;

        /**
         * FunctionDef control_ret.
         * @member {Object.<string,string>} control_ret
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.control_ret = $util.emptyObject;

        /**
         * Decodes a FunctionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.FunctionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDef & tensorflow.FunctionDef.$Shape} FunctionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FunctionDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.FunctionDef();
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
                        message.signature = $root.tensorflow.OpDef.decode(reader, reader.size(), $undefined, _depth + 1, message.signature);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
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
                                value = $root.tensorflow.AttrValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value || new $root.tensorflow.AttrValue();
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (message.resource_arg_unique_id === $util.emptyObject)
                            message.resource_arg_unique_id = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = 0;
                        value = 0;
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 0)
                                    break;
                                key = reader.uint32();
                                continue;
                            case 2:
                                if (wireType !== 0)
                                    break;
                                value = reader.uint32();
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        message.resource_arg_unique_id[key] = value;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.node_def && message.node_def.length))
                            message.node_def = [];
                        message.node_def.push($root.tensorflow.NodeDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (message.ret === $util.emptyObject)
                            message.ret = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = "";
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
                                value = reader.stringVerify();
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.ret, key);
                        message.ret[key] = value;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (message.control_ret === $util.emptyObject)
                            message.control_ret = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = "";
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
                                value = reader.stringVerify();
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.control_ret, key);
                        message.control_ret[key] = value;
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

        return FunctionDef;
    })();

    tensorflow.GradientDef = (function() {

        /**
         * Properties of a GradientDef.
         * @typedef {Object} tensorflow.GradientDef.$Properties
         * @property {string|null} [function_name] GradientDef function_name
         * @property {string|null} [gradient_func] GradientDef gradient_func
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GradientDef.
         * @memberof tensorflow
         * @interface IGradientDef
         * @augments tensorflow.GradientDef.$Properties
         * @deprecated Use tensorflow.GradientDef.$Properties instead.
         */

        /**
         * Shape of a GradientDef.
         * @typedef {tensorflow.GradientDef.$Properties} tensorflow.GradientDef.$Shape
         */

        /**
         * Constructs a new GradientDef.
         * @memberof tensorflow
         * @classdesc Represents a GradientDef.
         * @constructor
         * @param {tensorflow.GradientDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GradientDef = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GradientDef function_name.
         * @member {string} function_name
         * @memberof tensorflow.GradientDef
         * @instance
         */
        GradientDef.prototype.function_name = "";

        /**
         * GradientDef gradient_func.
         * @member {string} gradient_func
         * @memberof tensorflow.GradientDef
         * @instance
         */
        GradientDef.prototype.gradient_func = "";

        /**
         * Decodes a GradientDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.GradientDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.GradientDef & tensorflow.GradientDef.$Shape} GradientDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GradientDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.GradientDef();
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
                        if ((value = reader.stringVerify()).length)
                            message.function_name = value;
                        else
                            delete message.function_name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.gradient_func = value;
                        else
                            delete message.gradient_func;
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

        return GradientDef;
    })();

    tensorflow.RegisteredGradient = (function() {

        /**
         * Properties of a RegisteredGradient.
         * @typedef {Object} tensorflow.RegisteredGradient.$Properties
         * @property {string|null} [gradient_func] RegisteredGradient gradient_func
         * @property {string|null} [registered_op_type] RegisteredGradient registered_op_type
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RegisteredGradient.
         * @memberof tensorflow
         * @interface IRegisteredGradient
         * @augments tensorflow.RegisteredGradient.$Properties
         * @deprecated Use tensorflow.RegisteredGradient.$Properties instead.
         */

        /**
         * Shape of a RegisteredGradient.
         * @typedef {tensorflow.RegisteredGradient.$Properties} tensorflow.RegisteredGradient.$Shape
         */

        /**
         * Constructs a new RegisteredGradient.
         * @memberof tensorflow
         * @classdesc Represents a RegisteredGradient.
         * @constructor
         * @param {tensorflow.RegisteredGradient.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RegisteredGradient = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RegisteredGradient gradient_func.
         * @member {string} gradient_func
         * @memberof tensorflow.RegisteredGradient
         * @instance
         */
        RegisteredGradient.prototype.gradient_func = "";

        /**
         * RegisteredGradient registered_op_type.
         * @member {string} registered_op_type
         * @memberof tensorflow.RegisteredGradient
         * @instance
         */
        RegisteredGradient.prototype.registered_op_type = "";

        /**
         * Decodes a RegisteredGradient message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.RegisteredGradient
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.RegisteredGradient & tensorflow.RegisteredGradient.$Shape} RegisteredGradient
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RegisteredGradient.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.RegisteredGradient();
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
                        if ((value = reader.stringVerify()).length)
                            message.gradient_func = value;
                        else
                            delete message.gradient_func;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.registered_op_type = value;
                        else
                            delete message.registered_op_type;
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

        return RegisteredGradient;
    })();

    tensorflow.GraphDef = (function() {

        /**
         * Properties of a GraphDef.
         * @typedef {Object} tensorflow.GraphDef.$Properties
         * @property {Array.<tensorflow.NodeDef.$Properties>|null} [node] GraphDef node
         * @property {tensorflow.VersionDef.$Properties|null} [versions] GraphDef versions
         * @property {number|null} [version] GraphDef version
         * @property {tensorflow.FunctionDefLibrary.$Properties|null} [library] GraphDef library
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GraphDef.
         * @memberof tensorflow
         * @interface IGraphDef
         * @augments tensorflow.GraphDef.$Properties
         * @deprecated Use tensorflow.GraphDef.$Properties instead.
         */

        /**
         * Shape of a GraphDef.
         * @typedef {{
         *   node?: Array.<tensorflow.NodeDef.$Shape>|null;
         *   versions?: tensorflow.VersionDef.$Shape|null;
         *   version?: number|null;
         *   library?: tensorflow.FunctionDefLibrary.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.GraphDef.$Shape
         */

        /**
         * Constructs a new GraphDef.
         * @memberof tensorflow
         * @classdesc Represents a GraphDef.
         * @constructor
         * @param {tensorflow.GraphDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GraphDef = function (properties) {
            this.node = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GraphDef node.
         * @member {Array.<tensorflow.NodeDef.$Properties>} node
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.node = $util.emptyArray;

        /**
         * GraphDef versions.
         * @member {tensorflow.VersionDef.$Properties|null|undefined} versions
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.versions = null;

        /**
         * GraphDef version.
         * @member {number} version
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.version = 0;

        /**
         * GraphDef library.
         * @member {tensorflow.FunctionDefLibrary.$Properties|null|undefined} library
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.library = null;

        /**
         * Decodes a GraphDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.GraphDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.GraphDef & tensorflow.GraphDef.$Shape} GraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GraphDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.GraphDef();
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
                        if (!(message.node && message.node.length))
                            message.node = [];
                        message.node.push($root.tensorflow.NodeDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.versions = $root.tensorflow.VersionDef.decode(reader, reader.size(), $undefined, _depth + 1, message.versions);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.library = $root.tensorflow.FunctionDefLibrary.decode(reader, reader.size(), $undefined, _depth + 1, message.library);
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

        return GraphDef;
    })();

    tensorflow.NodeDef = (function() {

        /**
         * Properties of a NodeDef.
         * @typedef {Object} tensorflow.NodeDef.$Properties
         * @property {string|null} [name] NodeDef name
         * @property {string|null} [op] NodeDef op
         * @property {Array.<string>|null} [input] NodeDef input
         * @property {string|null} [device] NodeDef device
         * @property {Object.<string,tensorflow.AttrValue.$Properties>|null} [attr] NodeDef attr
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a NodeDef.
         * @memberof tensorflow
         * @interface INodeDef
         * @augments tensorflow.NodeDef.$Properties
         * @deprecated Use tensorflow.NodeDef.$Properties instead.
         */

        /**
         * Shape of a NodeDef.
         * @typedef {{
         *   name?: string|null;
         *   op?: string|null;
         *   input?: Array.<string>|null;
         *   device?: string|null;
         *   attr?: Object.<string,tensorflow.AttrValue.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.NodeDef.$Shape
         */

        /**
         * Constructs a new NodeDef.
         * @memberof tensorflow
         * @classdesc Represents a NodeDef.
         * @constructor
         * @param {tensorflow.NodeDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const NodeDef = function (properties) {
            this.input = [];
            this.attr = {};
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * NodeDef name.
         * @member {string} name
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.name = "";

        /**
         * NodeDef op.
         * @member {string} op
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.op = "";

        /**
         * NodeDef input.
         * @member {Array.<string>} input
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.input = $util.emptyArray;

        /**
         * NodeDef device.
         * @member {string} device
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.device = "";

        /**
         * NodeDef attr.
         * @member {Object.<string,tensorflow.AttrValue.$Properties>} attr
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.attr = $util.emptyObject;

        /**
         * Decodes a NodeDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.NodeDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.NodeDef & tensorflow.NodeDef.$Shape} NodeDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NodeDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.NodeDef();
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
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.op = value;
                        else
                            delete message.op;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.input && message.input.length))
                            message.input = [];
                        message.input.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
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
                                value = $root.tensorflow.AttrValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value || new $root.tensorflow.AttrValue();
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

        return NodeDef;
    })();

    tensorflow.OpDef = (function() {

        /**
         * Properties of an OpDef.
         * @typedef {Object} tensorflow.OpDef.$Properties
         * @property {string|null} [name] OpDef name
         * @property {Array.<tensorflow.OpDef.ArgDef.$Properties>|null} [input_arg] OpDef input_arg
         * @property {Array.<tensorflow.OpDef.ArgDef.$Properties>|null} [output_arg] OpDef output_arg
         * @property {Array.<string>|null} [control_output] OpDef control_output
         * @property {Array.<tensorflow.OpDef.AttrDef.$Properties>|null} [attr] OpDef attr
         * @property {string|null} [summary] OpDef summary
         * @property {string|null} [description] OpDef description
         * @property {boolean|null} [is_commutative] OpDef is_commutative
         * @property {boolean|null} [is_aggregate] OpDef is_aggregate
         * @property {boolean|null} [is_stateful] OpDef is_stateful
         * @property {boolean|null} [allows_uninitialized_input] OpDef allows_uninitialized_input
         * @property {boolean|null} [is_distributed_communication] OpDef is_distributed_communication
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpDef.
         * @memberof tensorflow
         * @interface IOpDef
         * @augments tensorflow.OpDef.$Properties
         * @deprecated Use tensorflow.OpDef.$Properties instead.
         */

        /**
         * Shape of an OpDef.
         * @typedef {{
         *   name?: string|null;
         *   input_arg?: Array.<tensorflow.OpDef.ArgDef.$Shape>|null;
         *   output_arg?: Array.<tensorflow.OpDef.ArgDef.$Shape>|null;
         *   control_output?: Array.<string>|null;
         *   attr?: Array.<tensorflow.OpDef.AttrDef.$Shape>|null;
         *   summary?: string|null;
         *   description?: string|null;
         *   is_commutative?: boolean|null;
         *   is_aggregate?: boolean|null;
         *   is_stateful?: boolean|null;
         *   allows_uninitialized_input?: boolean|null;
         *   is_distributed_communication?: boolean|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.OpDef.$Shape
         */

        /**
         * Constructs a new OpDef.
         * @memberof tensorflow
         * @classdesc Represents an OpDef.
         * @constructor
         * @param {tensorflow.OpDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpDef = function (properties) {
            this.input_arg = [];
            this.output_arg = [];
            this.control_output = [];
            this.attr = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpDef name.
         * @member {string} name
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.name = "";

        /**
         * OpDef input_arg.
         * @member {Array.<tensorflow.OpDef.ArgDef.$Properties>} input_arg
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.input_arg = $util.emptyArray;

        /**
         * OpDef output_arg.
         * @member {Array.<tensorflow.OpDef.ArgDef.$Properties>} output_arg
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.output_arg = $util.emptyArray;

        /**
         * OpDef control_output.
         * @member {Array.<string>} control_output
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.control_output = $util.emptyArray;

        /**
         * OpDef attr.
         * @member {Array.<tensorflow.OpDef.AttrDef.$Properties>} attr
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.attr = $util.emptyArray;

        /**
         * OpDef summary.
         * @member {string} summary
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.summary = "";

        /**
         * OpDef description.
         * @member {string} description
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.description = "";

        /**
         * OpDef is_commutative.
         * @member {boolean} is_commutative
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.is_commutative = false;

        /**
         * OpDef is_aggregate.
         * @member {boolean} is_aggregate
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.is_aggregate = false;

        /**
         * OpDef is_stateful.
         * @member {boolean} is_stateful
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.is_stateful = false;

        /**
         * OpDef allows_uninitialized_input.
         * @member {boolean} allows_uninitialized_input
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.allows_uninitialized_input = false;

        /**
         * OpDef is_distributed_communication.
         * @member {boolean} is_distributed_communication
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.is_distributed_communication = false;

        /**
         * Decodes an OpDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.OpDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.OpDef & tensorflow.OpDef.$Shape} OpDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.OpDef();
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
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.input_arg && message.input_arg.length))
                            message.input_arg = [];
                        message.input_arg.push($root.tensorflow.OpDef.ArgDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.output_arg && message.output_arg.length))
                            message.output_arg = [];
                        message.output_arg.push($root.tensorflow.OpDef.ArgDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        if (!(message.control_output && message.control_output.length))
                            message.control_output = [];
                        message.control_output.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.attr && message.attr.length))
                            message.attr = [];
                        message.attr.push($root.tensorflow.OpDef.AttrDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.summary = value;
                        else
                            delete message.summary;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.description = value;
                        else
                            delete message.description;
                        continue;
                    }
                case 18: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.is_commutative = value;
                        else
                            delete message.is_commutative;
                        continue;
                    }
                case 16: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.is_aggregate = value;
                        else
                            delete message.is_aggregate;
                        continue;
                    }
                case 17: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.is_stateful = value;
                        else
                            delete message.is_stateful;
                        continue;
                    }
                case 19: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.allows_uninitialized_input = value;
                        else
                            delete message.allows_uninitialized_input;
                        continue;
                    }
                case 21: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.is_distributed_communication = value;
                        else
                            delete message.is_distributed_communication;
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

        OpDef.ArgDef = (function() {

            /**
             * Properties of an ArgDef.
             * @typedef {Object} tensorflow.OpDef.ArgDef.$Properties
             * @property {string|null} [name] ArgDef name
             * @property {string|null} [description] ArgDef description
             * @property {tensorflow.DataType|null} [type] ArgDef type
             * @property {string|null} [type_attr] ArgDef type_attr
             * @property {string|null} [number_attr] ArgDef number_attr
             * @property {string|null} [type_list_attr] ArgDef type_list_attr
             * @property {boolean|null} [is_ref] ArgDef is_ref
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ArgDef.
             * @memberof tensorflow.OpDef
             * @interface IArgDef
             * @augments tensorflow.OpDef.ArgDef.$Properties
             * @deprecated Use tensorflow.OpDef.ArgDef.$Properties instead.
             */

            /**
             * Shape of an ArgDef.
             * @typedef {tensorflow.OpDef.ArgDef.$Properties} tensorflow.OpDef.ArgDef.$Shape
             */

            /**
             * Constructs a new ArgDef.
             * @memberof tensorflow.OpDef
             * @classdesc Represents an ArgDef.
             * @constructor
             * @param {tensorflow.OpDef.ArgDef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ArgDef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ArgDef name.
             * @member {string} name
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.name = "";

            /**
             * ArgDef description.
             * @member {string} description
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.description = "";

            /**
             * ArgDef type.
             * @member {tensorflow.DataType} type
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.type = 0;

            /**
             * ArgDef type_attr.
             * @member {string} type_attr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.type_attr = "";

            /**
             * ArgDef number_attr.
             * @member {string} number_attr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.number_attr = "";

            /**
             * ArgDef type_list_attr.
             * @member {string} type_list_attr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.type_list_attr = "";

            /**
             * ArgDef is_ref.
             * @member {boolean} is_ref
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.is_ref = false;

            /**
             * Decodes an ArgDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.OpDef.ArgDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.ArgDef & tensorflow.OpDef.ArgDef.$Shape} ArgDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ArgDef.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.OpDef.ArgDef();
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
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type_attr = value;
                            else
                                delete message.type_attr;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.number_attr = value;
                            else
                                delete message.number_attr;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type_list_attr = value;
                            else
                                delete message.type_list_attr;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.is_ref = value;
                            else
                                delete message.is_ref;
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

            return ArgDef;
        })();

        OpDef.AttrDef = (function() {

            /**
             * Properties of an AttrDef.
             * @typedef {Object} tensorflow.OpDef.AttrDef.$Properties
             * @property {string|null} [name] AttrDef name
             * @property {string|null} [type] AttrDef type
             * @property {tensorflow.AttrValue.$Properties|null} [default_value] AttrDef default_value
             * @property {string|null} [description] AttrDef description
             * @property {boolean|null} [has_minimum] AttrDef has_minimum
             * @property {number|Long|null} [minimum] AttrDef minimum
             * @property {tensorflow.AttrValue.$Properties|null} [allowed_values] AttrDef allowed_values
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AttrDef.
             * @memberof tensorflow.OpDef
             * @interface IAttrDef
             * @augments tensorflow.OpDef.AttrDef.$Properties
             * @deprecated Use tensorflow.OpDef.AttrDef.$Properties instead.
             */

            /**
             * Shape of an AttrDef.
             * @typedef {{
             *   name?: string|null;
             *   type?: string|null;
             *   default_value?: tensorflow.AttrValue.$Shape|null;
             *   description?: string|null;
             *   has_minimum?: boolean|null;
             *   minimum?: number|Long|null;
             *   allowed_values?: tensorflow.AttrValue.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} tensorflow.OpDef.AttrDef.$Shape
             */

            /**
             * Constructs a new AttrDef.
             * @memberof tensorflow.OpDef
             * @classdesc Represents an AttrDef.
             * @constructor
             * @param {tensorflow.OpDef.AttrDef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AttrDef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AttrDef name.
             * @member {string} name
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.name = "";

            /**
             * AttrDef type.
             * @member {string} type
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.type = "";

            /**
             * AttrDef default_value.
             * @member {tensorflow.AttrValue.$Properties|null|undefined} default_value
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.default_value = null;

            /**
             * AttrDef description.
             * @member {string} description
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.description = "";

            /**
             * AttrDef has_minimum.
             * @member {boolean} has_minimum
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.has_minimum = false;

            /**
             * AttrDef minimum.
             * @member {number|Long} minimum
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.minimum = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AttrDef allowed_values.
             * @member {tensorflow.AttrValue.$Properties|null|undefined} allowed_values
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.allowed_values = null;

            /**
             * Decodes an AttrDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.OpDef.AttrDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.AttrDef & tensorflow.OpDef.AttrDef.$Shape} AttrDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AttrDef.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.OpDef.AttrDef();
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
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.default_value = $root.tensorflow.AttrValue.decode(reader, reader.size(), $undefined, _depth + 1, message.default_value);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.has_minimum = value;
                            else
                                delete message.has_minimum;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.minimum = value;
                            else
                                delete message.minimum;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.allowed_values = $root.tensorflow.AttrValue.decode(reader, reader.size(), $undefined, _depth + 1, message.allowed_values);
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

            return AttrDef;
        })();

        return OpDef;
    })();

    tensorflow.OpList = (function() {

        /**
         * Properties of an OpList.
         * @typedef {Object} tensorflow.OpList.$Properties
         * @property {Array.<tensorflow.OpDef.$Properties>|null} [op] OpList op
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpList.
         * @memberof tensorflow
         * @interface IOpList
         * @augments tensorflow.OpList.$Properties
         * @deprecated Use tensorflow.OpList.$Properties instead.
         */

        /**
         * Shape of an OpList.
         * @typedef {{
         *   op?: Array.<tensorflow.OpDef.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.OpList.$Shape
         */

        /**
         * Constructs a new OpList.
         * @memberof tensorflow
         * @classdesc Represents an OpList.
         * @constructor
         * @param {tensorflow.OpList.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpList = function (properties) {
            this.op = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpList op.
         * @member {Array.<tensorflow.OpDef.$Properties>} op
         * @memberof tensorflow.OpList
         * @instance
         */
        OpList.prototype.op = $util.emptyArray;

        /**
         * Decodes an OpList message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.OpList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.OpList & tensorflow.OpList.$Shape} OpList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpList.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.OpList();
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
                        if (!(message.op && message.op.length))
                            message.op = [];
                        message.op.push($root.tensorflow.OpDef.decode(reader, reader.size(), $undefined, _depth + 1));
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

        return OpList;
    })();

    tensorflow.TensorProto = (function() {

        /**
         * Properties of a TensorProto.
         * @typedef {Object} tensorflow.TensorProto.$Properties
         * @property {tensorflow.DataType|null} [dtype] TensorProto dtype
         * @property {tensorflow.TensorShapeProto.$Properties|null} [tensor_shape] TensorProto tensor_shape
         * @property {number|null} [version_number] TensorProto version_number
         * @property {Uint8Array|null} [tensor_content] TensorProto tensor_content
         * @property {Array.<number>|null} [half_val] TensorProto half_val
         * @property {Array.<number>|null} [float_val] TensorProto float_val
         * @property {Array.<number>|null} [double_val] TensorProto double_val
         * @property {Array.<number>|null} [int_val] TensorProto int_val
         * @property {Array.<Uint8Array>|null} [string_val] TensorProto string_val
         * @property {Array.<number>|null} [scomplex_val] TensorProto scomplex_val
         * @property {Array.<number|Long>|null} [int64_val] TensorProto int64_val
         * @property {Array.<boolean>|null} [bool_val] TensorProto bool_val
         * @property {Array.<number>|null} [dcomplex_val] TensorProto dcomplex_val
         * @property {Array.<number>|null} [uint32_val] TensorProto uint32_val
         * @property {Array.<number|Long>|null} [uint64_val] TensorProto uint64_val
         * @property {Uint8Array|null} [float8_val] TensorProto float8_val
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorProto.
         * @memberof tensorflow
         * @interface ITensorProto
         * @augments tensorflow.TensorProto.$Properties
         * @deprecated Use tensorflow.TensorProto.$Properties instead.
         */

        /**
         * Shape of a TensorProto.
         * @typedef {tensorflow.TensorProto.$Properties} tensorflow.TensorProto.$Shape
         */

        /**
         * Constructs a new TensorProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorProto.
         * @constructor
         * @param {tensorflow.TensorProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorProto = function (properties) {
            this.half_val = [];
            this.float_val = [];
            this.double_val = [];
            this.int_val = [];
            this.string_val = [];
            this.scomplex_val = [];
            this.int64_val = [];
            this.bool_val = [];
            this.dcomplex_val = [];
            this.uint32_val = [];
            this.uint64_val = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorProto dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dtype = 0;

        /**
         * TensorProto tensor_shape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} tensor_shape
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensor_shape = null;

        /**
         * TensorProto version_number.
         * @member {number} version_number
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.version_number = 0;

        /**
         * TensorProto tensor_content.
         * @member {Uint8Array} tensor_content
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensor_content = $util.newBuffer([]);

        /**
         * TensorProto half_val.
         * @member {Array.<number>} half_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.half_val = $util.emptyArray;

        /**
         * TensorProto float_val.
         * @member {Array.<number>} float_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.float_val = $util.emptyArray;

        /**
         * TensorProto double_val.
         * @member {Array.<number>} double_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.double_val = $util.emptyArray;

        /**
         * TensorProto int_val.
         * @member {Array.<number>} int_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.int_val = $util.emptyArray;

        /**
         * TensorProto string_val.
         * @member {Array.<Uint8Array>} string_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.string_val = $util.emptyArray;

        /**
         * TensorProto scomplex_val.
         * @member {Array.<number>} scomplex_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.scomplex_val = $util.emptyArray;

        /**
         * TensorProto int64_val.
         * @member {Array.<number|Long>} int64_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.int64_val = $util.emptyArray;

        /**
         * TensorProto bool_val.
         * @member {Array.<boolean>} bool_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.bool_val = $util.emptyArray;

        /**
         * TensorProto dcomplex_val.
         * @member {Array.<number>} dcomplex_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dcomplex_val = $util.emptyArray;

        /**
         * TensorProto uint32_val.
         * @member {Array.<number>} uint32_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint32_val = $util.emptyArray;

        /**
         * TensorProto uint64_val.
         * @member {Array.<number|Long>} uint64_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint64_val = $util.emptyArray;

        /**
         * TensorProto float8_val.
         * @member {Uint8Array} float8_val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.float8_val = $util.newBuffer([]);

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorProto & tensorflow.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorProto.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.TensorProto();
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
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.tensor_shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor_shape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.version_number = value;
                        else
                            delete message.version_number;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.tensor_content = value;
                        else
                            delete message.tensor_content;
                        continue;
                    }
                case 13: {
                        if (wireType === 2) {
                            if (!(message.half_val && message.half_val.length))
                                message.half_val = [];
                            reader.int32s(message.half_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.half_val && message.half_val.length))
                            message.half_val = [];
                        message.half_val.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.float_val && message.float_val.length))
                                message.float_val = [];
                            reader.floats(message.float_val);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.float_val && message.float_val.length))
                            message.float_val = [];
                        message.float_val.push(reader.float());
                        continue;
                    }
                case 6: {
                        if (wireType === 2) {
                            if (!(message.double_val && message.double_val.length))
                                message.double_val = [];
                            reader.doubles(message.double_val);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.double_val && message.double_val.length))
                            message.double_val = [];
                        message.double_val.push(reader.double());
                        continue;
                    }
                case 7: {
                        if (wireType === 2) {
                            if (!(message.int_val && message.int_val.length))
                                message.int_val = [];
                            reader.int32s(message.int_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.int_val && message.int_val.length))
                            message.int_val = [];
                        message.int_val.push(reader.int32());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.string_val && message.string_val.length))
                            message.string_val = [];
                        message.string_val.push(reader.bytes());
                        continue;
                    }
                case 9: {
                        if (wireType === 2) {
                            if (!(message.scomplex_val && message.scomplex_val.length))
                                message.scomplex_val = [];
                            reader.floats(message.scomplex_val);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.scomplex_val && message.scomplex_val.length))
                            message.scomplex_val = [];
                        message.scomplex_val.push(reader.float());
                        continue;
                    }
                case 10: {
                        if (wireType === 2) {
                            if (!(message.int64_val && message.int64_val.length))
                                message.int64_val = [];
                            reader.int64s(message.int64_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.int64_val && message.int64_val.length))
                            message.int64_val = [];
                        message.int64_val.push(reader.int64());
                        continue;
                    }
                case 11: {
                        if (wireType === 2) {
                            if (!(message.bool_val && message.bool_val.length))
                                message.bool_val = [];
                            reader.bools(message.bool_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.bool_val && message.bool_val.length))
                            message.bool_val = [];
                        message.bool_val.push(reader.bool());
                        continue;
                    }
                case 12: {
                        if (wireType === 2) {
                            if (!(message.dcomplex_val && message.dcomplex_val.length))
                                message.dcomplex_val = [];
                            reader.doubles(message.dcomplex_val);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.dcomplex_val && message.dcomplex_val.length))
                            message.dcomplex_val = [];
                        message.dcomplex_val.push(reader.double());
                        continue;
                    }
                case 16: {
                        if (wireType === 2) {
                            if (!(message.uint32_val && message.uint32_val.length))
                                message.uint32_val = [];
                            reader.uint32s(message.uint32_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint32_val && message.uint32_val.length))
                            message.uint32_val = [];
                        message.uint32_val.push(reader.uint32());
                        continue;
                    }
                case 17: {
                        if (wireType === 2) {
                            if (!(message.uint64_val && message.uint64_val.length))
                                message.uint64_val = [];
                            reader.uint64s(message.uint64_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint64_val && message.uint64_val.length))
                            message.uint64_val = [];
                        message.uint64_val.push(reader.uint64());
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.float8_val = value;
                        else
                            delete message.float8_val;
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

        return TensorProto;
    })();

    tensorflow.TensorShapeProto = (function() {

        /**
         * Properties of a TensorShapeProto.
         * @typedef {Object} tensorflow.TensorShapeProto.$Properties
         * @property {Array.<tensorflow.TensorShapeProto.Dim.$Properties>|null} [dim] TensorShapeProto dim
         * @property {boolean|null} [unknown_rank] TensorShapeProto unknown_rank
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorShapeProto.
         * @memberof tensorflow
         * @interface ITensorShapeProto
         * @augments tensorflow.TensorShapeProto.$Properties
         * @deprecated Use tensorflow.TensorShapeProto.$Properties instead.
         */

        /**
         * Shape of a TensorShapeProto.
         * @typedef {tensorflow.TensorShapeProto.$Properties} tensorflow.TensorShapeProto.$Shape
         */

        /**
         * Constructs a new TensorShapeProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorShapeProto.
         * @constructor
         * @param {tensorflow.TensorShapeProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorShapeProto = function (properties) {
            this.dim = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorShapeProto dim.
         * @member {Array.<tensorflow.TensorShapeProto.Dim.$Properties>} dim
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.dim = $util.emptyArray;

        /**
         * TensorShapeProto unknown_rank.
         * @member {boolean} unknown_rank
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.unknown_rank = false;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorShapeProto.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.TensorShapeProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dim && message.dim.length))
                            message.dim = [];
                        message.dim.push($root.tensorflow.TensorShapeProto.Dim.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.unknown_rank = value;
                        else
                            delete message.unknown_rank;
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

        TensorShapeProto.Dim = (function() {

            /**
             * Properties of a Dim.
             * @typedef {Object} tensorflow.TensorShapeProto.Dim.$Properties
             * @property {number|Long|null} [size] Dim size
             * @property {string|null} [name] Dim name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dim.
             * @memberof tensorflow.TensorShapeProto
             * @interface IDim
             * @augments tensorflow.TensorShapeProto.Dim.$Properties
             * @deprecated Use tensorflow.TensorShapeProto.Dim.$Properties instead.
             */

            /**
             * Shape of a Dim.
             * @typedef {tensorflow.TensorShapeProto.Dim.$Properties} tensorflow.TensorShapeProto.Dim.$Shape
             */

            /**
             * Constructs a new Dim.
             * @memberof tensorflow.TensorShapeProto
             * @classdesc Represents a Dim.
             * @constructor
             * @param {tensorflow.TensorShapeProto.Dim.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dim = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Dim size.
             * @member {number|Long} size
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Dim name.
             * @member {string} name
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.name = "";

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dim.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.TensorShapeProto.Dim();
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
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
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

            return Dim;
        })();

        return TensorShapeProto;
    })();

    /**
     * DataType enum.
     * @name tensorflow.DataType
     * @enum {number}
     * @property {number} DT_INVALID=0 DT_INVALID value
     * @property {number} DT_FLOAT=1 DT_FLOAT value
     * @property {number} DT_DOUBLE=2 DT_DOUBLE value
     * @property {number} DT_INT32=3 DT_INT32 value
     * @property {number} DT_UINT8=4 DT_UINT8 value
     * @property {number} DT_INT16=5 DT_INT16 value
     * @property {number} DT_INT8=6 DT_INT8 value
     * @property {number} DT_STRING=7 DT_STRING value
     * @property {number} DT_COMPLEX64=8 DT_COMPLEX64 value
     * @property {number} DT_INT64=9 DT_INT64 value
     * @property {number} DT_BOOL=10 DT_BOOL value
     * @property {number} DT_QINT8=11 DT_QINT8 value
     * @property {number} DT_QUINT8=12 DT_QUINT8 value
     * @property {number} DT_QINT32=13 DT_QINT32 value
     * @property {number} DT_BFLOAT16=14 DT_BFLOAT16 value
     * @property {number} DT_QINT16=15 DT_QINT16 value
     * @property {number} DT_QUINT16=16 DT_QUINT16 value
     * @property {number} DT_UINT16=17 DT_UINT16 value
     * @property {number} DT_COMPLEX128=18 DT_COMPLEX128 value
     * @property {number} DT_HALF=19 DT_HALF value
     * @property {number} DT_RESOURCE=20 DT_RESOURCE value
     * @property {number} DT_VARIANT=21 DT_VARIANT value
     * @property {number} DT_UINT32=22 DT_UINT32 value
     * @property {number} DT_UINT64=23 DT_UINT64 value
     * @property {number} DT_FLOAT8_E5M2=24 DT_FLOAT8_E5M2 value
     * @property {number} DT_FLOAT8_E4M3FN=25 DT_FLOAT8_E4M3FN value
     * @property {number} DT_FLOAT8_E4M3FNUZ=26 DT_FLOAT8_E4M3FNUZ value
     * @property {number} DT_FLOAT8_E4M3B11FNUZ=27 DT_FLOAT8_E4M3B11FNUZ value
     * @property {number} DT_FLOAT8_E5M2FNUZ=28 DT_FLOAT8_E5M2FNUZ value
     * @property {number} DT_INT4=29 DT_INT4 value
     * @property {number} DT_UINT4=30 DT_UINT4 value
     * @property {number} DT_INT2=31 DT_INT2 value
     * @property {number} DT_UINT2=32 DT_UINT2 value
     * @property {number} DT_FLOAT4_E2M1FN=33 DT_FLOAT4_E2M1FN value
     * @property {number} DT_FLOAT_REF=101 DT_FLOAT_REF value
     * @property {number} DT_DOUBLE_REF=102 DT_DOUBLE_REF value
     * @property {number} DT_INT32_REF=103 DT_INT32_REF value
     * @property {number} DT_UINT8_REF=104 DT_UINT8_REF value
     * @property {number} DT_INT16_REF=105 DT_INT16_REF value
     * @property {number} DT_INT8_REF=106 DT_INT8_REF value
     * @property {number} DT_STRING_REF=107 DT_STRING_REF value
     * @property {number} DT_COMPLEX64_REF=108 DT_COMPLEX64_REF value
     * @property {number} DT_INT64_REF=109 DT_INT64_REF value
     * @property {number} DT_BOOL_REF=110 DT_BOOL_REF value
     * @property {number} DT_QINT8_REF=111 DT_QINT8_REF value
     * @property {number} DT_QUINT8_REF=112 DT_QUINT8_REF value
     * @property {number} DT_QINT32_REF=113 DT_QINT32_REF value
     * @property {number} DT_BFLOAT16_REF=114 DT_BFLOAT16_REF value
     * @property {number} DT_QINT16_REF=115 DT_QINT16_REF value
     * @property {number} DT_QUINT16_REF=116 DT_QUINT16_REF value
     * @property {number} DT_UINT16_REF=117 DT_UINT16_REF value
     * @property {number} DT_COMPLEX128_REF=118 DT_COMPLEX128_REF value
     * @property {number} DT_HALF_REF=119 DT_HALF_REF value
     * @property {number} DT_RESOURCE_REF=120 DT_RESOURCE_REF value
     * @property {number} DT_VARIANT_REF=121 DT_VARIANT_REF value
     * @property {number} DT_UINT32_REF=122 DT_UINT32_REF value
     * @property {number} DT_UINT64_REF=123 DT_UINT64_REF value
     * @property {number} DT_FLOAT8_E5M2_REF=124 DT_FLOAT8_E5M2_REF value
     * @property {number} DT_FLOAT8_E4M3FN_REF=125 DT_FLOAT8_E4M3FN_REF value
     * @property {number} DT_FLOAT8_E4M3FNUZ_REF=126 DT_FLOAT8_E4M3FNUZ_REF value
     * @property {number} DT_FLOAT8_E4M3B11FNUZ_REF=127 DT_FLOAT8_E4M3B11FNUZ_REF value
     * @property {number} DT_FLOAT8_E5M2FNUZ_REF=128 DT_FLOAT8_E5M2FNUZ_REF value
     * @property {number} DT_INT4_REF=129 DT_INT4_REF value
     * @property {number} DT_UINT4_REF=130 DT_UINT4_REF value
     * @property {number} DT_INT2_REF=131 DT_INT2_REF value
     * @property {number} DT_UINT2_REF=132 DT_UINT2_REF value
     * @property {number} DT_FLOAT4_E2M1FN_REF=133 DT_FLOAT4_E2M1FN_REF value
     */
    tensorflow.DataType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[8] = "DT_COMPLEX64"] = 8;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[11] = "DT_QINT8"] = 11;
        values[valuesById[12] = "DT_QUINT8"] = 12;
        values[valuesById[13] = "DT_QINT32"] = 13;
        values[valuesById[14] = "DT_BFLOAT16"] = 14;
        values[valuesById[15] = "DT_QINT16"] = 15;
        values[valuesById[16] = "DT_QUINT16"] = 16;
        values[valuesById[17] = "DT_UINT16"] = 17;
        values[valuesById[18] = "DT_COMPLEX128"] = 18;
        values[valuesById[19] = "DT_HALF"] = 19;
        values[valuesById[20] = "DT_RESOURCE"] = 20;
        values[valuesById[21] = "DT_VARIANT"] = 21;
        values[valuesById[22] = "DT_UINT32"] = 22;
        values[valuesById[23] = "DT_UINT64"] = 23;
        values[valuesById[24] = "DT_FLOAT8_E5M2"] = 24;
        values[valuesById[25] = "DT_FLOAT8_E4M3FN"] = 25;
        values[valuesById[26] = "DT_FLOAT8_E4M3FNUZ"] = 26;
        values[valuesById[27] = "DT_FLOAT8_E4M3B11FNUZ"] = 27;
        values[valuesById[28] = "DT_FLOAT8_E5M2FNUZ"] = 28;
        values[valuesById[29] = "DT_INT4"] = 29;
        values[valuesById[30] = "DT_UINT4"] = 30;
        values[valuesById[31] = "DT_INT2"] = 31;
        values[valuesById[32] = "DT_UINT2"] = 32;
        values[valuesById[33] = "DT_FLOAT4_E2M1FN"] = 33;
        values[valuesById[101] = "DT_FLOAT_REF"] = 101;
        values[valuesById[102] = "DT_DOUBLE_REF"] = 102;
        values[valuesById[103] = "DT_INT32_REF"] = 103;
        values[valuesById[104] = "DT_UINT8_REF"] = 104;
        values[valuesById[105] = "DT_INT16_REF"] = 105;
        values[valuesById[106] = "DT_INT8_REF"] = 106;
        values[valuesById[107] = "DT_STRING_REF"] = 107;
        values[valuesById[108] = "DT_COMPLEX64_REF"] = 108;
        values[valuesById[109] = "DT_INT64_REF"] = 109;
        values[valuesById[110] = "DT_BOOL_REF"] = 110;
        values[valuesById[111] = "DT_QINT8_REF"] = 111;
        values[valuesById[112] = "DT_QUINT8_REF"] = 112;
        values[valuesById[113] = "DT_QINT32_REF"] = 113;
        values[valuesById[114] = "DT_BFLOAT16_REF"] = 114;
        values[valuesById[115] = "DT_QINT16_REF"] = 115;
        values[valuesById[116] = "DT_QUINT16_REF"] = 116;
        values[valuesById[117] = "DT_UINT16_REF"] = 117;
        values[valuesById[118] = "DT_COMPLEX128_REF"] = 118;
        values[valuesById[119] = "DT_HALF_REF"] = 119;
        values[valuesById[120] = "DT_RESOURCE_REF"] = 120;
        values[valuesById[121] = "DT_VARIANT_REF"] = 121;
        values[valuesById[122] = "DT_UINT32_REF"] = 122;
        values[valuesById[123] = "DT_UINT64_REF"] = 123;
        values[valuesById[124] = "DT_FLOAT8_E5M2_REF"] = 124;
        values[valuesById[125] = "DT_FLOAT8_E4M3FN_REF"] = 125;
        values[valuesById[126] = "DT_FLOAT8_E4M3FNUZ_REF"] = 126;
        values[valuesById[127] = "DT_FLOAT8_E4M3B11FNUZ_REF"] = 127;
        values[valuesById[128] = "DT_FLOAT8_E5M2FNUZ_REF"] = 128;
        values[valuesById[129] = "DT_INT4_REF"] = 129;
        values[valuesById[130] = "DT_UINT4_REF"] = 130;
        values[valuesById[131] = "DT_INT2_REF"] = 131;
        values[valuesById[132] = "DT_UINT2_REF"] = 132;
        values[valuesById[133] = "DT_FLOAT4_E2M1FN_REF"] = 133;
        return values;
    })();

    tensorflow.VersionDef = (function() {

        /**
         * Properties of a VersionDef.
         * @typedef {Object} tensorflow.VersionDef.$Properties
         * @property {number|null} [producer] VersionDef producer
         * @property {number|null} [min_consumer] VersionDef min_consumer
         * @property {Array.<number>|null} [bad_consumers] VersionDef bad_consumers
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VersionDef.
         * @memberof tensorflow
         * @interface IVersionDef
         * @augments tensorflow.VersionDef.$Properties
         * @deprecated Use tensorflow.VersionDef.$Properties instead.
         */

        /**
         * Shape of a VersionDef.
         * @typedef {tensorflow.VersionDef.$Properties} tensorflow.VersionDef.$Shape
         */

        /**
         * Constructs a new VersionDef.
         * @memberof tensorflow
         * @classdesc Represents a VersionDef.
         * @constructor
         * @param {tensorflow.VersionDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VersionDef = function (properties) {
            this.bad_consumers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VersionDef producer.
         * @member {number} producer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.producer = 0;

        /**
         * VersionDef min_consumer.
         * @member {number} min_consumer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.min_consumer = 0;

        /**
         * VersionDef bad_consumers.
         * @member {Array.<number>} bad_consumers
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.bad_consumers = $util.emptyArray;

        /**
         * Decodes a VersionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.VersionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.VersionDef & tensorflow.VersionDef.$Shape} VersionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VersionDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.VersionDef();
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
                            message.producer = value;
                        else
                            delete message.producer;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.min_consumer = value;
                        else
                            delete message.min_consumer;
                        continue;
                    }
                case 3: {
                        if (wireType === 2) {
                            if (!(message.bad_consumers && message.bad_consumers.length))
                                message.bad_consumers = [];
                            reader.int32s(message.bad_consumers);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.bad_consumers && message.bad_consumers.length))
                            message.bad_consumers = [];
                        message.bad_consumers.push(reader.int32());
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

        return VersionDef;
    })();

    tensorflow.MetaGraphDef = (function() {

        /**
         * Properties of a MetaGraphDef.
         * @typedef {Object} tensorflow.MetaGraphDef.$Properties
         * @property {tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null} [meta_info_def] MetaGraphDef meta_info_def
         * @property {tensorflow.GraphDef.$Properties|null} [graph_def] MetaGraphDef graph_def
         * @property {tensorflow.SaverDef.$Properties|null} [saver_def] MetaGraphDef saver_def
         * @property {Object.<string,tensorflow.CollectionDef.$Properties>|null} [collection_def] MetaGraphDef collection_def
         * @property {Array.<tensorflow.AssetFileDef.$Properties>|null} [asset_file_def] MetaGraphDef asset_file_def
         * @property {tensorflow.SavedObjectGraph.$Properties|null} [object_graph_def] MetaGraphDef object_graph_def
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MetaGraphDef.
         * @memberof tensorflow
         * @interface IMetaGraphDef
         * @augments tensorflow.MetaGraphDef.$Properties
         * @deprecated Use tensorflow.MetaGraphDef.$Properties instead.
         */

        /**
         * Shape of a MetaGraphDef.
         * @typedef {{
         *   meta_info_def?: tensorflow.MetaGraphDef.MetaInfoDef.$Shape|null;
         *   graph_def?: tensorflow.GraphDef.$Shape|null;
         *   saver_def?: tensorflow.SaverDef.$Shape|null;
         *   collection_def?: Object.<string,tensorflow.CollectionDef.$Shape>|null;
         *   asset_file_def?: Array.<tensorflow.AssetFileDef.$Shape>|null;
         *   object_graph_def?: tensorflow.SavedObjectGraph.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.MetaGraphDef.$Shape
         */

        /**
         * Constructs a new MetaGraphDef.
         * @memberof tensorflow
         * @classdesc Represents a MetaGraphDef.
         * @constructor
         * @param {tensorflow.MetaGraphDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MetaGraphDef = function (properties) {
            this.collection_def = {};
            this.asset_file_def = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MetaGraphDef meta_info_def.
         * @member {tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null|undefined} meta_info_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.meta_info_def = null;

        /**
         * MetaGraphDef graph_def.
         * @member {tensorflow.GraphDef.$Properties|null|undefined} graph_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.graph_def = null;

        /**
         * MetaGraphDef saver_def.
         * @member {tensorflow.SaverDef.$Properties|null|undefined} saver_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.saver_def = null;

        /**
         * MetaGraphDef collection_def.
         * @member {Object.<string,tensorflow.CollectionDef.$Properties>} collection_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.collection_def = $util.emptyObject;

        /**
         * MetaGraphDef asset_file_def.
         * @member {Array.<tensorflow.AssetFileDef.$Properties>} asset_file_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.asset_file_def = $util.emptyArray;

        /**
         * MetaGraphDef object_graph_def.
         * @member {tensorflow.SavedObjectGraph.$Properties|null|undefined} object_graph_def
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.object_graph_def = null;

        /**
         * Decodes a MetaGraphDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.MetaGraphDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape} MetaGraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MetaGraphDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.MetaGraphDef();
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
                        message.meta_info_def = $root.tensorflow.MetaGraphDef.MetaInfoDef.decode(reader, reader.size(), $undefined, _depth + 1, message.meta_info_def);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.graph_def = $root.tensorflow.GraphDef.decode(reader, reader.size(), $undefined, _depth + 1, message.graph_def);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.saver_def = $root.tensorflow.SaverDef.decode(reader, reader.size(), $undefined, _depth + 1, message.saver_def);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (message.collection_def === $util.emptyObject)
                            message.collection_def = {};
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
                                value = $root.tensorflow.CollectionDef.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.collection_def, key);
                        message.collection_def[key] = value || new $root.tensorflow.CollectionDef();
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.asset_file_def && message.asset_file_def.length))
                            message.asset_file_def = [];
                        message.asset_file_def.push($root.tensorflow.AssetFileDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.object_graph_def = $root.tensorflow.SavedObjectGraph.decode(reader, reader.size(), $undefined, _depth + 1, message.object_graph_def);
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

        MetaGraphDef.MetaInfoDef = (function() {

            /**
             * Properties of a MetaInfoDef.
             * @typedef {Object} tensorflow.MetaGraphDef.MetaInfoDef.$Properties
             * @property {string|null} [meta_graph_version] MetaInfoDef meta_graph_version
             * @property {tensorflow.OpList.$Properties|null} [stripped_op_list] MetaInfoDef stripped_op_list
             * @property {Array.<string>|null} [tags] MetaInfoDef tags
             * @property {string|null} [tensorflow_version] MetaInfoDef tensorflow_version
             * @property {string|null} [tensorflow_git_version] MetaInfoDef tensorflow_git_version
             * @property {boolean|null} [stripped_default_attrs] MetaInfoDef stripped_default_attrs
             * @property {Object.<string,string>|null} [function_aliases] MetaInfoDef function_aliases
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MetaInfoDef.
             * @memberof tensorflow.MetaGraphDef
             * @interface IMetaInfoDef
             * @augments tensorflow.MetaGraphDef.MetaInfoDef.$Properties
             * @deprecated Use tensorflow.MetaGraphDef.MetaInfoDef.$Properties instead.
             */

            /**
             * Shape of a MetaInfoDef.
             * @typedef {{
             *   meta_graph_version?: string|null;
             *   stripped_op_list?: tensorflow.OpList.$Shape|null;
             *   tags?: Array.<string>|null;
             *   tensorflow_version?: string|null;
             *   tensorflow_git_version?: string|null;
             *   stripped_default_attrs?: boolean|null;
             *   function_aliases?: Object.<string,string>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} tensorflow.MetaGraphDef.MetaInfoDef.$Shape
             */

            /**
             * Constructs a new MetaInfoDef.
             * @memberof tensorflow.MetaGraphDef
             * @classdesc Represents a MetaInfoDef.
             * @constructor
             * @param {tensorflow.MetaGraphDef.MetaInfoDef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MetaInfoDef = function (properties) {
                this.tags = [];
                this.function_aliases = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MetaInfoDef meta_graph_version.
             * @member {string} meta_graph_version
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.meta_graph_version = "";

            /**
             * MetaInfoDef stripped_op_list.
             * @member {tensorflow.OpList.$Properties|null|undefined} stripped_op_list
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.stripped_op_list = null;

            /**
             * MetaInfoDef tags.
             * @member {Array.<string>} tags
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tags = $util.emptyArray;

            /**
             * MetaInfoDef tensorflow_version.
             * @member {string} tensorflow_version
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tensorflow_version = "";

            /**
             * MetaInfoDef tensorflow_git_version.
             * @member {string} tensorflow_git_version
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tensorflow_git_version = "";

            /**
             * MetaInfoDef stripped_default_attrs.
             * @member {boolean} stripped_default_attrs
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.stripped_default_attrs = false;

            /**
             * MetaInfoDef function_aliases.
             * @member {Object.<string,string>} function_aliases
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.function_aliases = $util.emptyObject;

            /**
             * Decodes a MetaInfoDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape} MetaInfoDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MetaInfoDef.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.MetaGraphDef.MetaInfoDef();
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
                            if ((value = reader.stringVerify()).length)
                                message.meta_graph_version = value;
                            else
                                delete message.meta_graph_version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.stripped_op_list = $root.tensorflow.OpList.decode(reader, reader.size(), $undefined, _depth + 1, message.stripped_op_list);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tags && message.tags.length))
                                message.tags = [];
                            message.tags.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tensorflow_version = value;
                            else
                                delete message.tensorflow_version;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tensorflow_git_version = value;
                            else
                                delete message.tensorflow_git_version;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.stripped_default_attrs = value;
                            else
                                delete message.stripped_default_attrs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (message.function_aliases === $util.emptyObject)
                                message.function_aliases = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
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
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.function_aliases, key);
                            message.function_aliases[key] = value;
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

            return MetaInfoDef;
        })();

        return MetaGraphDef;
    })();

    tensorflow.CollectionDef = (function() {

        /**
         * Properties of a CollectionDef.
         * @typedef {Object} tensorflow.CollectionDef.$Properties
         * @property {tensorflow.CollectionDef.NodeList.$Properties|null} [node_list] CollectionDef node_list
         * @property {tensorflow.CollectionDef.BytesList.$Properties|null} [bytes_list] CollectionDef bytes_list
         * @property {"node_list"|"bytes_list"} [kind] CollectionDef kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CollectionDef.
         * @memberof tensorflow
         * @interface ICollectionDef
         * @augments tensorflow.CollectionDef.$Properties
         * @deprecated Use tensorflow.CollectionDef.$Properties instead.
         */

        /**
         * Narrowed shape of a CollectionDef.
         * @typedef {{
         *   node_list?: tensorflow.CollectionDef.NodeList.$Shape|null;
         *   bytes_list?: tensorflow.CollectionDef.BytesList.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; node_list?: null; bytes_list?: null }|{ kind?: "node_list"; node_list: tensorflow.CollectionDef.NodeList.$Shape; bytes_list?: null }|{ kind?: "bytes_list"; node_list?: null; bytes_list: tensorflow.CollectionDef.BytesList.$Shape })
         * )} tensorflow.CollectionDef.$Shape
         */

        /**
         * Constructs a new CollectionDef.
         * @memberof tensorflow
         * @classdesc Represents a CollectionDef.
         * @constructor
         * @param {tensorflow.CollectionDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CollectionDef = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CollectionDef node_list.
         * @member {tensorflow.CollectionDef.NodeList.$Properties|null|undefined} node_list
         * @memberof tensorflow.CollectionDef
         * @instance
         */
        CollectionDef.prototype.node_list = null;

        /**
         * CollectionDef bytes_list.
         * @member {tensorflow.CollectionDef.BytesList.$Properties|null|undefined} bytes_list
         * @memberof tensorflow.CollectionDef
         * @instance
         */
        CollectionDef.prototype.bytes_list = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * CollectionDef kind.
         * @member {"node_list"|"bytes_list"|undefined} kind
         * @memberof tensorflow.CollectionDef
         * @instance
         */
        $Object.defineProperty(CollectionDef.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["node_list", "bytes_list"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Decodes a CollectionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.CollectionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.CollectionDef & tensorflow.CollectionDef.$Shape} CollectionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CollectionDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.CollectionDef();
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
                        message.node_list = $root.tensorflow.CollectionDef.NodeList.decode(reader, reader.size(), $undefined, _depth + 1, message.node_list);
                        message.kind = "node_list";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.bytes_list = $root.tensorflow.CollectionDef.BytesList.decode(reader, reader.size(), $undefined, _depth + 1, message.bytes_list);
                        message.kind = "bytes_list";
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

        CollectionDef.NodeList = (function() {

            /**
             * Properties of a NodeList.
             * @typedef {Object} tensorflow.CollectionDef.NodeList.$Properties
             * @property {Array.<string>|null} [value] NodeList value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NodeList.
             * @memberof tensorflow.CollectionDef
             * @interface INodeList
             * @augments tensorflow.CollectionDef.NodeList.$Properties
             * @deprecated Use tensorflow.CollectionDef.NodeList.$Properties instead.
             */

            /**
             * Shape of a NodeList.
             * @typedef {tensorflow.CollectionDef.NodeList.$Properties} tensorflow.CollectionDef.NodeList.$Shape
             */

            /**
             * Constructs a new NodeList.
             * @memberof tensorflow.CollectionDef
             * @classdesc Represents a NodeList.
             * @constructor
             * @param {tensorflow.CollectionDef.NodeList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NodeList = function (properties) {
                this.value = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NodeList value.
             * @member {Array.<string>} value
             * @memberof tensorflow.CollectionDef.NodeList
             * @instance
             */
            NodeList.prototype.value = $util.emptyArray;

            /**
             * Decodes a NodeList message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.CollectionDef.NodeList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.CollectionDef.NodeList & tensorflow.CollectionDef.NodeList.$Shape} NodeList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeList.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.CollectionDef.NodeList();
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
                            message.value.push(reader.stringVerify());
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

            return NodeList;
        })();

        CollectionDef.BytesList = (function() {

            /**
             * Properties of a BytesList.
             * @typedef {Object} tensorflow.CollectionDef.BytesList.$Properties
             * @property {Array.<Uint8Array>|null} [value] BytesList value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BytesList.
             * @memberof tensorflow.CollectionDef
             * @interface IBytesList
             * @augments tensorflow.CollectionDef.BytesList.$Properties
             * @deprecated Use tensorflow.CollectionDef.BytesList.$Properties instead.
             */

            /**
             * Shape of a BytesList.
             * @typedef {tensorflow.CollectionDef.BytesList.$Properties} tensorflow.CollectionDef.BytesList.$Shape
             */

            /**
             * Constructs a new BytesList.
             * @memberof tensorflow.CollectionDef
             * @classdesc Represents a BytesList.
             * @constructor
             * @param {tensorflow.CollectionDef.BytesList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BytesList = function (properties) {
                this.value = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BytesList value.
             * @member {Array.<Uint8Array>} value
             * @memberof tensorflow.CollectionDef.BytesList
             * @instance
             */
            BytesList.prototype.value = $util.emptyArray;

            /**
             * Decodes a BytesList message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.CollectionDef.BytesList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.CollectionDef.BytesList & tensorflow.CollectionDef.BytesList.$Shape} BytesList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BytesList.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tensorflow.CollectionDef.BytesList();
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
                            message.value.push(reader.bytes());
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

            return BytesList;
        })();

        return CollectionDef;
    })();

    tensorflow.AssetFileDef = (function() {

        /**
         * Properties of an AssetFileDef.
         * @typedef {Object} tensorflow.AssetFileDef.$Properties
         * @property {string|null} [filename] AssetFileDef filename
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AssetFileDef.
         * @memberof tensorflow
         * @interface IAssetFileDef
         * @augments tensorflow.AssetFileDef.$Properties
         * @deprecated Use tensorflow.AssetFileDef.$Properties instead.
         */

        /**
         * Shape of an AssetFileDef.
         * @typedef {tensorflow.AssetFileDef.$Properties} tensorflow.AssetFileDef.$Shape
         */

        /**
         * Constructs a new AssetFileDef.
         * @memberof tensorflow
         * @classdesc Represents an AssetFileDef.
         * @constructor
         * @param {tensorflow.AssetFileDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AssetFileDef = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AssetFileDef filename.
         * @member {string} filename
         * @memberof tensorflow.AssetFileDef
         * @instance
         */
        AssetFileDef.prototype.filename = "";

        /**
         * Decodes an AssetFileDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.AssetFileDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape} AssetFileDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AssetFileDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.AssetFileDef();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.filename = value;
                        else
                            delete message.filename;
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

        return AssetFileDef;
    })();

    tensorflow.SavedModel = (function() {

        /**
         * Properties of a SavedModel.
         * @typedef {Object} tensorflow.SavedModel.$Properties
         * @property {number|Long|null} [saved_model_schema_version] SavedModel saved_model_schema_version
         * @property {Array.<tensorflow.MetaGraphDef.$Properties>|null} [meta_graphs] SavedModel meta_graphs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedModel.
         * @memberof tensorflow
         * @interface ISavedModel
         * @augments tensorflow.SavedModel.$Properties
         * @deprecated Use tensorflow.SavedModel.$Properties instead.
         */

        /**
         * Shape of a SavedModel.
         * @typedef {{
         *   saved_model_schema_version?: number|Long|null;
         *   meta_graphs?: Array.<tensorflow.MetaGraphDef.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedModel.$Shape
         */

        /**
         * Constructs a new SavedModel.
         * @memberof tensorflow
         * @classdesc Represents a SavedModel.
         * @constructor
         * @param {tensorflow.SavedModel.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedModel = function (properties) {
            this.meta_graphs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedModel saved_model_schema_version.
         * @member {number|Long} saved_model_schema_version
         * @memberof tensorflow.SavedModel
         * @instance
         */
        SavedModel.prototype.saved_model_schema_version = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SavedModel meta_graphs.
         * @member {Array.<tensorflow.MetaGraphDef.$Properties>} meta_graphs
         * @memberof tensorflow.SavedModel
         * @instance
         */
        SavedModel.prototype.meta_graphs = $util.emptyArray;

        /**
         * Decodes a SavedModel message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedModel
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedModel & tensorflow.SavedModel.$Shape} SavedModel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedModel.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedModel();
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
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.saved_model_schema_version = value;
                        else
                            delete message.saved_model_schema_version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.meta_graphs && message.meta_graphs.length))
                            message.meta_graphs = [];
                        message.meta_graphs.push($root.tensorflow.MetaGraphDef.decode(reader, reader.size(), $undefined, _depth + 1));
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

        return SavedModel;
    })();

    tensorflow.SavedObjectGraph = (function() {

        /**
         * Properties of a SavedObjectGraph.
         * @typedef {Object} tensorflow.SavedObjectGraph.$Properties
         * @property {Array.<tensorflow.SavedObject.$Properties>|null} [nodes] SavedObjectGraph nodes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedObjectGraph.
         * @memberof tensorflow
         * @interface ISavedObjectGraph
         * @augments tensorflow.SavedObjectGraph.$Properties
         * @deprecated Use tensorflow.SavedObjectGraph.$Properties instead.
         */

        /**
         * Shape of a SavedObjectGraph.
         * @typedef {{
         *   nodes?: Array.<tensorflow.SavedObject.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedObjectGraph.$Shape
         */

        /**
         * Constructs a new SavedObjectGraph.
         * @memberof tensorflow
         * @classdesc Represents a SavedObjectGraph.
         * @constructor
         * @param {tensorflow.SavedObjectGraph.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedObjectGraph = function (properties) {
            this.nodes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedObjectGraph nodes.
         * @member {Array.<tensorflow.SavedObject.$Properties>} nodes
         * @memberof tensorflow.SavedObjectGraph
         * @instance
         */
        SavedObjectGraph.prototype.nodes = $util.emptyArray;

        /**
         * Decodes a SavedObjectGraph message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedObjectGraph
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape} SavedObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedObjectGraph.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedObjectGraph();
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
                        if (!(message.nodes && message.nodes.length))
                            message.nodes = [];
                        message.nodes.push($root.tensorflow.SavedObject.decode(reader, reader.size(), $undefined, _depth + 1));
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

        return SavedObjectGraph;
    })();

    tensorflow.SavedObject = (function() {

        /**
         * Properties of a SavedObject.
         * @typedef {Object} tensorflow.SavedObject.$Properties
         * @property {tensorflow.SavedUserObject.$Properties|null} [user_object] SavedObject user_object
         * @property {tensorflow.SavedAsset.$Properties|null} [asset] SavedObject asset
         * @property {tensorflow.SavedFunction.$Properties|null} ["function"] SavedObject function
         * @property {tensorflow.SavedBareConcreteFunction.$Properties|null} [bare_concrete_function] SavedObject bare_concrete_function
         * @property {string|null} [registered_name] SavedObject registered_name
         * @property {string|null} [registered_saver] SavedObject registered_saver
         * @property {"user_object"|"asset"|"function"|"bare_concrete_function"} [kind] SavedObject kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedObject.
         * @memberof tensorflow
         * @interface ISavedObject
         * @augments tensorflow.SavedObject.$Properties
         * @deprecated Use tensorflow.SavedObject.$Properties instead.
         */

        /**
         * Narrowed shape of a SavedObject.
         * @typedef {{
         *   user_object?: tensorflow.SavedUserObject.$Shape|null;
         *   asset?: tensorflow.SavedAsset.$Shape|null;
         *   "function"?: tensorflow.SavedFunction.$Shape|null;
         *   bare_concrete_function?: tensorflow.SavedBareConcreteFunction.$Shape|null;
         *   registered_name?: string|null;
         *   registered_saver?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; user_object?: null; asset?: null; "function"?: null; bare_concrete_function?: null }|{ kind?: "user_object"; user_object: tensorflow.SavedUserObject.$Shape; asset?: null; "function"?: null; bare_concrete_function?: null }|{ kind?: "asset"; user_object?: null; asset: tensorflow.SavedAsset.$Shape; "function"?: null; bare_concrete_function?: null }|{ kind?: "function"; user_object?: null; asset?: null; "function": tensorflow.SavedFunction.$Shape; bare_concrete_function?: null }|{ kind?: "bare_concrete_function"; user_object?: null; asset?: null; "function"?: null; bare_concrete_function: tensorflow.SavedBareConcreteFunction.$Shape })
         * )} tensorflow.SavedObject.$Shape
         */

        /**
         * Constructs a new SavedObject.
         * @memberof tensorflow
         * @classdesc Represents a SavedObject.
         * @constructor
         * @param {tensorflow.SavedObject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedObject = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedObject user_object.
         * @member {tensorflow.SavedUserObject.$Properties|null|undefined} user_object
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.user_object = null;

        /**
         * SavedObject asset.
         * @member {tensorflow.SavedAsset.$Properties|null|undefined} asset
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.asset = null;

        /**
         * SavedObject function.
         * @member {tensorflow.SavedFunction.$Properties|null|undefined} function
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype["function"] = null;

        /**
         * SavedObject bare_concrete_function.
         * @member {tensorflow.SavedBareConcreteFunction.$Properties|null|undefined} bare_concrete_function
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.bare_concrete_function = null;

        /**
         * SavedObject registered_name.
         * @member {string} registered_name
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.registered_name = "";

        /**
         * SavedObject registered_saver.
         * @member {string} registered_saver
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.registered_saver = "";

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * SavedObject kind.
         * @member {"user_object"|"asset"|"function"|"bare_concrete_function"|undefined} kind
         * @memberof tensorflow.SavedObject
         * @instance
         */
        $Object.defineProperty(SavedObject.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["user_object", "asset", "function", "bare_concrete_function"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Decodes a SavedObject message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedObject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedObject & tensorflow.SavedObject.$Shape} SavedObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedObject.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedObject();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.user_object = $root.tensorflow.SavedUserObject.decode(reader, reader.size(), $undefined, _depth + 1, message.user_object);
                        message.kind = "user_object";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.asset = $root.tensorflow.SavedAsset.decode(reader, reader.size(), $undefined, _depth + 1, message.asset);
                        message.kind = "asset";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message["function"] = $root.tensorflow.SavedFunction.decode(reader, reader.size(), $undefined, _depth + 1, message["function"]);
                        message.kind = "function";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.bare_concrete_function = $root.tensorflow.SavedBareConcreteFunction.decode(reader, reader.size(), $undefined, _depth + 1, message.bare_concrete_function);
                        message.kind = "bare_concrete_function";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.registered_name = value;
                        else
                            delete message.registered_name;
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.registered_saver = value;
                        else
                            delete message.registered_saver;
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

        return SavedObject;
    })();

    tensorflow.SavedUserObject = (function() {

        /**
         * Properties of a SavedUserObject.
         * @typedef {Object} tensorflow.SavedUserObject.$Properties
         * @property {string|null} [identifier] SavedUserObject identifier
         * @property {tensorflow.VersionDef.$Properties|null} [version] SavedUserObject version
         * @property {string|null} [metadata] SavedUserObject metadata
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedUserObject.
         * @memberof tensorflow
         * @interface ISavedUserObject
         * @augments tensorflow.SavedUserObject.$Properties
         * @deprecated Use tensorflow.SavedUserObject.$Properties instead.
         */

        /**
         * Shape of a SavedUserObject.
         * @typedef {tensorflow.SavedUserObject.$Properties} tensorflow.SavedUserObject.$Shape
         */

        /**
         * Constructs a new SavedUserObject.
         * @memberof tensorflow
         * @classdesc Represents a SavedUserObject.
         * @constructor
         * @param {tensorflow.SavedUserObject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedUserObject = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedUserObject identifier.
         * @member {string} identifier
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.identifier = "";

        /**
         * SavedUserObject version.
         * @member {tensorflow.VersionDef.$Properties|null|undefined} version
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.version = null;

        /**
         * SavedUserObject metadata.
         * @member {string} metadata
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.metadata = "";

        /**
         * Decodes a SavedUserObject message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedUserObject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape} SavedUserObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedUserObject.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedUserObject();
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
                        if ((value = reader.stringVerify()).length)
                            message.identifier = value;
                        else
                            delete message.identifier;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.version = $root.tensorflow.VersionDef.decode(reader, reader.size(), $undefined, _depth + 1, message.version);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.metadata = value;
                        else
                            delete message.metadata;
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

        return SavedUserObject;
    })();

    tensorflow.SavedAsset = (function() {

        /**
         * Properties of a SavedAsset.
         * @typedef {Object} tensorflow.SavedAsset.$Properties
         * @property {number|null} [asset_file_def_index] SavedAsset asset_file_def_index
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedAsset.
         * @memberof tensorflow
         * @interface ISavedAsset
         * @augments tensorflow.SavedAsset.$Properties
         * @deprecated Use tensorflow.SavedAsset.$Properties instead.
         */

        /**
         * Shape of a SavedAsset.
         * @typedef {tensorflow.SavedAsset.$Properties} tensorflow.SavedAsset.$Shape
         */

        /**
         * Constructs a new SavedAsset.
         * @memberof tensorflow
         * @classdesc Represents a SavedAsset.
         * @constructor
         * @param {tensorflow.SavedAsset.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedAsset = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedAsset asset_file_def_index.
         * @member {number} asset_file_def_index
         * @memberof tensorflow.SavedAsset
         * @instance
         */
        SavedAsset.prototype.asset_file_def_index = 0;

        /**
         * Decodes a SavedAsset message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedAsset
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape} SavedAsset
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedAsset.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedAsset();
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
                            message.asset_file_def_index = value;
                        else
                            delete message.asset_file_def_index;
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

        return SavedAsset;
    })();

    tensorflow.SavedFunction = (function() {

        /**
         * Properties of a SavedFunction.
         * @typedef {Object} tensorflow.SavedFunction.$Properties
         * @property {Array.<string>|null} [concrete_functions] SavedFunction concrete_functions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedFunction.
         * @memberof tensorflow
         * @interface ISavedFunction
         * @augments tensorflow.SavedFunction.$Properties
         * @deprecated Use tensorflow.SavedFunction.$Properties instead.
         */

        /**
         * Shape of a SavedFunction.
         * @typedef {tensorflow.SavedFunction.$Properties} tensorflow.SavedFunction.$Shape
         */

        /**
         * Constructs a new SavedFunction.
         * @memberof tensorflow
         * @classdesc Represents a SavedFunction.
         * @constructor
         * @param {tensorflow.SavedFunction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedFunction = function (properties) {
            this.concrete_functions = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedFunction concrete_functions.
         * @member {Array.<string>} concrete_functions
         * @memberof tensorflow.SavedFunction
         * @instance
         */
        SavedFunction.prototype.concrete_functions = $util.emptyArray;

        /**
         * Decodes a SavedFunction message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedFunction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape} SavedFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedFunction.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedFunction();
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
                        if (!(message.concrete_functions && message.concrete_functions.length))
                            message.concrete_functions = [];
                        message.concrete_functions.push(reader.stringVerify());
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

        return SavedFunction;
    })();

    tensorflow.SavedBareConcreteFunction = (function() {

        /**
         * Properties of a SavedBareConcreteFunction.
         * @typedef {Object} tensorflow.SavedBareConcreteFunction.$Properties
         * @property {string|null} [concrete_function_name] SavedBareConcreteFunction concrete_function_name
         * @property {Array.<string>|null} [argument_keywords] SavedBareConcreteFunction argument_keywords
         * @property {number|Long|null} [allowed_positional_arguments] SavedBareConcreteFunction allowed_positional_arguments
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedBareConcreteFunction.
         * @memberof tensorflow
         * @interface ISavedBareConcreteFunction
         * @augments tensorflow.SavedBareConcreteFunction.$Properties
         * @deprecated Use tensorflow.SavedBareConcreteFunction.$Properties instead.
         */

        /**
         * Shape of a SavedBareConcreteFunction.
         * @typedef {tensorflow.SavedBareConcreteFunction.$Properties} tensorflow.SavedBareConcreteFunction.$Shape
         */

        /**
         * Constructs a new SavedBareConcreteFunction.
         * @memberof tensorflow
         * @classdesc Represents a SavedBareConcreteFunction.
         * @constructor
         * @param {tensorflow.SavedBareConcreteFunction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedBareConcreteFunction = function (properties) {
            this.argument_keywords = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedBareConcreteFunction concrete_function_name.
         * @member {string} concrete_function_name
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.concrete_function_name = "";

        /**
         * SavedBareConcreteFunction argument_keywords.
         * @member {Array.<string>} argument_keywords
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.argument_keywords = $util.emptyArray;

        /**
         * SavedBareConcreteFunction allowed_positional_arguments.
         * @member {number|Long} allowed_positional_arguments
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.allowed_positional_arguments = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Decodes a SavedBareConcreteFunction message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedBareConcreteFunction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape} SavedBareConcreteFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedBareConcreteFunction.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SavedBareConcreteFunction();
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
                        if ((value = reader.stringVerify()).length)
                            message.concrete_function_name = value;
                        else
                            delete message.concrete_function_name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.argument_keywords && message.argument_keywords.length))
                            message.argument_keywords = [];
                        message.argument_keywords.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.allowed_positional_arguments = value;
                        else
                            delete message.allowed_positional_arguments;
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

        return SavedBareConcreteFunction;
    })();

    tensorflow.SaverDef = (function() {

        /**
         * Properties of a SaverDef.
         * @typedef {Object} tensorflow.SaverDef.$Properties
         * @property {string|null} [filename_tensor_name] SaverDef filename_tensor_name
         * @property {string|null} [save_tensor_name] SaverDef save_tensor_name
         * @property {string|null} [restore_op_name] SaverDef restore_op_name
         * @property {number|null} [max_to_keep] SaverDef max_to_keep
         * @property {boolean|null} [sharded] SaverDef sharded
         * @property {number|null} [keep_checkpoint_every_n_hours] SaverDef keep_checkpoint_every_n_hours
         * @property {tensorflow.SaverDef.CheckpointFormatVersion|null} [version] SaverDef version
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SaverDef.
         * @memberof tensorflow
         * @interface ISaverDef
         * @augments tensorflow.SaverDef.$Properties
         * @deprecated Use tensorflow.SaverDef.$Properties instead.
         */

        /**
         * Shape of a SaverDef.
         * @typedef {tensorflow.SaverDef.$Properties} tensorflow.SaverDef.$Shape
         */

        /**
         * Constructs a new SaverDef.
         * @memberof tensorflow
         * @classdesc Represents a SaverDef.
         * @constructor
         * @param {tensorflow.SaverDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SaverDef = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SaverDef filename_tensor_name.
         * @member {string} filename_tensor_name
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.filename_tensor_name = "";

        /**
         * SaverDef save_tensor_name.
         * @member {string} save_tensor_name
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.save_tensor_name = "";

        /**
         * SaverDef restore_op_name.
         * @member {string} restore_op_name
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.restore_op_name = "";

        /**
         * SaverDef max_to_keep.
         * @member {number} max_to_keep
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.max_to_keep = 0;

        /**
         * SaverDef sharded.
         * @member {boolean} sharded
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.sharded = false;

        /**
         * SaverDef keep_checkpoint_every_n_hours.
         * @member {number} keep_checkpoint_every_n_hours
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.keep_checkpoint_every_n_hours = 0;

        /**
         * SaverDef version.
         * @member {tensorflow.SaverDef.CheckpointFormatVersion} version
         * @memberof tensorflow.SaverDef
         * @instance
         */
        SaverDef.prototype.version = 0;

        /**
         * Decodes a SaverDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SaverDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SaverDef & tensorflow.SaverDef.$Shape} SaverDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SaverDef.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.tensorflow.SaverDef();
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
                        if ((value = reader.stringVerify()).length)
                            message.filename_tensor_name = value;
                        else
                            delete message.filename_tensor_name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.save_tensor_name = value;
                        else
                            delete message.save_tensor_name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.restore_op_name = value;
                        else
                            delete message.restore_op_name;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.max_to_keep = value;
                        else
                            delete message.max_to_keep;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.sharded = value;
                        else
                            delete message.sharded;
                        continue;
                    }
                case 6: {
                        if (wireType !== 5)
                            break;
                        if (!$Object.is(value = reader.float(), 0))
                            message.keep_checkpoint_every_n_hours = value;
                        else
                            delete message.keep_checkpoint_every_n_hours;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.version = value;
                        else
                            delete message.version;
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
         * CheckpointFormatVersion enum.
         * @name tensorflow.SaverDef.CheckpointFormatVersion
         * @enum {number}
         * @property {number} LEGACY=0 LEGACY value
         * @property {number} V1=1 V1 value
         * @property {number} V2=2 V2 value
         */
        SaverDef.CheckpointFormatVersion = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LEGACY"] = 0;
            values[valuesById[1] = "V1"] = 1;
            values[valuesById[2] = "V2"] = 2;
            return values;
        })();

        return SaverDef;
    })();

    return tensorflow;
})();

export const third_party = $root.third_party = (() => {

    /**
     * Namespace third_party.
     * @exports third_party
     * @namespace
     */
    const third_party = {};

    third_party.tensorflow = (function() {

        /**
         * Namespace tensorflow.
         * @memberof third_party
         * @namespace
         */
        const tensorflow = {};

        tensorflow.python = (function() {

            /**
             * Namespace python.
             * @memberof third_party.tensorflow
             * @namespace
             */
            const python = {};

            python.keras = (function() {

                /**
                 * Namespace keras.
                 * @memberof third_party.tensorflow.python
                 * @namespace
                 */
                const keras = {};

                keras.protobuf = (function() {

                    /**
                     * Namespace protobuf.
                     * @memberof third_party.tensorflow.python.keras
                     * @namespace
                     */
                    const protobuf = {};

                    protobuf.SavedMetadata = (function() {

                        /**
                         * Properties of a SavedMetadata.
                         * @typedef {Object} third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties
                         * @property {Array.<third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties>|null} [nodes] SavedMetadata nodes
                         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                         */

                        /**
                         * Properties of a SavedMetadata.
                         * @memberof third_party.tensorflow.python.keras.protobuf
                         * @interface ISavedMetadata
                         * @augments third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties
                         * @deprecated Use third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties instead.
                         */

                        /**
                         * Shape of a SavedMetadata.
                         * @typedef {third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties} third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Shape
                         */

                        /**
                         * Constructs a new SavedMetadata.
                         * @memberof third_party.tensorflow.python.keras.protobuf
                         * @classdesc Represents a SavedMetadata.
                         * @constructor
                         * @param {third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties=} [properties] Properties to set
                         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                         */
                        const SavedMetadata = function (properties) {
                            this.nodes = [];
                            if (properties)
                                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                        this[keys[i]] = properties[keys[i]];
                        };

                        /**
                         * SavedMetadata nodes.
                         * @member {Array.<third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties>} nodes
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedMetadata
                         * @instance
                         */
                        SavedMetadata.prototype.nodes = $util.emptyArray;

                        /**
                         * Decodes a SavedMetadata message from the specified reader or buffer.
                         * @function decode
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedMetadata
                         * @static
                         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                         * @param {number} [length] Message length if known beforehand
                         * @returns {third_party.tensorflow.python.keras.protobuf.SavedMetadata & third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Shape} SavedMetadata
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        SavedMetadata.decode = function (reader, length, _end, _depth, _target) {
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
                            message = _target || new $root.third_party.tensorflow.python.keras.protobuf.SavedMetadata();
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
                                        if (!(message.nodes && message.nodes.length))
                                            message.nodes = [];
                                        message.nodes.push($root.third_party.tensorflow.python.keras.protobuf.SavedObject.decode(reader, reader.size(), $undefined, _depth + 1));
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

                        return SavedMetadata;
                    })();

                    protobuf.SavedObject = (function() {

                        /**
                         * Properties of a SavedObject.
                         * @typedef {Object} third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties
                         * @property {number|null} [node_id] SavedObject node_id
                         * @property {string|null} [node_path] SavedObject node_path
                         * @property {string|null} [identifier] SavedObject identifier
                         * @property {string|null} [metadata] SavedObject metadata
                         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                         */

                        /**
                         * Properties of a SavedObject.
                         * @memberof third_party.tensorflow.python.keras.protobuf
                         * @interface ISavedObject
                         * @augments third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties
                         * @deprecated Use third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties instead.
                         */

                        /**
                         * Shape of a SavedObject.
                         * @typedef {third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties} third_party.tensorflow.python.keras.protobuf.SavedObject.$Shape
                         */

                        /**
                         * Constructs a new SavedObject.
                         * @memberof third_party.tensorflow.python.keras.protobuf
                         * @classdesc Represents a SavedObject.
                         * @constructor
                         * @param {third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties=} [properties] Properties to set
                         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                         */
                        const SavedObject = function (properties) {
                            if (properties)
                                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                        this[keys[i]] = properties[keys[i]];
                        };

                        /**
                         * SavedObject node_id.
                         * @member {number} node_id
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedObject
                         * @instance
                         */
                        SavedObject.prototype.node_id = 0;

                        /**
                         * SavedObject node_path.
                         * @member {string} node_path
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedObject
                         * @instance
                         */
                        SavedObject.prototype.node_path = "";

                        /**
                         * SavedObject identifier.
                         * @member {string} identifier
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedObject
                         * @instance
                         */
                        SavedObject.prototype.identifier = "";

                        /**
                         * SavedObject metadata.
                         * @member {string} metadata
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedObject
                         * @instance
                         */
                        SavedObject.prototype.metadata = "";

                        /**
                         * Decodes a SavedObject message from the specified reader or buffer.
                         * @function decode
                         * @memberof third_party.tensorflow.python.keras.protobuf.SavedObject
                         * @static
                         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                         * @param {number} [length] Message length if known beforehand
                         * @returns {third_party.tensorflow.python.keras.protobuf.SavedObject & third_party.tensorflow.python.keras.protobuf.SavedObject.$Shape} SavedObject
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        SavedObject.decode = function (reader, length, _end, _depth, _target) {
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
                            message = _target || new $root.third_party.tensorflow.python.keras.protobuf.SavedObject();
                            while (reader.pos < end) {
                                let start = reader.pos;
                                let tag = reader.tag();
                                if (tag === _end) {
                                    _end = $undefined;
                                    break;
                                }
                                let wireType = tag & 7;
                                switch (tag >>>= 3) {
                                case 2: {
                                        if (wireType !== 0)
                                            break;
                                        if (value = reader.int32())
                                            message.node_id = value;
                                        else
                                            delete message.node_id;
                                        continue;
                                    }
                                case 3: {
                                        if (wireType !== 2)
                                            break;
                                        if ((value = reader.stringVerify()).length)
                                            message.node_path = value;
                                        else
                                            delete message.node_path;
                                        continue;
                                    }
                                case 4: {
                                        if (wireType !== 2)
                                            break;
                                        if ((value = reader.stringVerify()).length)
                                            message.identifier = value;
                                        else
                                            delete message.identifier;
                                        continue;
                                    }
                                case 5: {
                                        if (wireType !== 2)
                                            break;
                                        if ((value = reader.stringVerify()).length)
                                            message.metadata = value;
                                        else
                                            delete message.metadata;
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

                        return SavedObject;
                    })();

                    return protobuf;
                })();

                return keras;
            })();

            return python;
        })();

        return tensorflow;
    })();

    return third_party;
})();

export {
  $root as default
};
