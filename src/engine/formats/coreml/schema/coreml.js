/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const CoreML = $root.CoreML = (() => {

    /**
     * Namespace CoreML.
     * @exports CoreML
     * @namespace
     */
    const CoreML = {};

    CoreML.Specification = (function() {

        /**
         * Namespace Specification.
         * @memberof CoreML
         * @namespace
         */
        const Specification = {};

        Specification.Pipeline = (function() {

            /**
             * Properties of a Pipeline.
             * @typedef {Object} CoreML.Specification.Pipeline.$Properties
             * @property {Array.<CoreML.Specification.Model.$Properties>|null} [models] Pipeline models
             * @property {Array.<string>|null} [names] Pipeline names
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pipeline.
             * @memberof CoreML.Specification
             * @interface IPipeline
             * @augments CoreML.Specification.Pipeline.$Properties
             * @deprecated Use CoreML.Specification.Pipeline.$Properties instead.
             */

            /**
             * Shape of a Pipeline.
             * @typedef {{
             *   models?: Array.<CoreML.Specification.Model.$Shape>|null;
             *   names?: Array.<string>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.Pipeline.$Shape
             */

            /**
             * Constructs a new Pipeline.
             * @memberof CoreML.Specification
             * @classdesc Represents a Pipeline.
             * @constructor
             * @param {CoreML.Specification.Pipeline.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pipeline = function (properties) {
                this.models = [];
                this.names = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pipeline models.
             * @member {Array.<CoreML.Specification.Model.$Properties>} models
             * @memberof CoreML.Specification.Pipeline
             * @instance
             */
            Pipeline.prototype.models = $util.emptyArray;

            /**
             * Pipeline names.
             * @member {Array.<string>} names
             * @memberof CoreML.Specification.Pipeline
             * @instance
             */
            Pipeline.prototype.names = $util.emptyArray;

            /**
             * Decodes a Pipeline message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.Pipeline
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.Pipeline & CoreML.Specification.Pipeline.$Shape} Pipeline
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pipeline.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.Pipeline();
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
                            if (!(message.models && message.models.length))
                                message.models = [];
                            message.models.push($root.CoreML.Specification.Model.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.names && message.names.length))
                                message.names = [];
                            message.names.push(reader.stringVerify());
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

            return Pipeline;
        })();

        Specification.PipelineClassifier = (function() {

            /**
             * Properties of a PipelineClassifier.
             * @typedef {Object} CoreML.Specification.PipelineClassifier.$Properties
             * @property {CoreML.Specification.Pipeline.$Properties|null} [pipeline] PipelineClassifier pipeline
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PipelineClassifier.
             * @memberof CoreML.Specification
             * @interface IPipelineClassifier
             * @augments CoreML.Specification.PipelineClassifier.$Properties
             * @deprecated Use CoreML.Specification.PipelineClassifier.$Properties instead.
             */

            /**
             * Shape of a PipelineClassifier.
             * @typedef {{
             *   pipeline?: CoreML.Specification.Pipeline.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.PipelineClassifier.$Shape
             */

            /**
             * Constructs a new PipelineClassifier.
             * @memberof CoreML.Specification
             * @classdesc Represents a PipelineClassifier.
             * @constructor
             * @param {CoreML.Specification.PipelineClassifier.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PipelineClassifier = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PipelineClassifier pipeline.
             * @member {CoreML.Specification.Pipeline.$Properties|null|undefined} pipeline
             * @memberof CoreML.Specification.PipelineClassifier
             * @instance
             */
            PipelineClassifier.prototype.pipeline = null;

            /**
             * Decodes a PipelineClassifier message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.PipelineClassifier
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.PipelineClassifier & CoreML.Specification.PipelineClassifier.$Shape} PipelineClassifier
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PipelineClassifier.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.PipelineClassifier();
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
                            message.pipeline = $root.CoreML.Specification.Pipeline.decode(reader, reader.size(), $undefined, _depth + 1, message.pipeline);
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

            return PipelineClassifier;
        })();

        Specification.PipelineRegressor = (function() {

            /**
             * Properties of a PipelineRegressor.
             * @typedef {Object} CoreML.Specification.PipelineRegressor.$Properties
             * @property {CoreML.Specification.Pipeline.$Properties|null} [pipeline] PipelineRegressor pipeline
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PipelineRegressor.
             * @memberof CoreML.Specification
             * @interface IPipelineRegressor
             * @augments CoreML.Specification.PipelineRegressor.$Properties
             * @deprecated Use CoreML.Specification.PipelineRegressor.$Properties instead.
             */

            /**
             * Shape of a PipelineRegressor.
             * @typedef {{
             *   pipeline?: CoreML.Specification.Pipeline.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.PipelineRegressor.$Shape
             */

            /**
             * Constructs a new PipelineRegressor.
             * @memberof CoreML.Specification
             * @classdesc Represents a PipelineRegressor.
             * @constructor
             * @param {CoreML.Specification.PipelineRegressor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PipelineRegressor = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PipelineRegressor pipeline.
             * @member {CoreML.Specification.Pipeline.$Properties|null|undefined} pipeline
             * @memberof CoreML.Specification.PipelineRegressor
             * @instance
             */
            PipelineRegressor.prototype.pipeline = null;

            /**
             * Decodes a PipelineRegressor message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.PipelineRegressor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.PipelineRegressor & CoreML.Specification.PipelineRegressor.$Shape} PipelineRegressor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PipelineRegressor.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.PipelineRegressor();
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
                            message.pipeline = $root.CoreML.Specification.Pipeline.decode(reader, reader.size(), $undefined, _depth + 1, message.pipeline);
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

            return PipelineRegressor;
        })();

        Specification.Metadata = (function() {

            /**
             * Properties of a Metadata.
             * @typedef {Object} CoreML.Specification.Metadata.$Properties
             * @property {string|null} [shortDescription] Metadata shortDescription
             * @property {string|null} [versionString] Metadata versionString
             * @property {string|null} [author] Metadata author
             * @property {string|null} [license] Metadata license
             * @property {Object.<string,string>|null} [userDefined] Metadata userDefined
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Metadata.
             * @memberof CoreML.Specification
             * @interface IMetadata
             * @augments CoreML.Specification.Metadata.$Properties
             * @deprecated Use CoreML.Specification.Metadata.$Properties instead.
             */

            /**
             * Shape of a Metadata.
             * @typedef {CoreML.Specification.Metadata.$Properties} CoreML.Specification.Metadata.$Shape
             */

            /**
             * Constructs a new Metadata.
             * @memberof CoreML.Specification
             * @classdesc Represents a Metadata.
             * @constructor
             * @param {CoreML.Specification.Metadata.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Metadata = function (properties) {
                this.userDefined = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Metadata shortDescription.
             * @member {string} shortDescription
             * @memberof CoreML.Specification.Metadata
             * @instance
             */
            Metadata.prototype.shortDescription = "";

            /**
             * Metadata versionString.
             * @member {string} versionString
             * @memberof CoreML.Specification.Metadata
             * @instance
             */
            Metadata.prototype.versionString = "";

            /**
             * Metadata author.
             * @member {string} author
             * @memberof CoreML.Specification.Metadata
             * @instance
             */
            Metadata.prototype.author = "";

            /**
             * Metadata license.
             * @member {string} license
             * @memberof CoreML.Specification.Metadata
             * @instance
             */
            Metadata.prototype.license = "";

            /**
             * Metadata userDefined.
             * @member {Object.<string,string>} userDefined
             * @memberof CoreML.Specification.Metadata
             * @instance
             */
            Metadata.prototype.userDefined = $util.emptyObject;

            /**
             * Decodes a Metadata message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.Metadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.Metadata & CoreML.Specification.Metadata.$Shape} Metadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Metadata.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.Metadata();
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
                                message.shortDescription = value;
                            else
                                delete message.shortDescription;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.versionString = value;
                            else
                                delete message.versionString;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.author = value;
                            else
                                delete message.author;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.license = value;
                            else
                                delete message.license;
                            continue;
                        }
                    case 100: {
                            if (wireType !== 2)
                                break;
                            if (message.userDefined === $util.emptyObject)
                                message.userDefined = {};
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
                                $util.makeProp(message.userDefined, key);
                            message.userDefined[key] = value;
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

            return Metadata;
        })();

        Specification.ModelDescription = (function() {

            /**
             * Properties of a ModelDescription.
             * @typedef {Object} CoreML.Specification.ModelDescription.$Properties
             * @property {string|null} [defaultFunctionName] ModelDescription defaultFunctionName
             * @property {CoreML.Specification.Metadata.$Properties|null} [metadata] ModelDescription metadata
             * @property {string|null} [predictedFeatureName] ModelDescription predictedFeatureName
             * @property {string|null} [predictedProbabilitiesName] ModelDescription predictedProbabilitiesName
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ModelDescription.
             * @memberof CoreML.Specification
             * @interface IModelDescription
             * @augments CoreML.Specification.ModelDescription.$Properties
             * @deprecated Use CoreML.Specification.ModelDescription.$Properties instead.
             */

            /**
             * Shape of a ModelDescription.
             * @typedef {CoreML.Specification.ModelDescription.$Properties} CoreML.Specification.ModelDescription.$Shape
             */

            /**
             * Constructs a new ModelDescription.
             * @memberof CoreML.Specification
             * @classdesc Represents a ModelDescription.
             * @constructor
             * @param {CoreML.Specification.ModelDescription.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ModelDescription = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ModelDescription defaultFunctionName.
             * @member {string} defaultFunctionName
             * @memberof CoreML.Specification.ModelDescription
             * @instance
             */
            ModelDescription.prototype.defaultFunctionName = "";

            /**
             * ModelDescription metadata.
             * @member {CoreML.Specification.Metadata.$Properties|null|undefined} metadata
             * @memberof CoreML.Specification.ModelDescription
             * @instance
             */
            ModelDescription.prototype.metadata = null;

            /**
             * ModelDescription predictedFeatureName.
             * @member {string} predictedFeatureName
             * @memberof CoreML.Specification.ModelDescription
             * @instance
             */
            ModelDescription.prototype.predictedFeatureName = "";

            /**
             * ModelDescription predictedProbabilitiesName.
             * @member {string} predictedProbabilitiesName
             * @memberof CoreML.Specification.ModelDescription
             * @instance
             */
            ModelDescription.prototype.predictedProbabilitiesName = "";

            /**
             * Decodes a ModelDescription message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.ModelDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.ModelDescription & CoreML.Specification.ModelDescription.$Shape} ModelDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ModelDescription.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.ModelDescription();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 21: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.defaultFunctionName = value;
                            else
                                delete message.defaultFunctionName;
                            continue;
                        }
                    case 100: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.CoreML.Specification.Metadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.predictedFeatureName = value;
                            else
                                delete message.predictedFeatureName;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.predictedProbabilitiesName = value;
                            else
                                delete message.predictedProbabilitiesName;
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

            return ModelDescription;
        })();

        Specification.SerializedModel = (function() {

            /**
             * Properties of a SerializedModel.
             * @typedef {Object} CoreML.Specification.SerializedModel.$Properties
             * @property {string|null} [identifier] SerializedModel identifier
             * @property {Uint8Array|null} [model] SerializedModel model
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SerializedModel.
             * @memberof CoreML.Specification
             * @interface ISerializedModel
             * @augments CoreML.Specification.SerializedModel.$Properties
             * @deprecated Use CoreML.Specification.SerializedModel.$Properties instead.
             */

            /**
             * Shape of a SerializedModel.
             * @typedef {CoreML.Specification.SerializedModel.$Properties} CoreML.Specification.SerializedModel.$Shape
             */

            /**
             * Constructs a new SerializedModel.
             * @memberof CoreML.Specification
             * @classdesc Represents a SerializedModel.
             * @constructor
             * @param {CoreML.Specification.SerializedModel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SerializedModel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SerializedModel identifier.
             * @member {string} identifier
             * @memberof CoreML.Specification.SerializedModel
             * @instance
             */
            SerializedModel.prototype.identifier = "";

            /**
             * SerializedModel model.
             * @member {Uint8Array} model
             * @memberof CoreML.Specification.SerializedModel
             * @instance
             */
            SerializedModel.prototype.model = $util.newBuffer([]);

            /**
             * Decodes a SerializedModel message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.SerializedModel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.SerializedModel & CoreML.Specification.SerializedModel.$Shape} SerializedModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SerializedModel.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.SerializedModel();
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
                            if ((value = reader.bytes()).length)
                                message.model = value;
                            else
                                delete message.model;
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

            return SerializedModel;
        })();

        Specification.Model = (function() {

            /**
             * Properties of a Model.
             * @typedef {Object} CoreML.Specification.Model.$Properties
             * @property {number|null} [specificationVersion] Model specificationVersion
             * @property {CoreML.Specification.ModelDescription.$Properties|null} [description] Model description
             * @property {boolean|null} [isUpdatable] Model isUpdatable
             * @property {CoreML.Specification.PipelineClassifier.$Properties|null} [pipelineClassifier] Model pipelineClassifier
             * @property {CoreML.Specification.PipelineRegressor.$Properties|null} [pipelineRegressor] Model pipelineRegressor
             * @property {CoreML.Specification.Pipeline.$Properties|null} [pipeline] Model pipeline
             * @property {Uint8Array|null} [glmRegressor] Model glmRegressor
             * @property {Uint8Array|null} [supportVectorRegressor] Model supportVectorRegressor
             * @property {Uint8Array|null} [treeEnsembleRegressor] Model treeEnsembleRegressor
             * @property {CoreML.Specification.NeuralNetworkRegressor.$Properties|null} [neuralNetworkRegressor] Model neuralNetworkRegressor
             * @property {Uint8Array|null} [bayesianProbitRegressor] Model bayesianProbitRegressor
             * @property {Uint8Array|null} [glmClassifier] Model glmClassifier
             * @property {Uint8Array|null} [supportVectorClassifier] Model supportVectorClassifier
             * @property {Uint8Array|null} [treeEnsembleClassifier] Model treeEnsembleClassifier
             * @property {CoreML.Specification.NeuralNetworkClassifier.$Properties|null} [neuralNetworkClassifier] Model neuralNetworkClassifier
             * @property {Uint8Array|null} [kNearestNeighborsClassifier] Model kNearestNeighborsClassifier
             * @property {CoreML.Specification.NeuralNetwork.$Properties|null} [neuralNetwork] Model neuralNetwork
             * @property {Uint8Array|null} [itemSimilarityRecommender] Model itemSimilarityRecommender
             * @property {CoreML.Specification.MILSpec.Program.$Properties|null} [mlProgram] Model mlProgram
             * @property {CoreML.Specification.CustomModel.$Properties|null} [customModel] Model customModel
             * @property {CoreML.Specification.LinkedModel.$Properties|null} [linkedModel] Model linkedModel
             * @property {Uint8Array|null} [classConfidenceThresholding] Model classConfidenceThresholding
             * @property {Uint8Array|null} [oneHotEncoder] Model oneHotEncoder
             * @property {Uint8Array|null} [imputer] Model imputer
             * @property {Uint8Array|null} [featureVectorizer] Model featureVectorizer
             * @property {Uint8Array|null} [dictVectorizer] Model dictVectorizer
             * @property {Uint8Array|null} [scaler] Model scaler
             * @property {Uint8Array|null} [categoricalMapping] Model categoricalMapping
             * @property {Uint8Array|null} [normalizer] Model normalizer
             * @property {Uint8Array|null} [arrayFeatureExtractor] Model arrayFeatureExtractor
             * @property {Uint8Array|null} [nonMaximumSuppression] Model nonMaximumSuppression
             * @property {Uint8Array|null} [identity] Model identity
             * @property {Uint8Array|null} [textClassifier] Model textClassifier
             * @property {Uint8Array|null} [wordTagger] Model wordTagger
             * @property {Uint8Array|null} [visionFeaturePrint] Model visionFeaturePrint
             * @property {Uint8Array|null} [soundAnalysisPreprocessing] Model soundAnalysisPreprocessing
             * @property {Uint8Array|null} [gazetteer] Model gazetteer
             * @property {Uint8Array|null} [wordEmbedding] Model wordEmbedding
             * @property {Uint8Array|null} [audioFeaturePrint] Model audioFeaturePrint
             * @property {CoreML.Specification.SerializedModel.$Properties|null} [serializedModel] Model serializedModel
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Model.
             * @memberof CoreML.Specification
             * @interface IModel
             * @augments CoreML.Specification.Model.$Properties
             * @deprecated Use CoreML.Specification.Model.$Properties instead.
             */

            /**
             * Shape of a Model.
             * @typedef {{
             *   specificationVersion?: number|null;
             *   description?: CoreML.Specification.ModelDescription.$Shape|null;
             *   isUpdatable?: boolean|null;
             *   pipelineClassifier?: CoreML.Specification.PipelineClassifier.$Shape|null;
             *   pipelineRegressor?: CoreML.Specification.PipelineRegressor.$Shape|null;
             *   pipeline?: CoreML.Specification.Pipeline.$Shape|null;
             *   glmRegressor?: Uint8Array|null;
             *   supportVectorRegressor?: Uint8Array|null;
             *   treeEnsembleRegressor?: Uint8Array|null;
             *   neuralNetworkRegressor?: CoreML.Specification.NeuralNetworkRegressor.$Shape|null;
             *   bayesianProbitRegressor?: Uint8Array|null;
             *   glmClassifier?: Uint8Array|null;
             *   supportVectorClassifier?: Uint8Array|null;
             *   treeEnsembleClassifier?: Uint8Array|null;
             *   neuralNetworkClassifier?: CoreML.Specification.NeuralNetworkClassifier.$Shape|null;
             *   kNearestNeighborsClassifier?: Uint8Array|null;
             *   neuralNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
             *   itemSimilarityRecommender?: Uint8Array|null;
             *   mlProgram?: CoreML.Specification.MILSpec.Program.$Shape|null;
             *   customModel?: CoreML.Specification.CustomModel.$Shape|null;
             *   linkedModel?: CoreML.Specification.LinkedModel.$Shape|null;
             *   classConfidenceThresholding?: Uint8Array|null;
             *   oneHotEncoder?: Uint8Array|null;
             *   imputer?: Uint8Array|null;
             *   featureVectorizer?: Uint8Array|null;
             *   dictVectorizer?: Uint8Array|null;
             *   scaler?: Uint8Array|null;
             *   categoricalMapping?: Uint8Array|null;
             *   normalizer?: Uint8Array|null;
             *   arrayFeatureExtractor?: Uint8Array|null;
             *   nonMaximumSuppression?: Uint8Array|null;
             *   identity?: Uint8Array|null;
             *   textClassifier?: Uint8Array|null;
             *   wordTagger?: Uint8Array|null;
             *   visionFeaturePrint?: Uint8Array|null;
             *   soundAnalysisPreprocessing?: Uint8Array|null;
             *   gazetteer?: Uint8Array|null;
             *   wordEmbedding?: Uint8Array|null;
             *   audioFeaturePrint?: Uint8Array|null;
             *   serializedModel?: CoreML.Specification.SerializedModel.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.Model.$Shape
             */

            /**
             * Constructs a new Model.
             * @memberof CoreML.Specification
             * @classdesc Represents a Model.
             * @constructor
             * @param {CoreML.Specification.Model.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Model = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Model specificationVersion.
             * @member {number} specificationVersion
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.specificationVersion = 0;

            /**
             * Model description.
             * @member {CoreML.Specification.ModelDescription.$Properties|null|undefined} description
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.description = null;

            /**
             * Model isUpdatable.
             * @member {boolean} isUpdatable
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.isUpdatable = false;

            /**
             * Model pipelineClassifier.
             * @member {CoreML.Specification.PipelineClassifier.$Properties|null|undefined} pipelineClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.pipelineClassifier = null;

            /**
             * Model pipelineRegressor.
             * @member {CoreML.Specification.PipelineRegressor.$Properties|null|undefined} pipelineRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.pipelineRegressor = null;

            /**
             * Model pipeline.
             * @member {CoreML.Specification.Pipeline.$Properties|null|undefined} pipeline
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.pipeline = null;

            /**
             * Model glmRegressor.
             * @member {Uint8Array} glmRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.glmRegressor = $util.newBuffer([]);

            /**
             * Model supportVectorRegressor.
             * @member {Uint8Array} supportVectorRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.supportVectorRegressor = $util.newBuffer([]);

            /**
             * Model treeEnsembleRegressor.
             * @member {Uint8Array} treeEnsembleRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.treeEnsembleRegressor = $util.newBuffer([]);

            /**
             * Model neuralNetworkRegressor.
             * @member {CoreML.Specification.NeuralNetworkRegressor.$Properties|null|undefined} neuralNetworkRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.neuralNetworkRegressor = null;

            /**
             * Model bayesianProbitRegressor.
             * @member {Uint8Array} bayesianProbitRegressor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.bayesianProbitRegressor = $util.newBuffer([]);

            /**
             * Model glmClassifier.
             * @member {Uint8Array} glmClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.glmClassifier = $util.newBuffer([]);

            /**
             * Model supportVectorClassifier.
             * @member {Uint8Array} supportVectorClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.supportVectorClassifier = $util.newBuffer([]);

            /**
             * Model treeEnsembleClassifier.
             * @member {Uint8Array} treeEnsembleClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.treeEnsembleClassifier = $util.newBuffer([]);

            /**
             * Model neuralNetworkClassifier.
             * @member {CoreML.Specification.NeuralNetworkClassifier.$Properties|null|undefined} neuralNetworkClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.neuralNetworkClassifier = null;

            /**
             * Model kNearestNeighborsClassifier.
             * @member {Uint8Array} kNearestNeighborsClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.kNearestNeighborsClassifier = $util.newBuffer([]);

            /**
             * Model neuralNetwork.
             * @member {CoreML.Specification.NeuralNetwork.$Properties|null|undefined} neuralNetwork
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.neuralNetwork = null;

            /**
             * Model itemSimilarityRecommender.
             * @member {Uint8Array} itemSimilarityRecommender
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.itemSimilarityRecommender = $util.newBuffer([]);

            /**
             * Model mlProgram.
             * @member {CoreML.Specification.MILSpec.Program.$Properties|null|undefined} mlProgram
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.mlProgram = null;

            /**
             * Model customModel.
             * @member {CoreML.Specification.CustomModel.$Properties|null|undefined} customModel
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.customModel = null;

            /**
             * Model linkedModel.
             * @member {CoreML.Specification.LinkedModel.$Properties|null|undefined} linkedModel
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.linkedModel = null;

            /**
             * Model classConfidenceThresholding.
             * @member {Uint8Array} classConfidenceThresholding
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.classConfidenceThresholding = $util.newBuffer([]);

            /**
             * Model oneHotEncoder.
             * @member {Uint8Array} oneHotEncoder
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.oneHotEncoder = $util.newBuffer([]);

            /**
             * Model imputer.
             * @member {Uint8Array} imputer
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.imputer = $util.newBuffer([]);

            /**
             * Model featureVectorizer.
             * @member {Uint8Array} featureVectorizer
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.featureVectorizer = $util.newBuffer([]);

            /**
             * Model dictVectorizer.
             * @member {Uint8Array} dictVectorizer
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.dictVectorizer = $util.newBuffer([]);

            /**
             * Model scaler.
             * @member {Uint8Array} scaler
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.scaler = $util.newBuffer([]);

            /**
             * Model categoricalMapping.
             * @member {Uint8Array} categoricalMapping
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.categoricalMapping = $util.newBuffer([]);

            /**
             * Model normalizer.
             * @member {Uint8Array} normalizer
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.normalizer = $util.newBuffer([]);

            /**
             * Model arrayFeatureExtractor.
             * @member {Uint8Array} arrayFeatureExtractor
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.arrayFeatureExtractor = $util.newBuffer([]);

            /**
             * Model nonMaximumSuppression.
             * @member {Uint8Array} nonMaximumSuppression
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.nonMaximumSuppression = $util.newBuffer([]);

            /**
             * Model identity.
             * @member {Uint8Array} identity
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.identity = $util.newBuffer([]);

            /**
             * Model textClassifier.
             * @member {Uint8Array} textClassifier
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.textClassifier = $util.newBuffer([]);

            /**
             * Model wordTagger.
             * @member {Uint8Array} wordTagger
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.wordTagger = $util.newBuffer([]);

            /**
             * Model visionFeaturePrint.
             * @member {Uint8Array} visionFeaturePrint
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.visionFeaturePrint = $util.newBuffer([]);

            /**
             * Model soundAnalysisPreprocessing.
             * @member {Uint8Array} soundAnalysisPreprocessing
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.soundAnalysisPreprocessing = $util.newBuffer([]);

            /**
             * Model gazetteer.
             * @member {Uint8Array} gazetteer
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.gazetteer = $util.newBuffer([]);

            /**
             * Model wordEmbedding.
             * @member {Uint8Array} wordEmbedding
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.wordEmbedding = $util.newBuffer([]);

            /**
             * Model audioFeaturePrint.
             * @member {Uint8Array} audioFeaturePrint
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.audioFeaturePrint = $util.newBuffer([]);

            /**
             * Model serializedModel.
             * @member {CoreML.Specification.SerializedModel.$Properties|null|undefined} serializedModel
             * @memberof CoreML.Specification.Model
             * @instance
             */
            Model.prototype.serializedModel = null;

            /**
             * Decodes a Model message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.Model
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.Model & CoreML.Specification.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Model.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.Model();
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
                                message.specificationVersion = value;
                            else
                                delete message.specificationVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.description = $root.CoreML.Specification.ModelDescription.decode(reader, reader.size(), $undefined, _depth + 1, message.description);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.isUpdatable = value;
                            else
                                delete message.isUpdatable;
                            continue;
                        }
                    case 200: {
                            if (wireType !== 2)
                                break;
                            message.pipelineClassifier = $root.CoreML.Specification.PipelineClassifier.decode(reader, reader.size(), $undefined, _depth + 1, message.pipelineClassifier);
                            continue;
                        }
                    case 201: {
                            if (wireType !== 2)
                                break;
                            message.pipelineRegressor = $root.CoreML.Specification.PipelineRegressor.decode(reader, reader.size(), $undefined, _depth + 1, message.pipelineRegressor);
                            continue;
                        }
                    case 202: {
                            if (wireType !== 2)
                                break;
                            message.pipeline = $root.CoreML.Specification.Pipeline.decode(reader, reader.size(), $undefined, _depth + 1, message.pipeline);
                            continue;
                        }
                    case 300: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.glmRegressor = value;
                            else
                                delete message.glmRegressor;
                            continue;
                        }
                    case 301: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.supportVectorRegressor = value;
                            else
                                delete message.supportVectorRegressor;
                            continue;
                        }
                    case 302: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.treeEnsembleRegressor = value;
                            else
                                delete message.treeEnsembleRegressor;
                            continue;
                        }
                    case 303: {
                            if (wireType !== 2)
                                break;
                            message.neuralNetworkRegressor = $root.CoreML.Specification.NeuralNetworkRegressor.decode(reader, reader.size(), $undefined, _depth + 1, message.neuralNetworkRegressor);
                            continue;
                        }
                    case 304: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.bayesianProbitRegressor = value;
                            else
                                delete message.bayesianProbitRegressor;
                            continue;
                        }
                    case 400: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.glmClassifier = value;
                            else
                                delete message.glmClassifier;
                            continue;
                        }
                    case 401: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.supportVectorClassifier = value;
                            else
                                delete message.supportVectorClassifier;
                            continue;
                        }
                    case 402: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.treeEnsembleClassifier = value;
                            else
                                delete message.treeEnsembleClassifier;
                            continue;
                        }
                    case 403: {
                            if (wireType !== 2)
                                break;
                            message.neuralNetworkClassifier = $root.CoreML.Specification.NeuralNetworkClassifier.decode(reader, reader.size(), $undefined, _depth + 1, message.neuralNetworkClassifier);
                            continue;
                        }
                    case 404: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.kNearestNeighborsClassifier = value;
                            else
                                delete message.kNearestNeighborsClassifier;
                            continue;
                        }
                    case 500: {
                            if (wireType !== 2)
                                break;
                            message.neuralNetwork = $root.CoreML.Specification.NeuralNetwork.decode(reader, reader.size(), $undefined, _depth + 1, message.neuralNetwork);
                            continue;
                        }
                    case 501: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.itemSimilarityRecommender = value;
                            else
                                delete message.itemSimilarityRecommender;
                            continue;
                        }
                    case 502: {
                            if (wireType !== 2)
                                break;
                            message.mlProgram = $root.CoreML.Specification.MILSpec.Program.decode(reader, reader.size(), $undefined, _depth + 1, message.mlProgram);
                            continue;
                        }
                    case 555: {
                            if (wireType !== 2)
                                break;
                            message.customModel = $root.CoreML.Specification.CustomModel.decode(reader, reader.size(), $undefined, _depth + 1, message.customModel);
                            continue;
                        }
                    case 556: {
                            if (wireType !== 2)
                                break;
                            message.linkedModel = $root.CoreML.Specification.LinkedModel.decode(reader, reader.size(), $undefined, _depth + 1, message.linkedModel);
                            continue;
                        }
                    case 560: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.classConfidenceThresholding = value;
                            else
                                delete message.classConfidenceThresholding;
                            continue;
                        }
                    case 600: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.oneHotEncoder = value;
                            else
                                delete message.oneHotEncoder;
                            continue;
                        }
                    case 601: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.imputer = value;
                            else
                                delete message.imputer;
                            continue;
                        }
                    case 602: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.featureVectorizer = value;
                            else
                                delete message.featureVectorizer;
                            continue;
                        }
                    case 603: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.dictVectorizer = value;
                            else
                                delete message.dictVectorizer;
                            continue;
                        }
                    case 604: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.scaler = value;
                            else
                                delete message.scaler;
                            continue;
                        }
                    case 606: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.categoricalMapping = value;
                            else
                                delete message.categoricalMapping;
                            continue;
                        }
                    case 607: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.normalizer = value;
                            else
                                delete message.normalizer;
                            continue;
                        }
                    case 609: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.arrayFeatureExtractor = value;
                            else
                                delete message.arrayFeatureExtractor;
                            continue;
                        }
                    case 610: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonMaximumSuppression = value;
                            else
                                delete message.nonMaximumSuppression;
                            continue;
                        }
                    case 900: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.identity = value;
                            else
                                delete message.identity;
                            continue;
                        }
                    case 2000: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.textClassifier = value;
                            else
                                delete message.textClassifier;
                            continue;
                        }
                    case 2001: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.wordTagger = value;
                            else
                                delete message.wordTagger;
                            continue;
                        }
                    case 2002: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.visionFeaturePrint = value;
                            else
                                delete message.visionFeaturePrint;
                            continue;
                        }
                    case 2003: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.soundAnalysisPreprocessing = value;
                            else
                                delete message.soundAnalysisPreprocessing;
                            continue;
                        }
                    case 2004: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.gazetteer = value;
                            else
                                delete message.gazetteer;
                            continue;
                        }
                    case 2005: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.wordEmbedding = value;
                            else
                                delete message.wordEmbedding;
                            continue;
                        }
                    case 2006: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.audioFeaturePrint = value;
                            else
                                delete message.audioFeaturePrint;
                            continue;
                        }
                    case 3000: {
                            if (wireType !== 2)
                                break;
                            message.serializedModel = $root.CoreML.Specification.SerializedModel.decode(reader, reader.size(), $undefined, _depth + 1, message.serializedModel);
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

            return Model;
        })();

        Specification.NeuralNetwork = (function() {

            /**
             * Properties of a NeuralNetwork.
             * @typedef {Object} CoreML.Specification.NeuralNetwork.$Properties
             * @property {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>|null} [layers] NeuralNetwork layers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NeuralNetwork.
             * @memberof CoreML.Specification
             * @interface INeuralNetwork
             * @augments CoreML.Specification.NeuralNetwork.$Properties
             * @deprecated Use CoreML.Specification.NeuralNetwork.$Properties instead.
             */

            /**
             * Shape of a NeuralNetwork.
             * @typedef {{
             *   layers?: Array.<CoreML.Specification.NeuralNetworkLayer.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.NeuralNetwork.$Shape
             */

            /**
             * Constructs a new NeuralNetwork.
             * @memberof CoreML.Specification
             * @classdesc Represents a NeuralNetwork.
             * @constructor
             * @param {CoreML.Specification.NeuralNetwork.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NeuralNetwork = function (properties) {
                this.layers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NeuralNetwork layers.
             * @member {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>} layers
             * @memberof CoreML.Specification.NeuralNetwork
             * @instance
             */
            NeuralNetwork.prototype.layers = $util.emptyArray;

            /**
             * Decodes a NeuralNetwork message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.NeuralNetwork
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetwork & CoreML.Specification.NeuralNetwork.$Shape} NeuralNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NeuralNetwork.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.NeuralNetwork();
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
                            if (!(message.layers && message.layers.length))
                                message.layers = [];
                            message.layers.push($root.CoreML.Specification.NeuralNetworkLayer.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return NeuralNetwork;
        })();

        Specification.NeuralNetworkLayer = (function() {

            /**
             * Properties of a NeuralNetworkLayer.
             * @typedef {Object} CoreML.Specification.NeuralNetworkLayer.$Properties
             * @property {string|null} [name] NeuralNetworkLayer name
             * @property {Array.<string>|null} [input] NeuralNetworkLayer input
             * @property {Array.<string>|null} [output] NeuralNetworkLayer output
             * @property {boolean|null} [isUpdatable] NeuralNetworkLayer isUpdatable
             * @property {CoreML.Specification.CustomLayerParams.$Properties|null} [custom] NeuralNetworkLayer custom
             * @property {CoreML.Specification.BranchLayerParams.$Properties|null} [branch] NeuralNetworkLayer branch
             * @property {CoreML.Specification.LoopLayerParams.$Properties|null} [loop] NeuralNetworkLayer loop
             * @property {"custom"|"branch"|"loop"} [layer] NeuralNetworkLayer layer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NeuralNetworkLayer.
             * @memberof CoreML.Specification
             * @interface INeuralNetworkLayer
             * @augments CoreML.Specification.NeuralNetworkLayer.$Properties
             * @deprecated Use CoreML.Specification.NeuralNetworkLayer.$Properties instead.
             */

            /**
             * Narrowed shape of a NeuralNetworkLayer.
             * @typedef {{
             *   name?: string|null;
             *   input?: Array.<string>|null;
             *   output?: Array.<string>|null;
             *   isUpdatable?: boolean|null;
             *   custom?: CoreML.Specification.CustomLayerParams.$Shape|null;
             *   branch?: CoreML.Specification.BranchLayerParams.$Shape|null;
             *   loop?: CoreML.Specification.LoopLayerParams.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ layer?: undefined; custom?: null; branch?: null; loop?: null }|{ layer?: "custom"; custom: CoreML.Specification.CustomLayerParams.$Shape; branch?: null; loop?: null }|{ layer?: "branch"; custom?: null; branch: CoreML.Specification.BranchLayerParams.$Shape; loop?: null }|{ layer?: "loop"; custom?: null; branch?: null; loop: CoreML.Specification.LoopLayerParams.$Shape })
             * )} CoreML.Specification.NeuralNetworkLayer.$Shape
             */

            /**
             * Constructs a new NeuralNetworkLayer.
             * @memberof CoreML.Specification
             * @classdesc Represents a NeuralNetworkLayer.
             * @constructor
             * @param {CoreML.Specification.NeuralNetworkLayer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NeuralNetworkLayer = function (properties) {
                this.input = [];
                this.output = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NeuralNetworkLayer name.
             * @member {string} name
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.name = "";

            /**
             * NeuralNetworkLayer input.
             * @member {Array.<string>} input
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.input = $util.emptyArray;

            /**
             * NeuralNetworkLayer output.
             * @member {Array.<string>} output
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.output = $util.emptyArray;

            /**
             * NeuralNetworkLayer isUpdatable.
             * @member {boolean} isUpdatable
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.isUpdatable = false;

            /**
             * NeuralNetworkLayer custom.
             * @member {CoreML.Specification.CustomLayerParams.$Properties|null|undefined} custom
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.custom = null;

            /**
             * NeuralNetworkLayer branch.
             * @member {CoreML.Specification.BranchLayerParams.$Properties|null|undefined} branch
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.branch = null;

            /**
             * NeuralNetworkLayer loop.
             * @member {CoreML.Specification.LoopLayerParams.$Properties|null|undefined} loop
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            NeuralNetworkLayer.prototype.loop = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * NeuralNetworkLayer layer.
             * @member {"custom"|"branch"|"loop"|undefined} layer
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @instance
             */
            $Object.defineProperty(NeuralNetworkLayer.prototype, "layer", {
                get: $util.oneOfGetter($oneOfFields = ["custom", "branch", "loop"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Decodes a NeuralNetworkLayer message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.NeuralNetworkLayer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkLayer & CoreML.Specification.NeuralNetworkLayer.$Shape} NeuralNetworkLayer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NeuralNetworkLayer.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.NeuralNetworkLayer();
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
                            if (!(message.input && message.input.length))
                                message.input = [];
                            message.input.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.output && message.output.length))
                                message.output = [];
                            message.output.push(reader.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.isUpdatable = value;
                            else
                                delete message.isUpdatable;
                            continue;
                        }
                    case 500: {
                            if (wireType !== 2)
                                break;
                            message.custom = $root.CoreML.Specification.CustomLayerParams.decode(reader, reader.size(), $undefined, _depth + 1, message.custom);
                            message.layer = "custom";
                            continue;
                        }
                    case 605: {
                            if (wireType !== 2)
                                break;
                            message.branch = $root.CoreML.Specification.BranchLayerParams.decode(reader, reader.size(), $undefined, _depth + 1, message.branch);
                            message.layer = "branch";
                            continue;
                        }
                    case 615: {
                            if (wireType !== 2)
                                break;
                            message.loop = $root.CoreML.Specification.LoopLayerParams.decode(reader, reader.size(), $undefined, _depth + 1, message.loop);
                            message.layer = "loop";
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

            return NeuralNetworkLayer;
        })();

        Specification.BranchLayerParams = (function() {

            /**
             * Properties of a BranchLayerParams.
             * @typedef {Object} CoreML.Specification.BranchLayerParams.$Properties
             * @property {CoreML.Specification.NeuralNetwork.$Properties|null} [ifBranch] BranchLayerParams ifBranch
             * @property {CoreML.Specification.NeuralNetwork.$Properties|null} [elseBranch] BranchLayerParams elseBranch
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BranchLayerParams.
             * @memberof CoreML.Specification
             * @interface IBranchLayerParams
             * @augments CoreML.Specification.BranchLayerParams.$Properties
             * @deprecated Use CoreML.Specification.BranchLayerParams.$Properties instead.
             */

            /**
             * Shape of a BranchLayerParams.
             * @typedef {{
             *   ifBranch?: CoreML.Specification.NeuralNetwork.$Shape|null;
             *   elseBranch?: CoreML.Specification.NeuralNetwork.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.BranchLayerParams.$Shape
             */

            /**
             * Constructs a new BranchLayerParams.
             * @memberof CoreML.Specification
             * @classdesc Represents a BranchLayerParams.
             * @constructor
             * @param {CoreML.Specification.BranchLayerParams.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BranchLayerParams = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BranchLayerParams ifBranch.
             * @member {CoreML.Specification.NeuralNetwork.$Properties|null|undefined} ifBranch
             * @memberof CoreML.Specification.BranchLayerParams
             * @instance
             */
            BranchLayerParams.prototype.ifBranch = null;

            /**
             * BranchLayerParams elseBranch.
             * @member {CoreML.Specification.NeuralNetwork.$Properties|null|undefined} elseBranch
             * @memberof CoreML.Specification.BranchLayerParams
             * @instance
             */
            BranchLayerParams.prototype.elseBranch = null;

            /**
             * Decodes a BranchLayerParams message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.BranchLayerParams
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.BranchLayerParams & CoreML.Specification.BranchLayerParams.$Shape} BranchLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BranchLayerParams.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.BranchLayerParams();
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
                            message.ifBranch = $root.CoreML.Specification.NeuralNetwork.decode(reader, reader.size(), $undefined, _depth + 1, message.ifBranch);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.elseBranch = $root.CoreML.Specification.NeuralNetwork.decode(reader, reader.size(), $undefined, _depth + 1, message.elseBranch);
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

            return BranchLayerParams;
        })();

        Specification.LoopLayerParams = (function() {

            /**
             * Properties of a LoopLayerParams.
             * @typedef {Object} CoreML.Specification.LoopLayerParams.$Properties
             * @property {number|Long|null} [maxLoopIterations] LoopLayerParams maxLoopIterations
             * @property {string|null} [conditionVar] LoopLayerParams conditionVar
             * @property {CoreML.Specification.NeuralNetwork.$Properties|null} [conditionNetwork] LoopLayerParams conditionNetwork
             * @property {CoreML.Specification.NeuralNetwork.$Properties|null} [bodyNetwork] LoopLayerParams bodyNetwork
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoopLayerParams.
             * @memberof CoreML.Specification
             * @interface ILoopLayerParams
             * @augments CoreML.Specification.LoopLayerParams.$Properties
             * @deprecated Use CoreML.Specification.LoopLayerParams.$Properties instead.
             */

            /**
             * Shape of a LoopLayerParams.
             * @typedef {{
             *   maxLoopIterations?: number|Long|null;
             *   conditionVar?: string|null;
             *   conditionNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
             *   bodyNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.LoopLayerParams.$Shape
             */

            /**
             * Constructs a new LoopLayerParams.
             * @memberof CoreML.Specification
             * @classdesc Represents a LoopLayerParams.
             * @constructor
             * @param {CoreML.Specification.LoopLayerParams.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoopLayerParams = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoopLayerParams maxLoopIterations.
             * @member {number|Long} maxLoopIterations
             * @memberof CoreML.Specification.LoopLayerParams
             * @instance
             */
            LoopLayerParams.prototype.maxLoopIterations = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LoopLayerParams conditionVar.
             * @member {string} conditionVar
             * @memberof CoreML.Specification.LoopLayerParams
             * @instance
             */
            LoopLayerParams.prototype.conditionVar = "";

            /**
             * LoopLayerParams conditionNetwork.
             * @member {CoreML.Specification.NeuralNetwork.$Properties|null|undefined} conditionNetwork
             * @memberof CoreML.Specification.LoopLayerParams
             * @instance
             */
            LoopLayerParams.prototype.conditionNetwork = null;

            /**
             * LoopLayerParams bodyNetwork.
             * @member {CoreML.Specification.NeuralNetwork.$Properties|null|undefined} bodyNetwork
             * @memberof CoreML.Specification.LoopLayerParams
             * @instance
             */
            LoopLayerParams.prototype.bodyNetwork = null;

            /**
             * Decodes a LoopLayerParams message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.LoopLayerParams
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.LoopLayerParams & CoreML.Specification.LoopLayerParams.$Shape} LoopLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoopLayerParams.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.LoopLayerParams();
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
                                message.maxLoopIterations = value;
                            else
                                delete message.maxLoopIterations;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.conditionVar = value;
                            else
                                delete message.conditionVar;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.conditionNetwork = $root.CoreML.Specification.NeuralNetwork.decode(reader, reader.size(), $undefined, _depth + 1, message.conditionNetwork);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.bodyNetwork = $root.CoreML.Specification.NeuralNetwork.decode(reader, reader.size(), $undefined, _depth + 1, message.bodyNetwork);
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

            return LoopLayerParams;
        })();

        Specification.CustomLayerParams = (function() {

            /**
             * Properties of a CustomLayerParams.
             * @typedef {Object} CoreML.Specification.CustomLayerParams.$Properties
             * @property {string|null} [className] CustomLayerParams className
             * @property {Object.<string,CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties>|null} [parameters] CustomLayerParams parameters
             * @property {string|null} [description] CustomLayerParams description
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CustomLayerParams.
             * @memberof CoreML.Specification
             * @interface ICustomLayerParams
             * @augments CoreML.Specification.CustomLayerParams.$Properties
             * @deprecated Use CoreML.Specification.CustomLayerParams.$Properties instead.
             */

            /**
             * Shape of a CustomLayerParams.
             * @typedef {{
             *   className?: string|null;
             *   parameters?: Object.<string,CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape>|null;
             *   description?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.CustomLayerParams.$Shape
             */

            /**
             * Constructs a new CustomLayerParams.
             * @memberof CoreML.Specification
             * @classdesc Represents a CustomLayerParams.
             * @constructor
             * @param {CoreML.Specification.CustomLayerParams.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CustomLayerParams = function (properties) {
                this.parameters = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CustomLayerParams className.
             * @member {string} className
             * @memberof CoreML.Specification.CustomLayerParams
             * @instance
             */
            CustomLayerParams.prototype.className = "";

            /**
             * CustomLayerParams parameters.
             * @member {Object.<string,CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties>} parameters
             * @memberof CoreML.Specification.CustomLayerParams
             * @instance
             */
            CustomLayerParams.prototype.parameters = $util.emptyObject;

            /**
             * CustomLayerParams description.
             * @member {string} description
             * @memberof CoreML.Specification.CustomLayerParams
             * @instance
             */
            CustomLayerParams.prototype.description = "";

            /**
             * Decodes a CustomLayerParams message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.CustomLayerParams
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.CustomLayerParams & CoreML.Specification.CustomLayerParams.$Shape} CustomLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CustomLayerParams.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.CustomLayerParams();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.className = value;
                            else
                                delete message.className;
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            if (message.parameters === $util.emptyObject)
                                message.parameters = {};
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
                                    value = $root.CoreML.Specification.CustomLayerParams.CustomLayerParamValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.parameters, key);
                            message.parameters[key] = value || new $root.CoreML.Specification.CustomLayerParams.CustomLayerParamValue();
                            continue;
                        }
                    case 40: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
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

            CustomLayerParams.CustomLayerParamValue = (function() {

                /**
                 * Properties of a CustomLayerParamValue.
                 * @typedef {Object} CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties
                 * @property {number|null} [doubleValue] CustomLayerParamValue doubleValue
                 * @property {string|null} [stringValue] CustomLayerParamValue stringValue
                 * @property {number|null} [intValue] CustomLayerParamValue intValue
                 * @property {number|Long|null} [longValue] CustomLayerParamValue longValue
                 * @property {boolean|null} [boolValue] CustomLayerParamValue boolValue
                 * @property {"doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"} [value] CustomLayerParamValue value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CustomLayerParamValue.
                 * @memberof CoreML.Specification.CustomLayerParams
                 * @interface ICustomLayerParamValue
                 * @augments CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties
                 * @deprecated Use CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties instead.
                 */

                /**
                 * Narrowed shape of a CustomLayerParamValue.
                 * @typedef {{
                 *   doubleValue?: number|null;
                 *   stringValue?: string|null;
                 *   intValue?: number|null;
                 *   longValue?: number|Long|null;
                 *   boolValue?: boolean|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "doubleValue"; doubleValue: number; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "stringValue"; doubleValue?: null; stringValue: string; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "intValue"; doubleValue?: null; stringValue?: null; intValue: number; longValue?: null; boolValue?: null }|{ value?: "longValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue: number|Long; boolValue?: null }|{ value?: "boolValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue: boolean })
                 * )} CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape
                 */

                /**
                 * Constructs a new CustomLayerParamValue.
                 * @memberof CoreML.Specification.CustomLayerParams
                 * @classdesc Represents a CustomLayerParamValue.
                 * @constructor
                 * @param {CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const CustomLayerParamValue = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CustomLayerParamValue doubleValue.
                 * @member {number|null|undefined} doubleValue
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                CustomLayerParamValue.prototype.doubleValue = null;

                /**
                 * CustomLayerParamValue stringValue.
                 * @member {string|null|undefined} stringValue
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                CustomLayerParamValue.prototype.stringValue = null;

                /**
                 * CustomLayerParamValue intValue.
                 * @member {number|null|undefined} intValue
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                CustomLayerParamValue.prototype.intValue = null;

                /**
                 * CustomLayerParamValue longValue.
                 * @member {number|Long|null|undefined} longValue
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                CustomLayerParamValue.prototype.longValue = null;

                /**
                 * CustomLayerParamValue boolValue.
                 * @member {boolean|null|undefined} boolValue
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                CustomLayerParamValue.prototype.boolValue = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * CustomLayerParamValue value.
                 * @member {"doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"|undefined} value
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @instance
                 */
                $Object.defineProperty(CustomLayerParamValue.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["doubleValue", "stringValue", "intValue", "longValue", "boolValue"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Decodes a CustomLayerParamValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.CustomLayerParams.CustomLayerParamValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.CustomLayerParams.CustomLayerParamValue & CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape} CustomLayerParamValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CustomLayerParamValue.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.CustomLayerParams.CustomLayerParamValue();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 10: {
                                if (wireType !== 1)
                                    break;
                                message.doubleValue = reader.double();
                                message.value = "doubleValue";
                                continue;
                            }
                        case 20: {
                                if (wireType !== 2)
                                    break;
                                message.stringValue = reader.stringVerify();
                                message.value = "stringValue";
                                continue;
                            }
                        case 30: {
                                if (wireType !== 0)
                                    break;
                                message.intValue = reader.int32();
                                message.value = "intValue";
                                continue;
                            }
                        case 40: {
                                if (wireType !== 0)
                                    break;
                                message.longValue = reader.int64();
                                message.value = "longValue";
                                continue;
                            }
                        case 50: {
                                if (wireType !== 0)
                                    break;
                                message.boolValue = reader.bool();
                                message.value = "boolValue";
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

                return CustomLayerParamValue;
            })();

            return CustomLayerParams;
        })();

        Specification.NeuralNetworkClassifier = (function() {

            /**
             * Properties of a NeuralNetworkClassifier.
             * @typedef {Object} CoreML.Specification.NeuralNetworkClassifier.$Properties
             * @property {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>|null} [layers] NeuralNetworkClassifier layers
             * @property {string|null} [labelProbabilityLayerName] NeuralNetworkClassifier labelProbabilityLayerName
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NeuralNetworkClassifier.
             * @memberof CoreML.Specification
             * @interface INeuralNetworkClassifier
             * @augments CoreML.Specification.NeuralNetworkClassifier.$Properties
             * @deprecated Use CoreML.Specification.NeuralNetworkClassifier.$Properties instead.
             */

            /**
             * Shape of a NeuralNetworkClassifier.
             * @typedef {{
             *   layers?: Array.<CoreML.Specification.NeuralNetworkLayer.$Shape>|null;
             *   labelProbabilityLayerName?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.NeuralNetworkClassifier.$Shape
             */

            /**
             * Constructs a new NeuralNetworkClassifier.
             * @memberof CoreML.Specification
             * @classdesc Represents a NeuralNetworkClassifier.
             * @constructor
             * @param {CoreML.Specification.NeuralNetworkClassifier.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NeuralNetworkClassifier = function (properties) {
                this.layers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NeuralNetworkClassifier layers.
             * @member {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>} layers
             * @memberof CoreML.Specification.NeuralNetworkClassifier
             * @instance
             */
            NeuralNetworkClassifier.prototype.layers = $util.emptyArray;

            /**
             * NeuralNetworkClassifier labelProbabilityLayerName.
             * @member {string} labelProbabilityLayerName
             * @memberof CoreML.Specification.NeuralNetworkClassifier
             * @instance
             */
            NeuralNetworkClassifier.prototype.labelProbabilityLayerName = "";

            /**
             * Decodes a NeuralNetworkClassifier message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.NeuralNetworkClassifier
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkClassifier & CoreML.Specification.NeuralNetworkClassifier.$Shape} NeuralNetworkClassifier
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NeuralNetworkClassifier.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.NeuralNetworkClassifier();
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
                            if (!(message.layers && message.layers.length))
                                message.layers = [];
                            message.layers.push($root.CoreML.Specification.NeuralNetworkLayer.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 200: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.labelProbabilityLayerName = value;
                            else
                                delete message.labelProbabilityLayerName;
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

            return NeuralNetworkClassifier;
        })();

        Specification.NeuralNetworkRegressor = (function() {

            /**
             * Properties of a NeuralNetworkRegressor.
             * @typedef {Object} CoreML.Specification.NeuralNetworkRegressor.$Properties
             * @property {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>|null} [layers] NeuralNetworkRegressor layers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NeuralNetworkRegressor.
             * @memberof CoreML.Specification
             * @interface INeuralNetworkRegressor
             * @augments CoreML.Specification.NeuralNetworkRegressor.$Properties
             * @deprecated Use CoreML.Specification.NeuralNetworkRegressor.$Properties instead.
             */

            /**
             * Shape of a NeuralNetworkRegressor.
             * @typedef {{
             *   layers?: Array.<CoreML.Specification.NeuralNetworkLayer.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.NeuralNetworkRegressor.$Shape
             */

            /**
             * Constructs a new NeuralNetworkRegressor.
             * @memberof CoreML.Specification
             * @classdesc Represents a NeuralNetworkRegressor.
             * @constructor
             * @param {CoreML.Specification.NeuralNetworkRegressor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NeuralNetworkRegressor = function (properties) {
                this.layers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NeuralNetworkRegressor layers.
             * @member {Array.<CoreML.Specification.NeuralNetworkLayer.$Properties>} layers
             * @memberof CoreML.Specification.NeuralNetworkRegressor
             * @instance
             */
            NeuralNetworkRegressor.prototype.layers = $util.emptyArray;

            /**
             * Decodes a NeuralNetworkRegressor message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.NeuralNetworkRegressor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkRegressor & CoreML.Specification.NeuralNetworkRegressor.$Shape} NeuralNetworkRegressor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NeuralNetworkRegressor.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.NeuralNetworkRegressor();
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
                            if (!(message.layers && message.layers.length))
                                message.layers = [];
                            message.layers.push($root.CoreML.Specification.NeuralNetworkLayer.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return NeuralNetworkRegressor;
        })();

        Specification.CustomModel = (function() {

            /**
             * Properties of a CustomModel.
             * @typedef {Object} CoreML.Specification.CustomModel.$Properties
             * @property {string|null} [className] CustomModel className
             * @property {Object.<string,CoreML.Specification.CustomModel.CustomModelParamValue.$Properties>|null} [parameters] CustomModel parameters
             * @property {string|null} [description] CustomModel description
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CustomModel.
             * @memberof CoreML.Specification
             * @interface ICustomModel
             * @augments CoreML.Specification.CustomModel.$Properties
             * @deprecated Use CoreML.Specification.CustomModel.$Properties instead.
             */

            /**
             * Shape of a CustomModel.
             * @typedef {{
             *   className?: string|null;
             *   parameters?: Object.<string,CoreML.Specification.CustomModel.CustomModelParamValue.$Shape>|null;
             *   description?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} CoreML.Specification.CustomModel.$Shape
             */

            /**
             * Constructs a new CustomModel.
             * @memberof CoreML.Specification
             * @classdesc Represents a CustomModel.
             * @constructor
             * @param {CoreML.Specification.CustomModel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CustomModel = function (properties) {
                this.parameters = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CustomModel className.
             * @member {string} className
             * @memberof CoreML.Specification.CustomModel
             * @instance
             */
            CustomModel.prototype.className = "";

            /**
             * CustomModel parameters.
             * @member {Object.<string,CoreML.Specification.CustomModel.CustomModelParamValue.$Properties>} parameters
             * @memberof CoreML.Specification.CustomModel
             * @instance
             */
            CustomModel.prototype.parameters = $util.emptyObject;

            /**
             * CustomModel description.
             * @member {string} description
             * @memberof CoreML.Specification.CustomModel
             * @instance
             */
            CustomModel.prototype.description = "";

            /**
             * Decodes a CustomModel message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.CustomModel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.CustomModel & CoreML.Specification.CustomModel.$Shape} CustomModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CustomModel.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.CustomModel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.className = value;
                            else
                                delete message.className;
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            if (message.parameters === $util.emptyObject)
                                message.parameters = {};
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
                                    value = $root.CoreML.Specification.CustomModel.CustomModelParamValue.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.parameters, key);
                            message.parameters[key] = value || new $root.CoreML.Specification.CustomModel.CustomModelParamValue();
                            continue;
                        }
                    case 40: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
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

            CustomModel.CustomModelParamValue = (function() {

                /**
                 * Properties of a CustomModelParamValue.
                 * @typedef {Object} CoreML.Specification.CustomModel.CustomModelParamValue.$Properties
                 * @property {number|null} [doubleValue] CustomModelParamValue doubleValue
                 * @property {string|null} [stringValue] CustomModelParamValue stringValue
                 * @property {number|null} [intValue] CustomModelParamValue intValue
                 * @property {number|Long|null} [longValue] CustomModelParamValue longValue
                 * @property {boolean|null} [boolValue] CustomModelParamValue boolValue
                 * @property {Uint8Array|null} [bytesValue] CustomModelParamValue bytesValue
                 * @property {"doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"|"bytesValue"} [value] CustomModelParamValue value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CustomModelParamValue.
                 * @memberof CoreML.Specification.CustomModel
                 * @interface ICustomModelParamValue
                 * @augments CoreML.Specification.CustomModel.CustomModelParamValue.$Properties
                 * @deprecated Use CoreML.Specification.CustomModel.CustomModelParamValue.$Properties instead.
                 */

                /**
                 * Narrowed shape of a CustomModelParamValue.
                 * @typedef {{
                 *   doubleValue?: number|null;
                 *   stringValue?: string|null;
                 *   intValue?: number|null;
                 *   longValue?: number|Long|null;
                 *   boolValue?: boolean|null;
                 *   bytesValue?: Uint8Array|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "doubleValue"; doubleValue: number; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "stringValue"; doubleValue?: null; stringValue: string; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "intValue"; doubleValue?: null; stringValue?: null; intValue: number; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "longValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue: number|Long; boolValue?: null; bytesValue?: null }|{ value?: "boolValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue: boolean; bytesValue?: null }|{ value?: "bytesValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue: Uint8Array })
                 * )} CoreML.Specification.CustomModel.CustomModelParamValue.$Shape
                 */

                /**
                 * Constructs a new CustomModelParamValue.
                 * @memberof CoreML.Specification.CustomModel
                 * @classdesc Represents a CustomModelParamValue.
                 * @constructor
                 * @param {CoreML.Specification.CustomModel.CustomModelParamValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const CustomModelParamValue = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CustomModelParamValue doubleValue.
                 * @member {number|null|undefined} doubleValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.doubleValue = null;

                /**
                 * CustomModelParamValue stringValue.
                 * @member {string|null|undefined} stringValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.stringValue = null;

                /**
                 * CustomModelParamValue intValue.
                 * @member {number|null|undefined} intValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.intValue = null;

                /**
                 * CustomModelParamValue longValue.
                 * @member {number|Long|null|undefined} longValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.longValue = null;

                /**
                 * CustomModelParamValue boolValue.
                 * @member {boolean|null|undefined} boolValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.boolValue = null;

                /**
                 * CustomModelParamValue bytesValue.
                 * @member {Uint8Array|null|undefined} bytesValue
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                CustomModelParamValue.prototype.bytesValue = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * CustomModelParamValue value.
                 * @member {"doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"|"bytesValue"|undefined} value
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @instance
                 */
                $Object.defineProperty(CustomModelParamValue.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["doubleValue", "stringValue", "intValue", "longValue", "boolValue", "bytesValue"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Decodes a CustomModelParamValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.CustomModel.CustomModelParamValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.CustomModel.CustomModelParamValue & CoreML.Specification.CustomModel.CustomModelParamValue.$Shape} CustomModelParamValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CustomModelParamValue.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.CustomModel.CustomModelParamValue();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 10: {
                                if (wireType !== 1)
                                    break;
                                message.doubleValue = reader.double();
                                message.value = "doubleValue";
                                continue;
                            }
                        case 20: {
                                if (wireType !== 2)
                                    break;
                                message.stringValue = reader.stringVerify();
                                message.value = "stringValue";
                                continue;
                            }
                        case 30: {
                                if (wireType !== 0)
                                    break;
                                message.intValue = reader.int32();
                                message.value = "intValue";
                                continue;
                            }
                        case 40: {
                                if (wireType !== 0)
                                    break;
                                message.longValue = reader.int64();
                                message.value = "longValue";
                                continue;
                            }
                        case 50: {
                                if (wireType !== 0)
                                    break;
                                message.boolValue = reader.bool();
                                message.value = "boolValue";
                                continue;
                            }
                        case 60: {
                                if (wireType !== 2)
                                    break;
                                message.bytesValue = reader.bytes();
                                message.value = "bytesValue";
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

                return CustomModelParamValue;
            })();

            return CustomModel;
        })();

        Specification.LinkedModel = (function() {

            /**
             * Properties of a LinkedModel.
             * @typedef {Object} CoreML.Specification.LinkedModel.$Properties
             * @property {CoreML.Specification.LinkedModelFile.$Properties|null} [linkedModelFile] LinkedModel linkedModelFile
             * @property {"linkedModelFile"} [LinkType] LinkedModel LinkType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkedModel.
             * @memberof CoreML.Specification
             * @interface ILinkedModel
             * @augments CoreML.Specification.LinkedModel.$Properties
             * @deprecated Use CoreML.Specification.LinkedModel.$Properties instead.
             */

            /**
             * Narrowed shape of a LinkedModel.
             * @typedef {{
             *   linkedModelFile?: CoreML.Specification.LinkedModelFile.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ LinkType?: undefined; linkedModelFile?: null }|{ LinkType?: "linkedModelFile"; linkedModelFile: CoreML.Specification.LinkedModelFile.$Shape })
             * )} CoreML.Specification.LinkedModel.$Shape
             */

            /**
             * Constructs a new LinkedModel.
             * @memberof CoreML.Specification
             * @classdesc Represents a LinkedModel.
             * @constructor
             * @param {CoreML.Specification.LinkedModel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkedModel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkedModel linkedModelFile.
             * @member {CoreML.Specification.LinkedModelFile.$Properties|null|undefined} linkedModelFile
             * @memberof CoreML.Specification.LinkedModel
             * @instance
             */
            LinkedModel.prototype.linkedModelFile = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * LinkedModel LinkType.
             * @member {"linkedModelFile"|undefined} LinkType
             * @memberof CoreML.Specification.LinkedModel
             * @instance
             */
            $Object.defineProperty(LinkedModel.prototype, "LinkType", {
                get: $util.oneOfGetter($oneOfFields = ["linkedModelFile"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Decodes a LinkedModel message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.LinkedModel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.LinkedModel & CoreML.Specification.LinkedModel.$Shape} LinkedModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkedModel.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.LinkedModel();
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
                            message.linkedModelFile = $root.CoreML.Specification.LinkedModelFile.decode(reader, reader.size(), $undefined, _depth + 1, message.linkedModelFile);
                            message.LinkType = "linkedModelFile";
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

            return LinkedModel;
        })();

        Specification.LinkedModelFile = (function() {

            /**
             * Properties of a LinkedModelFile.
             * @typedef {Object} CoreML.Specification.LinkedModelFile.$Properties
             * @property {CoreML.Specification.StringParameter.$Properties|null} [linkedModelFileName] LinkedModelFile linkedModelFileName
             * @property {CoreML.Specification.StringParameter.$Properties|null} [linkedModelSearchPath] LinkedModelFile linkedModelSearchPath
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkedModelFile.
             * @memberof CoreML.Specification
             * @interface ILinkedModelFile
             * @augments CoreML.Specification.LinkedModelFile.$Properties
             * @deprecated Use CoreML.Specification.LinkedModelFile.$Properties instead.
             */

            /**
             * Shape of a LinkedModelFile.
             * @typedef {CoreML.Specification.LinkedModelFile.$Properties} CoreML.Specification.LinkedModelFile.$Shape
             */

            /**
             * Constructs a new LinkedModelFile.
             * @memberof CoreML.Specification
             * @classdesc Represents a LinkedModelFile.
             * @constructor
             * @param {CoreML.Specification.LinkedModelFile.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkedModelFile = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkedModelFile linkedModelFileName.
             * @member {CoreML.Specification.StringParameter.$Properties|null|undefined} linkedModelFileName
             * @memberof CoreML.Specification.LinkedModelFile
             * @instance
             */
            LinkedModelFile.prototype.linkedModelFileName = null;

            /**
             * LinkedModelFile linkedModelSearchPath.
             * @member {CoreML.Specification.StringParameter.$Properties|null|undefined} linkedModelSearchPath
             * @memberof CoreML.Specification.LinkedModelFile
             * @instance
             */
            LinkedModelFile.prototype.linkedModelSearchPath = null;

            /**
             * Decodes a LinkedModelFile message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.LinkedModelFile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.LinkedModelFile & CoreML.Specification.LinkedModelFile.$Shape} LinkedModelFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkedModelFile.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.LinkedModelFile();
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
                            message.linkedModelFileName = $root.CoreML.Specification.StringParameter.decode(reader, reader.size(), $undefined, _depth + 1, message.linkedModelFileName);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.linkedModelSearchPath = $root.CoreML.Specification.StringParameter.decode(reader, reader.size(), $undefined, _depth + 1, message.linkedModelSearchPath);
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

            return LinkedModelFile;
        })();

        Specification.StringParameter = (function() {

            /**
             * Properties of a StringParameter.
             * @typedef {Object} CoreML.Specification.StringParameter.$Properties
             * @property {string|null} [defaultValue] StringParameter defaultValue
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StringParameter.
             * @memberof CoreML.Specification
             * @interface IStringParameter
             * @augments CoreML.Specification.StringParameter.$Properties
             * @deprecated Use CoreML.Specification.StringParameter.$Properties instead.
             */

            /**
             * Shape of a StringParameter.
             * @typedef {CoreML.Specification.StringParameter.$Properties} CoreML.Specification.StringParameter.$Shape
             */

            /**
             * Constructs a new StringParameter.
             * @memberof CoreML.Specification
             * @classdesc Represents a StringParameter.
             * @constructor
             * @param {CoreML.Specification.StringParameter.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StringParameter = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StringParameter defaultValue.
             * @member {string} defaultValue
             * @memberof CoreML.Specification.StringParameter
             * @instance
             */
            StringParameter.prototype.defaultValue = "";

            /**
             * Decodes a StringParameter message from the specified reader or buffer.
             * @function decode
             * @memberof CoreML.Specification.StringParameter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {CoreML.Specification.StringParameter & CoreML.Specification.StringParameter.$Shape} StringParameter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StringParameter.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.CoreML.Specification.StringParameter();
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
                                message.defaultValue = value;
                            else
                                delete message.defaultValue;
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

            return StringParameter;
        })();

        Specification.MILSpec = (function() {

            /**
             * Namespace MILSpec.
             * @memberof CoreML.Specification
             * @namespace
             */
            const MILSpec = {};

            MILSpec.Program = (function() {

                /**
                 * Properties of a Program.
                 * @typedef {Object} CoreML.Specification.MILSpec.Program.$Properties
                 * @property {number|Long|null} [version] Program version
                 * @property {Object.<string,CoreML.Specification.MILSpec.Function.$Properties>|null} [functions] Program functions
                 * @property {string|null} [docString] Program docString
                 * @property {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>|null} [attributes] Program attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Program.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IProgram
                 * @augments CoreML.Specification.MILSpec.Program.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Program.$Properties instead.
                 */

                /**
                 * Shape of a Program.
                 * @typedef {{
                 *   version?: number|Long|null;
                 *   functions?: Object.<string,CoreML.Specification.MILSpec.Function.$Shape>|null;
                 *   docString?: string|null;
                 *   attributes?: Object.<string,CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.Program.$Shape
                 */

                /**
                 * Constructs a new Program.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a Program.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Program.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Program = function (properties) {
                    this.functions = {};
                    this.attributes = {};
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Program version.
                 * @member {number|Long} version
                 * @memberof CoreML.Specification.MILSpec.Program
                 * @instance
                 */
                Program.prototype.version = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Program functions.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Function.$Properties>} functions
                 * @memberof CoreML.Specification.MILSpec.Program
                 * @instance
                 */
                Program.prototype.functions = $util.emptyObject;

                /**
                 * Program docString.
                 * @member {string} docString
                 * @memberof CoreML.Specification.MILSpec.Program
                 * @instance
                 */
                Program.prototype.docString = "";

                /**
                 * Program attributes.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>} attributes
                 * @memberof CoreML.Specification.MILSpec.Program
                 * @instance
                 */
                Program.prototype.attributes = $util.emptyObject;

                /**
                 * Decodes a Program message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Program
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Program & CoreML.Specification.MILSpec.Program.$Shape} Program
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Program.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Program();
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
                                    message.version = value;
                                else
                                    delete message.version;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (message.functions === $util.emptyObject)
                                    message.functions = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Function.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.functions, key);
                                message.functions[key] = value || new $root.CoreML.Specification.MILSpec.Function();
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.docString = value;
                                else
                                    delete message.docString;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (message.attributes === $util.emptyObject)
                                    message.attributes = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.attributes, key);
                                message.attributes[key] = value || new $root.CoreML.Specification.MILSpec.Value();
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

                return Program;
            })();

            MILSpec.Function = (function() {

                /**
                 * Properties of a Function.
                 * @typedef {Object} CoreML.Specification.MILSpec.Function.$Properties
                 * @property {string|null} [opset] Function opset
                 * @property {Object.<string,CoreML.Specification.MILSpec.Block.$Properties>|null} [block_specializations] Function block_specializations
                 * @property {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>|null} [attributes] Function attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Function.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IFunction
                 * @augments CoreML.Specification.MILSpec.Function.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Function.$Properties instead.
                 */

                /**
                 * Shape of a Function.
                 * @typedef {{
                 *   opset?: string|null;
                 *   block_specializations?: Object.<string,CoreML.Specification.MILSpec.Block.$Shape>|null;
                 *   attributes?: Object.<string,CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.Function.$Shape
                 */

                /**
                 * Constructs a new Function.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a Function.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Function.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Function = function (properties) {
                    this.block_specializations = {};
                    this.attributes = {};
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Function opset.
                 * @member {string} opset
                 * @memberof CoreML.Specification.MILSpec.Function
                 * @instance
                 */
                Function.prototype.opset = "";

                /**
                 * Function block_specializations.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Block.$Properties>} block_specializations
                 * @memberof CoreML.Specification.MILSpec.Function
                 * @instance
                 */
                Function.prototype.block_specializations = $util.emptyObject;

                /**
                 * Function attributes.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>} attributes
                 * @memberof CoreML.Specification.MILSpec.Function
                 * @instance
                 */
                Function.prototype.attributes = $util.emptyObject;

                /**
                 * Decodes a Function message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Function
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Function & CoreML.Specification.MILSpec.Function.$Shape} Function
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Function.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Function();
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
                                    message.opset = value;
                                else
                                    delete message.opset;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (message.block_specializations === $util.emptyObject)
                                    message.block_specializations = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Block.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.block_specializations, key);
                                message.block_specializations[key] = value || new $root.CoreML.Specification.MILSpec.Block();
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (message.attributes === $util.emptyObject)
                                    message.attributes = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.attributes, key);
                                message.attributes[key] = value || new $root.CoreML.Specification.MILSpec.Value();
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

                return Function;
            })();

            MILSpec.Block = (function() {

                /**
                 * Properties of a Block.
                 * @typedef {Object} CoreML.Specification.MILSpec.Block.$Properties
                 * @property {Array.<string>|null} [outputs] Block outputs
                 * @property {Array.<CoreML.Specification.MILSpec.Operation.$Properties>|null} [operations] Block operations
                 * @property {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>|null} [attributes] Block attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Block.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IBlock
                 * @augments CoreML.Specification.MILSpec.Block.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Block.$Properties instead.
                 */

                /**
                 * Shape of a Block.
                 * @typedef {{
                 *   outputs?: Array.<string>|null;
                 *   operations?: Array.<CoreML.Specification.MILSpec.Operation.$Shape>|null;
                 *   attributes?: Object.<string,CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.Block.$Shape
                 */

                /**
                 * Constructs a new Block.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a Block.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Block.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Block = function (properties) {
                    this.outputs = [];
                    this.operations = [];
                    this.attributes = {};
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Block outputs.
                 * @member {Array.<string>} outputs
                 * @memberof CoreML.Specification.MILSpec.Block
                 * @instance
                 */
                Block.prototype.outputs = $util.emptyArray;

                /**
                 * Block operations.
                 * @member {Array.<CoreML.Specification.MILSpec.Operation.$Properties>} operations
                 * @memberof CoreML.Specification.MILSpec.Block
                 * @instance
                 */
                Block.prototype.operations = $util.emptyArray;

                /**
                 * Block attributes.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>} attributes
                 * @memberof CoreML.Specification.MILSpec.Block
                 * @instance
                 */
                Block.prototype.attributes = $util.emptyObject;

                /**
                 * Decodes a Block message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Block
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Block & CoreML.Specification.MILSpec.Block.$Shape} Block
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Block.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Block();
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
                                if (!(message.outputs && message.outputs.length))
                                    message.outputs = [];
                                message.outputs.push(reader.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.operations && message.operations.length))
                                    message.operations = [];
                                message.operations.push($root.CoreML.Specification.MILSpec.Operation.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (message.attributes === $util.emptyObject)
                                    message.attributes = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.attributes, key);
                                message.attributes[key] = value || new $root.CoreML.Specification.MILSpec.Value();
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

                return Block;
            })();

            MILSpec.Argument = (function() {

                /**
                 * Properties of an Argument.
                 * @typedef {Object} CoreML.Specification.MILSpec.Argument.$Properties
                 * @property {Array.<CoreML.Specification.MILSpec.Argument.Binding.$Properties>|null} ["arguments"] Argument arguments
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Argument.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IArgument
                 * @augments CoreML.Specification.MILSpec.Argument.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Argument.$Properties instead.
                 */

                /**
                 * Shape of an Argument.
                 * @typedef {{
                 *   "arguments"?: Array.<CoreML.Specification.MILSpec.Argument.Binding.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.Argument.$Shape
                 */

                /**
                 * Constructs a new Argument.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents an Argument.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Argument.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Argument = function (properties) {
                    this["arguments"] = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Argument arguments.
                 * @member {Array.<CoreML.Specification.MILSpec.Argument.Binding.$Properties>} arguments
                 * @memberof CoreML.Specification.MILSpec.Argument
                 * @instance
                 */
                Argument.prototype["arguments"] = $util.emptyArray;

                /**
                 * Decodes an Argument message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Argument
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Argument & CoreML.Specification.MILSpec.Argument.$Shape} Argument
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Argument.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Argument();
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
                                if (!(message["arguments"] && message["arguments"].length))
                                    message["arguments"] = [];
                                message["arguments"].push($root.CoreML.Specification.MILSpec.Argument.Binding.decode(reader, reader.size(), $undefined, _depth + 1));
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

                Argument.Binding = (function() {

                    /**
                     * Properties of a Binding.
                     * @typedef {Object} CoreML.Specification.MILSpec.Argument.Binding.$Properties
                     * @property {string|null} [name] Binding name
                     * @property {CoreML.Specification.MILSpec.Value.$Properties|null} [value] Binding value
                     * @property {"name"|"value"} [binding] Binding binding
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */

                    /**
                     * Properties of a Binding.
                     * @memberof CoreML.Specification.MILSpec.Argument
                     * @interface IBinding
                     * @augments CoreML.Specification.MILSpec.Argument.Binding.$Properties
                     * @deprecated Use CoreML.Specification.MILSpec.Argument.Binding.$Properties instead.
                     */

                    /**
                     * Narrowed shape of a Binding.
                     * @typedef {{
                     *   name?: string|null;
                     *   value?: CoreML.Specification.MILSpec.Value.$Shape|null;
                     *   $unknowns?: Array.<Uint8Array>;
                     * } & (
                     *   ({ binding?: undefined; name?: null; value?: null }|{ binding?: "name"; name: string; value?: null }|{ binding?: "value"; name?: null; value: CoreML.Specification.MILSpec.Value.$Shape })
                     * )} CoreML.Specification.MILSpec.Argument.Binding.$Shape
                     */

                    /**
                     * Constructs a new Binding.
                     * @memberof CoreML.Specification.MILSpec.Argument
                     * @classdesc Represents a Binding.
                     * @constructor
                     * @param {CoreML.Specification.MILSpec.Argument.Binding.$Properties=} [properties] Properties to set
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */
                    const Binding = function (properties) {
                        if (properties)
                            for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    /**
                     * Binding name.
                     * @member {string|null|undefined} name
                     * @memberof CoreML.Specification.MILSpec.Argument.Binding
                     * @instance
                     */
                    Binding.prototype.name = null;

                    /**
                     * Binding value.
                     * @member {CoreML.Specification.MILSpec.Value.$Properties|null|undefined} value
                     * @memberof CoreML.Specification.MILSpec.Argument.Binding
                     * @instance
                     */
                    Binding.prototype.value = null;

                    // OneOf field names bound to virtual getters and setters
                    let $oneOfFields;

                    /**
                     * Binding binding.
                     * @member {"name"|"value"|undefined} binding
                     * @memberof CoreML.Specification.MILSpec.Argument.Binding
                     * @instance
                     */
                    $Object.defineProperty(Binding.prototype, "binding", {
                        get: $util.oneOfGetter($oneOfFields = ["name", "value"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    /**
                     * Decodes a Binding message from the specified reader or buffer.
                     * @function decode
                     * @memberof CoreML.Specification.MILSpec.Argument.Binding
                     * @static
                     * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                     * @param {number} [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Argument.Binding & CoreML.Specification.MILSpec.Argument.Binding.$Shape} Binding
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    Binding.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.CoreML.Specification.MILSpec.Argument.Binding();
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
                                    message.name = reader.stringVerify();
                                    message.binding = "name";
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.value);
                                    message.binding = "value";
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

                    return Binding;
                })();

                return Argument;
            })();

            MILSpec.Operation = (function() {

                /**
                 * Properties of an Operation.
                 * @typedef {Object} CoreML.Specification.MILSpec.Operation.$Properties
                 * @property {string|null} [type] Operation type
                 * @property {Object.<string,CoreML.Specification.MILSpec.Argument.$Properties>|null} [inputs] Operation inputs
                 * @property {Array.<CoreML.Specification.MILSpec.Block.$Properties>|null} [blocks] Operation blocks
                 * @property {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>|null} [attributes] Operation attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Operation.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IOperation
                 * @augments CoreML.Specification.MILSpec.Operation.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Operation.$Properties instead.
                 */

                /**
                 * Shape of an Operation.
                 * @typedef {{
                 *   type?: string|null;
                 *   inputs?: Object.<string,CoreML.Specification.MILSpec.Argument.$Shape>|null;
                 *   blocks?: Array.<CoreML.Specification.MILSpec.Block.$Shape>|null;
                 *   attributes?: Object.<string,CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.Operation.$Shape
                 */

                /**
                 * Constructs a new Operation.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents an Operation.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Operation.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Operation = function (properties) {
                    this.inputs = {};
                    this.blocks = [];
                    this.attributes = {};
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Operation type.
                 * @member {string} type
                 * @memberof CoreML.Specification.MILSpec.Operation
                 * @instance
                 */
                Operation.prototype.type = "";

                /**
                 * Operation inputs.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Argument.$Properties>} inputs
                 * @memberof CoreML.Specification.MILSpec.Operation
                 * @instance
                 */
                Operation.prototype.inputs = $util.emptyObject;

                /**
                 * Operation blocks.
                 * @member {Array.<CoreML.Specification.MILSpec.Block.$Properties>} blocks
                 * @memberof CoreML.Specification.MILSpec.Operation
                 * @instance
                 */
                Operation.prototype.blocks = $util.emptyArray;

                /**
                 * Operation attributes.
                 * @member {Object.<string,CoreML.Specification.MILSpec.Value.$Properties>} attributes
                 * @memberof CoreML.Specification.MILSpec.Operation
                 * @instance
                 */
                Operation.prototype.attributes = $util.emptyObject;

                /**
                 * Decodes an Operation message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Operation
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Operation & CoreML.Specification.MILSpec.Operation.$Shape} Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Operation.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Operation();
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
                                    message.type = value;
                                else
                                    delete message.type;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (message.inputs === $util.emptyObject)
                                    message.inputs = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Argument.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.inputs, key);
                                message.inputs[key] = value || new $root.CoreML.Specification.MILSpec.Argument();
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.blocks && message.blocks.length))
                                    message.blocks = [];
                                message.blocks.push($root.CoreML.Specification.MILSpec.Block.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (message.attributes === $util.emptyObject)
                                    message.attributes = {};
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
                                        value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.attributes, key);
                                message.attributes[key] = value || new $root.CoreML.Specification.MILSpec.Value();
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

                return Operation;
            })();

            MILSpec.Value = (function() {

                /**
                 * Properties of a Value.
                 * @typedef {Object} CoreML.Specification.MILSpec.Value.$Properties
                 * @property {string|null} [docString] Value docString
                 * @property {CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties|null} [immediateValue] Value immediateValue
                 * @property {CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties|null} [blobFileValue] Value blobFileValue
                 * @property {"immediateValue"|"blobFileValue"} [value] Value value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Value.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IValue
                 * @augments CoreML.Specification.MILSpec.Value.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.Value.$Properties instead.
                 */

                /**
                 * Narrowed shape of a Value.
                 * @typedef {{
                 *   docString?: string|null;
                 *   immediateValue?: CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape|null;
                 *   blobFileValue?: CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; immediateValue?: null; blobFileValue?: null }|{ value?: "immediateValue"; immediateValue: CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape; blobFileValue?: null }|{ value?: "blobFileValue"; immediateValue?: null; blobFileValue: CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape })
                 * )} CoreML.Specification.MILSpec.Value.$Shape
                 */

                /**
                 * Constructs a new Value.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a Value.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.Value.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Value = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Value docString.
                 * @member {string} docString
                 * @memberof CoreML.Specification.MILSpec.Value
                 * @instance
                 */
                Value.prototype.docString = "";

                /**
                 * Value immediateValue.
                 * @member {CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties|null|undefined} immediateValue
                 * @memberof CoreML.Specification.MILSpec.Value
                 * @instance
                 */
                Value.prototype.immediateValue = null;

                /**
                 * Value blobFileValue.
                 * @member {CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties|null|undefined} blobFileValue
                 * @memberof CoreML.Specification.MILSpec.Value
                 * @instance
                 */
                Value.prototype.blobFileValue = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * Value value.
                 * @member {"immediateValue"|"blobFileValue"|undefined} value
                 * @memberof CoreML.Specification.MILSpec.Value
                 * @instance
                 */
                $Object.defineProperty(Value.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["immediateValue", "blobFileValue"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Decodes a Value message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.Value
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Value & CoreML.Specification.MILSpec.Value.$Shape} Value
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Value.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.Value();
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
                                    message.docString = value;
                                else
                                    delete message.docString;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.immediateValue = $root.CoreML.Specification.MILSpec.Value.ImmediateValue.decode(reader, reader.size(), $undefined, _depth + 1, message.immediateValue);
                                message.value = "immediateValue";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.blobFileValue = $root.CoreML.Specification.MILSpec.Value.BlobFileValue.decode(reader, reader.size(), $undefined, _depth + 1, message.blobFileValue);
                                message.value = "blobFileValue";
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

                Value.ImmediateValue = (function() {

                    /**
                     * Properties of an ImmediateValue.
                     * @typedef {Object} CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties
                     * @property {CoreML.Specification.MILSpec.TensorValue.$Properties|null} [tensor] ImmediateValue tensor
                     * @property {CoreML.Specification.MILSpec.TupleValue.$Properties|null} [tuple] ImmediateValue tuple
                     * @property {CoreML.Specification.MILSpec.ListValue.$Properties|null} [list] ImmediateValue list
                     * @property {CoreML.Specification.MILSpec.DictionaryValue.$Properties|null} [dictionary] ImmediateValue dictionary
                     * @property {"tensor"|"tuple"|"list"|"dictionary"} [value] ImmediateValue value
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */

                    /**
                     * Properties of an ImmediateValue.
                     * @memberof CoreML.Specification.MILSpec.Value
                     * @interface IImmediateValue
                     * @augments CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties
                     * @deprecated Use CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties instead.
                     */

                    /**
                     * Narrowed shape of an ImmediateValue.
                     * @typedef {{
                     *   tensor?: CoreML.Specification.MILSpec.TensorValue.$Shape|null;
                     *   tuple?: CoreML.Specification.MILSpec.TupleValue.$Shape|null;
                     *   list?: CoreML.Specification.MILSpec.ListValue.$Shape|null;
                     *   dictionary?: CoreML.Specification.MILSpec.DictionaryValue.$Shape|null;
                     *   $unknowns?: Array.<Uint8Array>;
                     * } & (
                     *   ({ value?: undefined; tensor?: null; tuple?: null; list?: null; dictionary?: null }|{ value?: "tensor"; tensor: CoreML.Specification.MILSpec.TensorValue.$Shape; tuple?: null; list?: null; dictionary?: null }|{ value?: "tuple"; tensor?: null; tuple: CoreML.Specification.MILSpec.TupleValue.$Shape; list?: null; dictionary?: null }|{ value?: "list"; tensor?: null; tuple?: null; list: CoreML.Specification.MILSpec.ListValue.$Shape; dictionary?: null }|{ value?: "dictionary"; tensor?: null; tuple?: null; list?: null; dictionary: CoreML.Specification.MILSpec.DictionaryValue.$Shape })
                     * )} CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape
                     */

                    /**
                     * Constructs a new ImmediateValue.
                     * @memberof CoreML.Specification.MILSpec.Value
                     * @classdesc Represents an ImmediateValue.
                     * @constructor
                     * @param {CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties=} [properties] Properties to set
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */
                    const ImmediateValue = function (properties) {
                        if (properties)
                            for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    /**
                     * ImmediateValue tensor.
                     * @member {CoreML.Specification.MILSpec.TensorValue.$Properties|null|undefined} tensor
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @instance
                     */
                    ImmediateValue.prototype.tensor = null;

                    /**
                     * ImmediateValue tuple.
                     * @member {CoreML.Specification.MILSpec.TupleValue.$Properties|null|undefined} tuple
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @instance
                     */
                    ImmediateValue.prototype.tuple = null;

                    /**
                     * ImmediateValue list.
                     * @member {CoreML.Specification.MILSpec.ListValue.$Properties|null|undefined} list
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @instance
                     */
                    ImmediateValue.prototype.list = null;

                    /**
                     * ImmediateValue dictionary.
                     * @member {CoreML.Specification.MILSpec.DictionaryValue.$Properties|null|undefined} dictionary
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @instance
                     */
                    ImmediateValue.prototype.dictionary = null;

                    // OneOf field names bound to virtual getters and setters
                    let $oneOfFields;

                    /**
                     * ImmediateValue value.
                     * @member {"tensor"|"tuple"|"list"|"dictionary"|undefined} value
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @instance
                     */
                    $Object.defineProperty(ImmediateValue.prototype, "value", {
                        get: $util.oneOfGetter($oneOfFields = ["tensor", "tuple", "list", "dictionary"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    /**
                     * Decodes an ImmediateValue message from the specified reader or buffer.
                     * @function decode
                     * @memberof CoreML.Specification.MILSpec.Value.ImmediateValue
                     * @static
                     * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                     * @param {number} [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Value.ImmediateValue & CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape} ImmediateValue
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    ImmediateValue.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.CoreML.Specification.MILSpec.Value.ImmediateValue();
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
                                    message.tensor = $root.CoreML.Specification.MILSpec.TensorValue.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor);
                                    message.value = "tensor";
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.tuple = $root.CoreML.Specification.MILSpec.TupleValue.decode(reader, reader.size(), $undefined, _depth + 1, message.tuple);
                                    message.value = "tuple";
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.list = $root.CoreML.Specification.MILSpec.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.list);
                                    message.value = "list";
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    message.dictionary = $root.CoreML.Specification.MILSpec.DictionaryValue.decode(reader, reader.size(), $undefined, _depth + 1, message.dictionary);
                                    message.value = "dictionary";
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

                    return ImmediateValue;
                })();

                Value.BlobFileValue = (function() {

                    /**
                     * Properties of a BlobFileValue.
                     * @typedef {Object} CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties
                     * @property {string|null} [fileName] BlobFileValue fileName
                     * @property {number|Long|null} [offset] BlobFileValue offset
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */

                    /**
                     * Properties of a BlobFileValue.
                     * @memberof CoreML.Specification.MILSpec.Value
                     * @interface IBlobFileValue
                     * @augments CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties
                     * @deprecated Use CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties instead.
                     */

                    /**
                     * Shape of a BlobFileValue.
                     * @typedef {CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties} CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape
                     */

                    /**
                     * Constructs a new BlobFileValue.
                     * @memberof CoreML.Specification.MILSpec.Value
                     * @classdesc Represents a BlobFileValue.
                     * @constructor
                     * @param {CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties=} [properties] Properties to set
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */
                    const BlobFileValue = function (properties) {
                        if (properties)
                            for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    /**
                     * BlobFileValue fileName.
                     * @member {string} fileName
                     * @memberof CoreML.Specification.MILSpec.Value.BlobFileValue
                     * @instance
                     */
                    BlobFileValue.prototype.fileName = "";

                    /**
                     * BlobFileValue offset.
                     * @member {number|Long} offset
                     * @memberof CoreML.Specification.MILSpec.Value.BlobFileValue
                     * @instance
                     */
                    BlobFileValue.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                    /**
                     * Decodes a BlobFileValue message from the specified reader or buffer.
                     * @function decode
                     * @memberof CoreML.Specification.MILSpec.Value.BlobFileValue
                     * @static
                     * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                     * @param {number} [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Value.BlobFileValue & CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape} BlobFileValue
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    BlobFileValue.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.CoreML.Specification.MILSpec.Value.BlobFileValue();
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
                                        message.fileName = value;
                                    else
                                        delete message.fileName;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                        message.offset = value;
                                    else
                                        delete message.offset;
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

                    return BlobFileValue;
                })();

                return Value;
            })();

            MILSpec.TensorValue = (function() {

                /**
                 * Properties of a TensorValue.
                 * @typedef {Object} CoreML.Specification.MILSpec.TensorValue.$Properties
                 * @property {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties|null} [strings] TensorValue strings
                 * @property {"strings"} [value] TensorValue value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TensorValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface ITensorValue
                 * @augments CoreML.Specification.MILSpec.TensorValue.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.TensorValue.$Properties instead.
                 */

                /**
                 * Narrowed shape of a TensorValue.
                 * @typedef {{
                 *   strings?: CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; strings?: null }|{ value?: "strings"; strings: CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape })
                 * )} CoreML.Specification.MILSpec.TensorValue.$Shape
                 */

                /**
                 * Constructs a new TensorValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a TensorValue.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.TensorValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TensorValue = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TensorValue strings.
                 * @member {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties|null|undefined} strings
                 * @memberof CoreML.Specification.MILSpec.TensorValue
                 * @instance
                 */
                TensorValue.prototype.strings = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * TensorValue value.
                 * @member {"strings"|undefined} value
                 * @memberof CoreML.Specification.MILSpec.TensorValue
                 * @instance
                 */
                $Object.defineProperty(TensorValue.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["strings"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Decodes a TensorValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.TensorValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.TensorValue & CoreML.Specification.MILSpec.TensorValue.$Shape} TensorValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TensorValue.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.TensorValue();
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
                                message.strings = $root.CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.decode(reader, reader.size(), $undefined, _depth + 1, message.strings);
                                message.value = "strings";
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

                TensorValue.RepeatedStrings = (function() {

                    /**
                     * Properties of a RepeatedStrings.
                     * @typedef {Object} CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties
                     * @property {Array.<string>|null} [values] RepeatedStrings values
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */

                    /**
                     * Properties of a RepeatedStrings.
                     * @memberof CoreML.Specification.MILSpec.TensorValue
                     * @interface IRepeatedStrings
                     * @augments CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties
                     * @deprecated Use CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties instead.
                     */

                    /**
                     * Shape of a RepeatedStrings.
                     * @typedef {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties} CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape
                     */

                    /**
                     * Constructs a new RepeatedStrings.
                     * @memberof CoreML.Specification.MILSpec.TensorValue
                     * @classdesc Represents a RepeatedStrings.
                     * @constructor
                     * @param {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties=} [properties] Properties to set
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */
                    const RepeatedStrings = function (properties) {
                        this.values = [];
                        if (properties)
                            for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    /**
                     * RepeatedStrings values.
                     * @member {Array.<string>} values
                     * @memberof CoreML.Specification.MILSpec.TensorValue.RepeatedStrings
                     * @instance
                     */
                    RepeatedStrings.prototype.values = $util.emptyArray;

                    /**
                     * Decodes a RepeatedStrings message from the specified reader or buffer.
                     * @function decode
                     * @memberof CoreML.Specification.MILSpec.TensorValue.RepeatedStrings
                     * @static
                     * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                     * @param {number} [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings & CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape} RepeatedStrings
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    RepeatedStrings.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.CoreML.Specification.MILSpec.TensorValue.RepeatedStrings();
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
                                    if (!(message.values && message.values.length))
                                        message.values = [];
                                    message.values.push(reader.stringVerify());
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

                    return RepeatedStrings;
                })();

                return TensorValue;
            })();

            MILSpec.TupleValue = (function() {

                /**
                 * Properties of a TupleValue.
                 * @typedef {Object} CoreML.Specification.MILSpec.TupleValue.$Properties
                 * @property {Array.<CoreML.Specification.MILSpec.Value.$Properties>|null} [values] TupleValue values
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TupleValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface ITupleValue
                 * @augments CoreML.Specification.MILSpec.TupleValue.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.TupleValue.$Properties instead.
                 */

                /**
                 * Shape of a TupleValue.
                 * @typedef {{
                 *   values?: Array.<CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.TupleValue.$Shape
                 */

                /**
                 * Constructs a new TupleValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a TupleValue.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.TupleValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TupleValue = function (properties) {
                    this.values = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TupleValue values.
                 * @member {Array.<CoreML.Specification.MILSpec.Value.$Properties>} values
                 * @memberof CoreML.Specification.MILSpec.TupleValue
                 * @instance
                 */
                TupleValue.prototype.values = $util.emptyArray;

                /**
                 * Decodes a TupleValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.TupleValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.TupleValue & CoreML.Specification.MILSpec.TupleValue.$Shape} TupleValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TupleValue.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.CoreML.Specification.MILSpec.TupleValue();
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
                                if (!(message.values && message.values.length))
                                    message.values = [];
                                message.values.push($root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1));
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

                return TupleValue;
            })();

            MILSpec.ListValue = (function() {

                /**
                 * Properties of a ListValue.
                 * @typedef {Object} CoreML.Specification.MILSpec.ListValue.$Properties
                 * @property {Array.<CoreML.Specification.MILSpec.Value.$Properties>|null} [values] ListValue values
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ListValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IListValue
                 * @augments CoreML.Specification.MILSpec.ListValue.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.ListValue.$Properties instead.
                 */

                /**
                 * Shape of a ListValue.
                 * @typedef {{
                 *   values?: Array.<CoreML.Specification.MILSpec.Value.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.ListValue.$Shape
                 */

                /**
                 * Constructs a new ListValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a ListValue.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.ListValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ListValue = function (properties) {
                    this.values = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ListValue values.
                 * @member {Array.<CoreML.Specification.MILSpec.Value.$Properties>} values
                 * @memberof CoreML.Specification.MILSpec.ListValue
                 * @instance
                 */
                ListValue.prototype.values = $util.emptyArray;

                /**
                 * Decodes a ListValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.ListValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.ListValue & CoreML.Specification.MILSpec.ListValue.$Shape} ListValue
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
                    message = _target || new $root.CoreML.Specification.MILSpec.ListValue();
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
                                if (!(message.values && message.values.length))
                                    message.values = [];
                                message.values.push($root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1));
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

            MILSpec.DictionaryValue = (function() {

                /**
                 * Properties of a DictionaryValue.
                 * @typedef {Object} CoreML.Specification.MILSpec.DictionaryValue.$Properties
                 * @property {Array.<CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties>|null} [values] DictionaryValue values
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a DictionaryValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @interface IDictionaryValue
                 * @augments CoreML.Specification.MILSpec.DictionaryValue.$Properties
                 * @deprecated Use CoreML.Specification.MILSpec.DictionaryValue.$Properties instead.
                 */

                /**
                 * Shape of a DictionaryValue.
                 * @typedef {{
                 *   values?: Array.<CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} CoreML.Specification.MILSpec.DictionaryValue.$Shape
                 */

                /**
                 * Constructs a new DictionaryValue.
                 * @memberof CoreML.Specification.MILSpec
                 * @classdesc Represents a DictionaryValue.
                 * @constructor
                 * @param {CoreML.Specification.MILSpec.DictionaryValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const DictionaryValue = function (properties) {
                    this.values = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * DictionaryValue values.
                 * @member {Array.<CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties>} values
                 * @memberof CoreML.Specification.MILSpec.DictionaryValue
                 * @instance
                 */
                DictionaryValue.prototype.values = $util.emptyArray;

                /**
                 * Decodes a DictionaryValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof CoreML.Specification.MILSpec.DictionaryValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.DictionaryValue & CoreML.Specification.MILSpec.DictionaryValue.$Shape} DictionaryValue
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
                    message = _target || new $root.CoreML.Specification.MILSpec.DictionaryValue();
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
                                if (!(message.values && message.values.length))
                                    message.values = [];
                                message.values.push($root.CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.decode(reader, reader.size(), $undefined, _depth + 1));
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

                DictionaryValue.KeyValuePair = (function() {

                    /**
                     * Properties of a KeyValuePair.
                     * @typedef {Object} CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties
                     * @property {CoreML.Specification.MILSpec.Value.$Properties|null} [key] KeyValuePair key
                     * @property {CoreML.Specification.MILSpec.Value.$Properties|null} [value] KeyValuePair value
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */

                    /**
                     * Properties of a KeyValuePair.
                     * @memberof CoreML.Specification.MILSpec.DictionaryValue
                     * @interface IKeyValuePair
                     * @augments CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties
                     * @deprecated Use CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties instead.
                     */

                    /**
                     * Shape of a KeyValuePair.
                     * @typedef {{
                     *   key?: CoreML.Specification.MILSpec.Value.$Shape|null;
                     *   value?: CoreML.Specification.MILSpec.Value.$Shape|null;
                     *   $unknowns?: Array.<Uint8Array>;
                     * }} CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape
                     */

                    /**
                     * Constructs a new KeyValuePair.
                     * @memberof CoreML.Specification.MILSpec.DictionaryValue
                     * @classdesc Represents a KeyValuePair.
                     * @constructor
                     * @param {CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties=} [properties] Properties to set
                     * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                     */
                    const KeyValuePair = function (properties) {
                        if (properties)
                            for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    /**
                     * KeyValuePair key.
                     * @member {CoreML.Specification.MILSpec.Value.$Properties|null|undefined} key
                     * @memberof CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair
                     * @instance
                     */
                    KeyValuePair.prototype.key = null;

                    /**
                     * KeyValuePair value.
                     * @member {CoreML.Specification.MILSpec.Value.$Properties|null|undefined} value
                     * @memberof CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair
                     * @instance
                     */
                    KeyValuePair.prototype.value = null;

                    /**
                     * Decodes a KeyValuePair message from the specified reader or buffer.
                     * @function decode
                     * @memberof CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair
                     * @static
                     * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                     * @param {number} [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair & CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape} KeyValuePair
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    KeyValuePair.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair();
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
                                    message.key = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.key);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.value = $root.CoreML.Specification.MILSpec.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.value);
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

                    return KeyValuePair;
                })();

                return DictionaryValue;
            })();

            return MILSpec;
        })();

        return Specification;
    })();

    return CoreML;
})();

export {
  $root as default
};
