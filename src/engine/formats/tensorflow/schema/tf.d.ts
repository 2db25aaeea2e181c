import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace tensorflow. */
export namespace tensorflow {

    /**
     * Properties of an AttrValue.
     * @deprecated Use tensorflow.AttrValue.$Properties instead.
     */
    interface IAttrValue extends tensorflow.AttrValue.$Properties {
    }

    /** Represents an AttrValue. */
    class AttrValue {

        /**
         * Constructs a new AttrValue.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.AttrValue.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AttrValue s. */
        s?: (Uint8Array|null);

        /** AttrValue i. */
        i?: (number|Long|null);

        /** AttrValue f. */
        f?: (number|null);

        /** AttrValue b. */
        b?: (boolean|null);

        /** AttrValue type. */
        type?: (tensorflow.DataType|null);

        /** AttrValue shape. */
        shape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** AttrValue tensor. */
        tensor?: (tensorflow.TensorProto.$Properties|null);

        /** AttrValue list. */
        list?: (tensorflow.AttrValue.ListValue.$Properties|null);

        /** AttrValue func. */
        func?: (tensorflow.NameAttrList.$Properties|null);

        /** AttrValue placeholder. */
        placeholder?: (string|null);

        /** AttrValue value. */
        value?: ("s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder");

        /**
         * Decodes an AttrValue message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.AttrValue & tensorflow.AttrValue.$Shape} AttrValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AttrValue & tensorflow.AttrValue.$Shape;
    }

    namespace AttrValue {

        /** Properties of an AttrValue. */
        interface $Properties {

            /** AttrValue s */
            s?: (Uint8Array|null);

            /** AttrValue i */
            i?: (number|Long|null);

            /** AttrValue f */
            f?: (number|null);

            /** AttrValue b */
            b?: (boolean|null);

            /** AttrValue type */
            type?: (tensorflow.DataType|null);

            /** AttrValue shape */
            shape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** AttrValue tensor */
            tensor?: (tensorflow.TensorProto.$Properties|null);

            /** AttrValue list */
            list?: (tensorflow.AttrValue.ListValue.$Properties|null);

            /** AttrValue func */
            func?: (tensorflow.NameAttrList.$Properties|null);

            /** AttrValue placeholder */
            placeholder?: (string|null);

            /** AttrValue value */
            value?: ("s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an AttrValue. */
        type $Shape = {
          s?: Uint8Array|null;
          i?: number|Long|null;
          f?: number|null;
          b?: boolean|null;
          type?: tensorflow.DataType|null;
          shape?: tensorflow.TensorShapeProto.$Shape|null;
          tensor?: tensorflow.TensorProto.$Shape|null;
          list?: tensorflow.AttrValue.ListValue.$Shape|null;
          func?: tensorflow.NameAttrList.$Shape|null;
          placeholder?: string|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ value?: undefined; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "s"; s: Uint8Array; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "i"; s?: null; i: number|Long; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "f"; s?: null; i?: null; f: number; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "b"; s?: null; i?: null; f?: null; b: boolean; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "type"; s?: null; i?: null; f?: null; b?: null; type: tensorflow.DataType; shape?: null; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "shape"; s?: null; i?: null; f?: null; b?: null; type?: null; shape: tensorflow.TensorShapeProto.$Shape; tensor?: null; list?: null; func?: null; placeholder?: null }|{ value?: "tensor"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor: tensorflow.TensorProto.$Shape; list?: null; func?: null; placeholder?: null }|{ value?: "list"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list: tensorflow.AttrValue.ListValue.$Shape; func?: null; placeholder?: null }|{ value?: "func"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func: tensorflow.NameAttrList.$Shape; placeholder?: null }|{ value?: "placeholder"; s?: null; i?: null; f?: null; b?: null; type?: null; shape?: null; tensor?: null; list?: null; func?: null; placeholder: string })
        );

        /**
         * Properties of a ListValue.
         * @deprecated Use tensorflow.AttrValue.ListValue.$Properties instead.
         */
        interface IListValue extends tensorflow.AttrValue.ListValue.$Properties {
        }

        /** Represents a ListValue. */
        class ListValue {

            /**
             * Constructs a new ListValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.AttrValue.ListValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListValue s. */
            s: Uint8Array[];

            /** ListValue i. */
            i: (number|Long)[];

            /** ListValue f. */
            f: number[];

            /** ListValue b. */
            b: boolean[];

            /** ListValue type. */
            type: tensorflow.DataType[];

            /** ListValue shape. */
            shape: tensorflow.TensorShapeProto.$Properties[];

            /** ListValue tensor. */
            tensor: tensorflow.TensorProto.$Properties[];

            /** ListValue func. */
            func: tensorflow.NameAttrList.$Properties[];

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.AttrValue.ListValue & tensorflow.AttrValue.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AttrValue.ListValue & tensorflow.AttrValue.ListValue.$Shape;
        }

        namespace ListValue {

            /** Properties of a ListValue. */
            interface $Properties {

                /** ListValue s */
                s?: (Uint8Array[]|null);

                /** ListValue i */
                i?: ((number|Long)[]|null);

                /** ListValue f */
                f?: (number[]|null);

                /** ListValue b */
                b?: (boolean[]|null);

                /** ListValue type */
                type?: (tensorflow.DataType[]|null);

                /** ListValue shape */
                shape?: (tensorflow.TensorShapeProto.$Properties[]|null);

                /** ListValue tensor */
                tensor?: (tensorflow.TensorProto.$Properties[]|null);

                /** ListValue func */
                func?: (tensorflow.NameAttrList.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListValue. */
            type $Shape = {
              s?: Uint8Array[]|null;
              i?: (number|Long)[]|null;
              f?: number[]|null;
              b?: boolean[]|null;
              type?: tensorflow.DataType[]|null;
              shape?: tensorflow.TensorShapeProto.$Shape[]|null;
              tensor?: tensorflow.TensorProto.$Shape[]|null;
              func?: tensorflow.NameAttrList.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }

    /**
     * Properties of a NameAttrList.
     * @deprecated Use tensorflow.NameAttrList.$Properties instead.
     */
    interface INameAttrList extends tensorflow.NameAttrList.$Properties {
    }

    /** Represents a NameAttrList. */
    class NameAttrList {

        /**
         * Constructs a new NameAttrList.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.NameAttrList.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NameAttrList name. */
        name: string;

        /** NameAttrList attr. */
        attr: { [k: string]: tensorflow.AttrValue.$Properties };

        /**
         * Decodes a NameAttrList message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.NameAttrList & tensorflow.NameAttrList.$Shape} NameAttrList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.NameAttrList & tensorflow.NameAttrList.$Shape;
    }

    namespace NameAttrList {

        /** Properties of a NameAttrList. */
        interface $Properties {

            /** NameAttrList name */
            name?: (string|null);

            /** NameAttrList attr */
            attr?: ({ [k: string]: tensorflow.AttrValue.$Properties }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NameAttrList. */
        type $Shape = {
          name?: string|null;
          attr?: { [k: string]: tensorflow.AttrValue.$Shape }|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a FunctionDefLibrary.
     * @deprecated Use tensorflow.FunctionDefLibrary.$Properties instead.
     */
    interface IFunctionDefLibrary extends tensorflow.FunctionDefLibrary.$Properties {
    }

    /** Represents a FunctionDefLibrary. */
    class FunctionDefLibrary {

        /**
         * Constructs a new FunctionDefLibrary.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.FunctionDefLibrary.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FunctionDefLibrary function. */
        function: tensorflow.FunctionDef.$Properties[];

        /** FunctionDefLibrary gradient. */
        gradient: tensorflow.GradientDef.$Properties[];

        /** FunctionDefLibrary registered_gradients. */
        registered_gradients: tensorflow.RegisteredGradient.$Properties[];

        /**
         * Decodes a FunctionDefLibrary message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDefLibrary & tensorflow.FunctionDefLibrary.$Shape} FunctionDefLibrary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FunctionDefLibrary & tensorflow.FunctionDefLibrary.$Shape;
    }

    namespace FunctionDefLibrary {

        /** Properties of a FunctionDefLibrary. */
        interface $Properties {

            /** FunctionDefLibrary function */
            "function"?: (tensorflow.FunctionDef.$Properties[]|null);

            /** FunctionDefLibrary gradient */
            gradient?: (tensorflow.GradientDef.$Properties[]|null);

            /** FunctionDefLibrary registered_gradients */
            registered_gradients?: (tensorflow.RegisteredGradient.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FunctionDefLibrary. */
        type $Shape = {
          "Function"?: tensorflow.FunctionDef.$Shape[]|null;
          gradient?: tensorflow.GradientDef.$Shape[]|null;
          registered_gradients?: tensorflow.RegisteredGradient.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a FunctionDef.
     * @deprecated Use tensorflow.FunctionDef.$Properties instead.
     */
    interface IFunctionDef extends tensorflow.FunctionDef.$Properties {
    }

    /** Represents a FunctionDef. */
    class FunctionDef {

        /**
         * Constructs a new FunctionDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.FunctionDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FunctionDef signature. */
        signature?: (tensorflow.OpDef.$Properties|null);

        /** FunctionDef attr. */
        attr: { [k: string]: tensorflow.AttrValue.$Properties };

        /** FunctionDef resource_arg_unique_id. */
        resource_arg_unique_id: { [k: string]: number };

        /** FunctionDef node_def. */
        node_def: tensorflow.NodeDef.$Properties[];

        /** FunctionDef ret. */
        ret: { [k: string]: string };

        /** FunctionDef control_ret. */
        control_ret: { [k: string]: string };

        /**
         * Decodes a FunctionDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDef & tensorflow.FunctionDef.$Shape} FunctionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FunctionDef & tensorflow.FunctionDef.$Shape;
    }

    namespace FunctionDef {

        /** Properties of a FunctionDef. */
        interface $Properties {

            /** FunctionDef signature */
            signature?: (tensorflow.OpDef.$Properties|null);

            /** FunctionDef attr */
            attr?: ({ [k: string]: tensorflow.AttrValue.$Properties }|null);

            /** FunctionDef resource_arg_unique_id */
            resource_arg_unique_id?: ({ [k: string]: number }|null);

            /** FunctionDef node_def */
            node_def?: (tensorflow.NodeDef.$Properties[]|null);

            /** FunctionDef ret */
            ret?: ({ [k: string]: string }|null);

            /** FunctionDef control_ret */
            control_ret?: ({ [k: string]: string }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FunctionDef. */
        type $Shape = {
          signature?: tensorflow.OpDef.$Shape|null;
          attr?: { [k: string]: tensorflow.AttrValue.$Shape }|null;
          resource_arg_unique_id?: { [k: string]: number }|null;
          node_def?: tensorflow.NodeDef.$Shape[]|null;
          ret?: { [k: string]: string }|null;
          control_ret?: { [k: string]: string }|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a GradientDef.
     * @deprecated Use tensorflow.GradientDef.$Properties instead.
     */
    interface IGradientDef extends tensorflow.GradientDef.$Properties {
    }

    /** Represents a GradientDef. */
    class GradientDef {

        /**
         * Constructs a new GradientDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.GradientDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GradientDef function_name. */
        function_name: string;

        /** GradientDef gradient_func. */
        gradient_func: string;

        /**
         * Decodes a GradientDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.GradientDef & tensorflow.GradientDef.$Shape} GradientDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.GradientDef & tensorflow.GradientDef.$Shape;
    }

    namespace GradientDef {

        /** Properties of a GradientDef. */
        interface $Properties {

            /** GradientDef function_name */
            function_name?: (string|null);

            /** GradientDef gradient_func */
            gradient_func?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GradientDef. */
        type $Shape = tensorflow.GradientDef.$Properties;
    }

    /**
     * Properties of a RegisteredGradient.
     * @deprecated Use tensorflow.RegisteredGradient.$Properties instead.
     */
    interface IRegisteredGradient extends tensorflow.RegisteredGradient.$Properties {
    }

    /** Represents a RegisteredGradient. */
    class RegisteredGradient {

        /**
         * Constructs a new RegisteredGradient.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.RegisteredGradient.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RegisteredGradient gradient_func. */
        gradient_func: string;

        /** RegisteredGradient registered_op_type. */
        registered_op_type: string;

        /**
         * Decodes a RegisteredGradient message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.RegisteredGradient & tensorflow.RegisteredGradient.$Shape} RegisteredGradient
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.RegisteredGradient & tensorflow.RegisteredGradient.$Shape;
    }

    namespace RegisteredGradient {

        /** Properties of a RegisteredGradient. */
        interface $Properties {

            /** RegisteredGradient gradient_func */
            gradient_func?: (string|null);

            /** RegisteredGradient registered_op_type */
            registered_op_type?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RegisteredGradient. */
        type $Shape = tensorflow.RegisteredGradient.$Properties;
    }

    /**
     * Properties of a GraphDef.
     * @deprecated Use tensorflow.GraphDef.$Properties instead.
     */
    interface IGraphDef extends tensorflow.GraphDef.$Properties {
    }

    /** Represents a GraphDef. */
    class GraphDef {

        /**
         * Constructs a new GraphDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.GraphDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GraphDef node. */
        node: tensorflow.NodeDef.$Properties[];

        /** GraphDef versions. */
        versions?: (tensorflow.VersionDef.$Properties|null);

        /** GraphDef version. */
        version: number;

        /** GraphDef library. */
        library?: (tensorflow.FunctionDefLibrary.$Properties|null);

        /**
         * Decodes a GraphDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.GraphDef & tensorflow.GraphDef.$Shape} GraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.GraphDef & tensorflow.GraphDef.$Shape;
    }

    namespace GraphDef {

        /** Properties of a GraphDef. */
        interface $Properties {

            /** GraphDef node */
            node?: (tensorflow.NodeDef.$Properties[]|null);

            /** GraphDef versions */
            versions?: (tensorflow.VersionDef.$Properties|null);

            /** GraphDef version */
            version?: (number|null);

            /** GraphDef library */
            library?: (tensorflow.FunctionDefLibrary.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GraphDef. */
        type $Shape = {
          node?: tensorflow.NodeDef.$Shape[]|null;
          versions?: tensorflow.VersionDef.$Shape|null;
          version?: number|null;
          library?: tensorflow.FunctionDefLibrary.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a NodeDef.
     * @deprecated Use tensorflow.NodeDef.$Properties instead.
     */
    interface INodeDef extends tensorflow.NodeDef.$Properties {
    }

    /** Represents a NodeDef. */
    class NodeDef {

        /**
         * Constructs a new NodeDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.NodeDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeDef name. */
        name: string;

        /** NodeDef op. */
        op: string;

        /** NodeDef input. */
        input: string[];

        /** NodeDef device. */
        device: string;

        /** NodeDef attr. */
        attr: { [k: string]: tensorflow.AttrValue.$Properties };

        /**
         * Decodes a NodeDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.NodeDef & tensorflow.NodeDef.$Shape} NodeDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.NodeDef & tensorflow.NodeDef.$Shape;
    }

    namespace NodeDef {

        /** Properties of a NodeDef. */
        interface $Properties {

            /** NodeDef name */
            name?: (string|null);

            /** NodeDef op */
            op?: (string|null);

            /** NodeDef input */
            input?: (string[]|null);

            /** NodeDef device */
            device?: (string|null);

            /** NodeDef attr */
            attr?: ({ [k: string]: tensorflow.AttrValue.$Properties }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeDef. */
        type $Shape = {
          name?: string|null;
          op?: string|null;
          input?: string[]|null;
          device?: string|null;
          attr?: { [k: string]: tensorflow.AttrValue.$Shape }|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an OpDef.
     * @deprecated Use tensorflow.OpDef.$Properties instead.
     */
    interface IOpDef extends tensorflow.OpDef.$Properties {
    }

    /** Represents an OpDef. */
    class OpDef {

        /**
         * Constructs a new OpDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.OpDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpDef name. */
        name: string;

        /** OpDef input_arg. */
        input_arg: tensorflow.OpDef.ArgDef.$Properties[];

        /** OpDef output_arg. */
        output_arg: tensorflow.OpDef.ArgDef.$Properties[];

        /** OpDef control_output. */
        control_output: string[];

        /** OpDef attr. */
        attr: tensorflow.OpDef.AttrDef.$Properties[];

        /** OpDef summary. */
        summary: string;

        /** OpDef description. */
        description: string;

        /** OpDef is_commutative. */
        is_commutative: boolean;

        /** OpDef is_aggregate. */
        is_aggregate: boolean;

        /** OpDef is_stateful. */
        is_stateful: boolean;

        /** OpDef allows_uninitialized_input. */
        allows_uninitialized_input: boolean;

        /** OpDef is_distributed_communication. */
        is_distributed_communication: boolean;

        /**
         * Decodes an OpDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.OpDef & tensorflow.OpDef.$Shape} OpDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef & tensorflow.OpDef.$Shape;
    }

    namespace OpDef {

        /** Properties of an OpDef. */
        interface $Properties {

            /** OpDef name */
            name?: (string|null);

            /** OpDef input_arg */
            input_arg?: (tensorflow.OpDef.ArgDef.$Properties[]|null);

            /** OpDef output_arg */
            output_arg?: (tensorflow.OpDef.ArgDef.$Properties[]|null);

            /** OpDef control_output */
            control_output?: (string[]|null);

            /** OpDef attr */
            attr?: (tensorflow.OpDef.AttrDef.$Properties[]|null);

            /** OpDef summary */
            summary?: (string|null);

            /** OpDef description */
            description?: (string|null);

            /** OpDef is_commutative */
            is_commutative?: (boolean|null);

            /** OpDef is_aggregate */
            is_aggregate?: (boolean|null);

            /** OpDef is_stateful */
            is_stateful?: (boolean|null);

            /** OpDef allows_uninitialized_input */
            allows_uninitialized_input?: (boolean|null);

            /** OpDef is_distributed_communication */
            is_distributed_communication?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpDef. */
        type $Shape = {
          name?: string|null;
          input_arg?: tensorflow.OpDef.ArgDef.$Shape[]|null;
          output_arg?: tensorflow.OpDef.ArgDef.$Shape[]|null;
          control_output?: string[]|null;
          attr?: tensorflow.OpDef.AttrDef.$Shape[]|null;
          summary?: string|null;
          description?: string|null;
          is_commutative?: boolean|null;
          is_aggregate?: boolean|null;
          is_stateful?: boolean|null;
          allows_uninitialized_input?: boolean|null;
          is_distributed_communication?: boolean|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of an ArgDef.
         * @deprecated Use tensorflow.OpDef.ArgDef.$Properties instead.
         */
        interface IArgDef extends tensorflow.OpDef.ArgDef.$Properties {
        }

        /** Represents an ArgDef. */
        class ArgDef {

            /**
             * Constructs a new ArgDef.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.OpDef.ArgDef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ArgDef name. */
            name: string;

            /** ArgDef description. */
            description: string;

            /** ArgDef type. */
            type: tensorflow.DataType;

            /** ArgDef type_attr. */
            type_attr: string;

            /** ArgDef number_attr. */
            number_attr: string;

            /** ArgDef type_list_attr. */
            type_list_attr: string;

            /** ArgDef is_ref. */
            is_ref: boolean;

            /**
             * Decodes an ArgDef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.ArgDef & tensorflow.OpDef.ArgDef.$Shape} ArgDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef.ArgDef & tensorflow.OpDef.ArgDef.$Shape;
        }

        namespace ArgDef {

            /** Properties of an ArgDef. */
            interface $Properties {

                /** ArgDef name */
                name?: (string|null);

                /** ArgDef description */
                description?: (string|null);

                /** ArgDef type */
                type?: (tensorflow.DataType|null);

                /** ArgDef type_attr */
                type_attr?: (string|null);

                /** ArgDef number_attr */
                number_attr?: (string|null);

                /** ArgDef type_list_attr */
                type_list_attr?: (string|null);

                /** ArgDef is_ref */
                is_ref?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ArgDef. */
            type $Shape = tensorflow.OpDef.ArgDef.$Properties;
        }

        /**
         * Properties of an AttrDef.
         * @deprecated Use tensorflow.OpDef.AttrDef.$Properties instead.
         */
        interface IAttrDef extends tensorflow.OpDef.AttrDef.$Properties {
        }

        /** Represents an AttrDef. */
        class AttrDef {

            /**
             * Constructs a new AttrDef.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.OpDef.AttrDef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AttrDef name. */
            name: string;

            /** AttrDef type. */
            type: string;

            /** AttrDef default_value. */
            default_value?: (tensorflow.AttrValue.$Properties|null);

            /** AttrDef description. */
            description: string;

            /** AttrDef has_minimum. */
            has_minimum: boolean;

            /** AttrDef minimum. */
            minimum: (number|Long);

            /** AttrDef allowed_values. */
            allowed_values?: (tensorflow.AttrValue.$Properties|null);

            /**
             * Decodes an AttrDef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.AttrDef & tensorflow.OpDef.AttrDef.$Shape} AttrDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef.AttrDef & tensorflow.OpDef.AttrDef.$Shape;
        }

        namespace AttrDef {

            /** Properties of an AttrDef. */
            interface $Properties {

                /** AttrDef name */
                name?: (string|null);

                /** AttrDef type */
                type?: (string|null);

                /** AttrDef default_value */
                default_value?: (tensorflow.AttrValue.$Properties|null);

                /** AttrDef description */
                description?: (string|null);

                /** AttrDef has_minimum */
                has_minimum?: (boolean|null);

                /** AttrDef minimum */
                minimum?: (number|Long|null);

                /** AttrDef allowed_values */
                allowed_values?: (tensorflow.AttrValue.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AttrDef. */
            type $Shape = {
              name?: string|null;
              type?: string|null;
              default_value?: tensorflow.AttrValue.$Shape|null;
              description?: string|null;
              has_minimum?: boolean|null;
              minimum?: number|Long|null;
              allowed_values?: tensorflow.AttrValue.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }
    }

    /**
     * Properties of an OpList.
     * @deprecated Use tensorflow.OpList.$Properties instead.
     */
    interface IOpList extends tensorflow.OpList.$Properties {
    }

    /** Represents an OpList. */
    class OpList {

        /**
         * Constructs a new OpList.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.OpList.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpList op. */
        op: tensorflow.OpDef.$Properties[];

        /**
         * Decodes an OpList message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.OpList & tensorflow.OpList.$Shape} OpList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpList & tensorflow.OpList.$Shape;
    }

    namespace OpList {

        /** Properties of an OpList. */
        interface $Properties {

            /** OpList op */
            op?: (tensorflow.OpDef.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpList. */
        type $Shape = {
          op?: tensorflow.OpDef.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a TensorProto.
     * @deprecated Use tensorflow.TensorProto.$Properties instead.
     */
    interface ITensorProto extends tensorflow.TensorProto.$Properties {
    }

    /** Represents a TensorProto. */
    class TensorProto {

        /**
         * Constructs a new TensorProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorProto dtype. */
        dtype: tensorflow.DataType;

        /** TensorProto tensor_shape. */
        tensor_shape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** TensorProto version_number. */
        version_number: number;

        /** TensorProto tensor_content. */
        tensor_content: Uint8Array;

        /** TensorProto half_val. */
        half_val: number[];

        /** TensorProto float_val. */
        float_val: number[];

        /** TensorProto double_val. */
        double_val: number[];

        /** TensorProto int_val. */
        int_val: number[];

        /** TensorProto string_val. */
        string_val: Uint8Array[];

        /** TensorProto scomplex_val. */
        scomplex_val: number[];

        /** TensorProto int64_val. */
        int64_val: (number|Long)[];

        /** TensorProto bool_val. */
        bool_val: boolean[];

        /** TensorProto dcomplex_val. */
        dcomplex_val: number[];

        /** TensorProto uint32_val. */
        uint32_val: number[];

        /** TensorProto uint64_val. */
        uint64_val: (number|Long)[];

        /** TensorProto float8_val. */
        float8_val: Uint8Array;

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorProto & tensorflow.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorProto & tensorflow.TensorProto.$Shape;
    }

    namespace TensorProto {

        /** Properties of a TensorProto. */
        interface $Properties {

            /** TensorProto dtype */
            dtype?: (tensorflow.DataType|null);

            /** TensorProto tensor_shape */
            tensor_shape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** TensorProto version_number */
            version_number?: (number|null);

            /** TensorProto tensor_content */
            tensor_content?: (Uint8Array|null);

            /** TensorProto half_val */
            half_val?: (number[]|null);

            /** TensorProto float_val */
            float_val?: (number[]|null);

            /** TensorProto double_val */
            double_val?: (number[]|null);

            /** TensorProto int_val */
            int_val?: (number[]|null);

            /** TensorProto string_val */
            string_val?: (Uint8Array[]|null);

            /** TensorProto scomplex_val */
            scomplex_val?: (number[]|null);

            /** TensorProto int64_val */
            int64_val?: ((number|Long)[]|null);

            /** TensorProto bool_val */
            bool_val?: (boolean[]|null);

            /** TensorProto dcomplex_val */
            dcomplex_val?: (number[]|null);

            /** TensorProto uint32_val */
            uint32_val?: (number[]|null);

            /** TensorProto uint64_val */
            uint64_val?: ((number|Long)[]|null);

            /** TensorProto float8_val */
            float8_val?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorProto. */
        type $Shape = tensorflow.TensorProto.$Properties;
    }

    /**
     * Properties of a TensorShapeProto.
     * @deprecated Use tensorflow.TensorShapeProto.$Properties instead.
     */
    interface ITensorShapeProto extends tensorflow.TensorShapeProto.$Properties {
    }

    /** Represents a TensorShapeProto. */
    class TensorShapeProto {

        /**
         * Constructs a new TensorShapeProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorShapeProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorShapeProto dim. */
        dim: tensorflow.TensorShapeProto.Dim.$Properties[];

        /** TensorShapeProto unknown_rank. */
        unknown_rank: boolean;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape;
    }

    namespace TensorShapeProto {

        /** Properties of a TensorShapeProto. */
        interface $Properties {

            /** TensorShapeProto dim */
            dim?: (tensorflow.TensorShapeProto.Dim.$Properties[]|null);

            /** TensorShapeProto unknown_rank */
            unknown_rank?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorShapeProto. */
        type $Shape = tensorflow.TensorShapeProto.$Properties;

        /**
         * Properties of a Dim.
         * @deprecated Use tensorflow.TensorShapeProto.Dim.$Properties instead.
         */
        interface IDim extends tensorflow.TensorShapeProto.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /**
             * Constructs a new Dim.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TensorShapeProto.Dim.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size: (number|Long);

            /** Dim name. */
            name: string;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape;
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|Long|null);

                /** Dim name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dim. */
            type $Shape = tensorflow.TensorShapeProto.Dim.$Properties;
        }
    }

    /** DataType enum. */
    enum DataType {

        /** DT_INVALID value */
        DT_INVALID = 0,

        /** DT_FLOAT value */
        DT_FLOAT = 1,

        /** DT_DOUBLE value */
        DT_DOUBLE = 2,

        /** DT_INT32 value */
        DT_INT32 = 3,

        /** DT_UINT8 value */
        DT_UINT8 = 4,

        /** DT_INT16 value */
        DT_INT16 = 5,

        /** DT_INT8 value */
        DT_INT8 = 6,

        /** DT_STRING value */
        DT_STRING = 7,

        /** DT_COMPLEX64 value */
        DT_COMPLEX64 = 8,

        /** DT_INT64 value */
        DT_INT64 = 9,

        /** DT_BOOL value */
        DT_BOOL = 10,

        /** DT_QINT8 value */
        DT_QINT8 = 11,

        /** DT_QUINT8 value */
        DT_QUINT8 = 12,

        /** DT_QINT32 value */
        DT_QINT32 = 13,

        /** DT_BFLOAT16 value */
        DT_BFLOAT16 = 14,

        /** DT_QINT16 value */
        DT_QINT16 = 15,

        /** DT_QUINT16 value */
        DT_QUINT16 = 16,

        /** DT_UINT16 value */
        DT_UINT16 = 17,

        /** DT_COMPLEX128 value */
        DT_COMPLEX128 = 18,

        /** DT_HALF value */
        DT_HALF = 19,

        /** DT_RESOURCE value */
        DT_RESOURCE = 20,

        /** DT_VARIANT value */
        DT_VARIANT = 21,

        /** DT_UINT32 value */
        DT_UINT32 = 22,

        /** DT_UINT64 value */
        DT_UINT64 = 23,

        /** DT_FLOAT8_E5M2 value */
        DT_FLOAT8_E5M2 = 24,

        /** DT_FLOAT8_E4M3FN value */
        DT_FLOAT8_E4M3FN = 25,

        /** DT_FLOAT8_E4M3FNUZ value */
        DT_FLOAT8_E4M3FNUZ = 26,

        /** DT_FLOAT8_E4M3B11FNUZ value */
        DT_FLOAT8_E4M3B11FNUZ = 27,

        /** DT_FLOAT8_E5M2FNUZ value */
        DT_FLOAT8_E5M2FNUZ = 28,

        /** DT_INT4 value */
        DT_INT4 = 29,

        /** DT_UINT4 value */
        DT_UINT4 = 30,

        /** DT_INT2 value */
        DT_INT2 = 31,

        /** DT_UINT2 value */
        DT_UINT2 = 32,

        /** DT_FLOAT4_E2M1FN value */
        DT_FLOAT4_E2M1FN = 33,

        /** DT_FLOAT_REF value */
        DT_FLOAT_REF = 101,

        /** DT_DOUBLE_REF value */
        DT_DOUBLE_REF = 102,

        /** DT_INT32_REF value */
        DT_INT32_REF = 103,

        /** DT_UINT8_REF value */
        DT_UINT8_REF = 104,

        /** DT_INT16_REF value */
        DT_INT16_REF = 105,

        /** DT_INT8_REF value */
        DT_INT8_REF = 106,

        /** DT_STRING_REF value */
        DT_STRING_REF = 107,

        /** DT_COMPLEX64_REF value */
        DT_COMPLEX64_REF = 108,

        /** DT_INT64_REF value */
        DT_INT64_REF = 109,

        /** DT_BOOL_REF value */
        DT_BOOL_REF = 110,

        /** DT_QINT8_REF value */
        DT_QINT8_REF = 111,

        /** DT_QUINT8_REF value */
        DT_QUINT8_REF = 112,

        /** DT_QINT32_REF value */
        DT_QINT32_REF = 113,

        /** DT_BFLOAT16_REF value */
        DT_BFLOAT16_REF = 114,

        /** DT_QINT16_REF value */
        DT_QINT16_REF = 115,

        /** DT_QUINT16_REF value */
        DT_QUINT16_REF = 116,

        /** DT_UINT16_REF value */
        DT_UINT16_REF = 117,

        /** DT_COMPLEX128_REF value */
        DT_COMPLEX128_REF = 118,

        /** DT_HALF_REF value */
        DT_HALF_REF = 119,

        /** DT_RESOURCE_REF value */
        DT_RESOURCE_REF = 120,

        /** DT_VARIANT_REF value */
        DT_VARIANT_REF = 121,

        /** DT_UINT32_REF value */
        DT_UINT32_REF = 122,

        /** DT_UINT64_REF value */
        DT_UINT64_REF = 123,

        /** DT_FLOAT8_E5M2_REF value */
        DT_FLOAT8_E5M2_REF = 124,

        /** DT_FLOAT8_E4M3FN_REF value */
        DT_FLOAT8_E4M3FN_REF = 125,

        /** DT_FLOAT8_E4M3FNUZ_REF value */
        DT_FLOAT8_E4M3FNUZ_REF = 126,

        /** DT_FLOAT8_E4M3B11FNUZ_REF value */
        DT_FLOAT8_E4M3B11FNUZ_REF = 127,

        /** DT_FLOAT8_E5M2FNUZ_REF value */
        DT_FLOAT8_E5M2FNUZ_REF = 128,

        /** DT_INT4_REF value */
        DT_INT4_REF = 129,

        /** DT_UINT4_REF value */
        DT_UINT4_REF = 130,

        /** DT_INT2_REF value */
        DT_INT2_REF = 131,

        /** DT_UINT2_REF value */
        DT_UINT2_REF = 132,

        /** DT_FLOAT4_E2M1FN_REF value */
        DT_FLOAT4_E2M1FN_REF = 133
    }

    /**
     * Properties of a VersionDef.
     * @deprecated Use tensorflow.VersionDef.$Properties instead.
     */
    interface IVersionDef extends tensorflow.VersionDef.$Properties {
    }

    /** Represents a VersionDef. */
    class VersionDef {

        /**
         * Constructs a new VersionDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.VersionDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VersionDef producer. */
        producer: number;

        /** VersionDef min_consumer. */
        min_consumer: number;

        /** VersionDef bad_consumers. */
        bad_consumers: number[];

        /**
         * Decodes a VersionDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.VersionDef & tensorflow.VersionDef.$Shape} VersionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.VersionDef & tensorflow.VersionDef.$Shape;
    }

    namespace VersionDef {

        /** Properties of a VersionDef. */
        interface $Properties {

            /** VersionDef producer */
            producer?: (number|null);

            /** VersionDef min_consumer */
            min_consumer?: (number|null);

            /** VersionDef bad_consumers */
            bad_consumers?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VersionDef. */
        type $Shape = tensorflow.VersionDef.$Properties;
    }

    /**
     * Properties of a MetaGraphDef.
     * @deprecated Use tensorflow.MetaGraphDef.$Properties instead.
     */
    interface IMetaGraphDef extends tensorflow.MetaGraphDef.$Properties {
    }

    /** Represents a MetaGraphDef. */
    class MetaGraphDef {

        /**
         * Constructs a new MetaGraphDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.MetaGraphDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MetaGraphDef meta_info_def. */
        meta_info_def?: (tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null);

        /** MetaGraphDef graph_def. */
        graph_def?: (tensorflow.GraphDef.$Properties|null);

        /** MetaGraphDef saver_def. */
        saver_def?: (tensorflow.SaverDef.$Properties|null);

        /** MetaGraphDef collection_def. */
        collection_def: { [k: string]: tensorflow.CollectionDef.$Properties };

        /** MetaGraphDef asset_file_def. */
        asset_file_def: tensorflow.AssetFileDef.$Properties[];

        /** MetaGraphDef object_graph_def. */
        object_graph_def?: (tensorflow.SavedObjectGraph.$Properties|null);

        /**
         * Decodes a MetaGraphDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape} MetaGraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape;
    }

    namespace MetaGraphDef {

        /** Properties of a MetaGraphDef. */
        interface $Properties {

            /** MetaGraphDef meta_info_def */
            meta_info_def?: (tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null);

            /** MetaGraphDef graph_def */
            graph_def?: (tensorflow.GraphDef.$Properties|null);

            /** MetaGraphDef saver_def */
            saver_def?: (tensorflow.SaverDef.$Properties|null);

            /** MetaGraphDef collection_def */
            collection_def?: ({ [k: string]: tensorflow.CollectionDef.$Properties }|null);

            /** MetaGraphDef asset_file_def */
            asset_file_def?: (tensorflow.AssetFileDef.$Properties[]|null);

            /** MetaGraphDef object_graph_def */
            object_graph_def?: (tensorflow.SavedObjectGraph.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MetaGraphDef. */
        type $Shape = {
          meta_info_def?: tensorflow.MetaGraphDef.MetaInfoDef.$Shape|null;
          graph_def?: tensorflow.GraphDef.$Shape|null;
          saver_def?: tensorflow.SaverDef.$Shape|null;
          collection_def?: { [k: string]: tensorflow.CollectionDef.$Shape }|null;
          asset_file_def?: tensorflow.AssetFileDef.$Shape[]|null;
          object_graph_def?: tensorflow.SavedObjectGraph.$Shape|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of a MetaInfoDef.
         * @deprecated Use tensorflow.MetaGraphDef.MetaInfoDef.$Properties instead.
         */
        interface IMetaInfoDef extends tensorflow.MetaGraphDef.MetaInfoDef.$Properties {
        }

        /** Represents a MetaInfoDef. */
        class MetaInfoDef {

            /**
             * Constructs a new MetaInfoDef.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.MetaGraphDef.MetaInfoDef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetaInfoDef meta_graph_version. */
            meta_graph_version: string;

            /** MetaInfoDef stripped_op_list. */
            stripped_op_list?: (tensorflow.OpList.$Properties|null);

            /** MetaInfoDef tags. */
            tags: string[];

            /** MetaInfoDef tensorflow_version. */
            tensorflow_version: string;

            /** MetaInfoDef tensorflow_git_version. */
            tensorflow_git_version: string;

            /** MetaInfoDef stripped_default_attrs. */
            stripped_default_attrs: boolean;

            /** MetaInfoDef function_aliases. */
            function_aliases: { [k: string]: string };

            /**
             * Decodes a MetaInfoDef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape} MetaInfoDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape;
        }

        namespace MetaInfoDef {

            /** Properties of a MetaInfoDef. */
            interface $Properties {

                /** MetaInfoDef meta_graph_version */
                meta_graph_version?: (string|null);

                /** MetaInfoDef stripped_op_list */
                stripped_op_list?: (tensorflow.OpList.$Properties|null);

                /** MetaInfoDef tags */
                tags?: (string[]|null);

                /** MetaInfoDef tensorflow_version */
                tensorflow_version?: (string|null);

                /** MetaInfoDef tensorflow_git_version */
                tensorflow_git_version?: (string|null);

                /** MetaInfoDef stripped_default_attrs */
                stripped_default_attrs?: (boolean|null);

                /** MetaInfoDef function_aliases */
                function_aliases?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetaInfoDef. */
            type $Shape = {
              meta_graph_version?: string|null;
              stripped_op_list?: tensorflow.OpList.$Shape|null;
              tags?: string[]|null;
              tensorflow_version?: string|null;
              tensorflow_git_version?: string|null;
              stripped_default_attrs?: boolean|null;
              function_aliases?: { [k: string]: string }|null;
              $unknowns?: Uint8Array[];
            };
        }
    }

    /**
     * Properties of a CollectionDef.
     * @deprecated Use tensorflow.CollectionDef.$Properties instead.
     */
    interface ICollectionDef extends tensorflow.CollectionDef.$Properties {
    }

    /** Represents a CollectionDef. */
    class CollectionDef {

        /**
         * Constructs a new CollectionDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.CollectionDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CollectionDef node_list. */
        node_list?: (tensorflow.CollectionDef.NodeList.$Properties|null);

        /** CollectionDef bytes_list. */
        bytes_list?: (tensorflow.CollectionDef.BytesList.$Properties|null);

        /** CollectionDef kind. */
        kind?: ("node_list"|"bytes_list");

        /**
         * Decodes a CollectionDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.CollectionDef & tensorflow.CollectionDef.$Shape} CollectionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.CollectionDef & tensorflow.CollectionDef.$Shape;
    }

    namespace CollectionDef {

        /** Properties of a CollectionDef. */
        interface $Properties {

            /** CollectionDef node_list */
            node_list?: (tensorflow.CollectionDef.NodeList.$Properties|null);

            /** CollectionDef bytes_list */
            bytes_list?: (tensorflow.CollectionDef.BytesList.$Properties|null);

            /** CollectionDef kind */
            kind?: ("node_list"|"bytes_list");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a CollectionDef. */
        type $Shape = {
          node_list?: tensorflow.CollectionDef.NodeList.$Shape|null;
          bytes_list?: tensorflow.CollectionDef.BytesList.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; node_list?: null; bytes_list?: null }|{ kind?: "node_list"; node_list: tensorflow.CollectionDef.NodeList.$Shape; bytes_list?: null }|{ kind?: "bytes_list"; node_list?: null; bytes_list: tensorflow.CollectionDef.BytesList.$Shape })
        );

        /**
         * Properties of a NodeList.
         * @deprecated Use tensorflow.CollectionDef.NodeList.$Properties instead.
         */
        interface INodeList extends tensorflow.CollectionDef.NodeList.$Properties {
        }

        /** Represents a NodeList. */
        class NodeList {

            /**
             * Constructs a new NodeList.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.CollectionDef.NodeList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NodeList value. */
            value: string[];

            /**
             * Decodes a NodeList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.CollectionDef.NodeList & tensorflow.CollectionDef.NodeList.$Shape} NodeList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.CollectionDef.NodeList & tensorflow.CollectionDef.NodeList.$Shape;
        }

        namespace NodeList {

            /** Properties of a NodeList. */
            interface $Properties {

                /** NodeList value */
                value?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NodeList. */
            type $Shape = tensorflow.CollectionDef.NodeList.$Properties;
        }

        /**
         * Properties of a BytesList.
         * @deprecated Use tensorflow.CollectionDef.BytesList.$Properties instead.
         */
        interface IBytesList extends tensorflow.CollectionDef.BytesList.$Properties {
        }

        /** Represents a BytesList. */
        class BytesList {

            /**
             * Constructs a new BytesList.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.CollectionDef.BytesList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BytesList value. */
            value: Uint8Array[];

            /**
             * Decodes a BytesList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.CollectionDef.BytesList & tensorflow.CollectionDef.BytesList.$Shape} BytesList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.CollectionDef.BytesList & tensorflow.CollectionDef.BytesList.$Shape;
        }

        namespace BytesList {

            /** Properties of a BytesList. */
            interface $Properties {

                /** BytesList value */
                value?: (Uint8Array[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BytesList. */
            type $Shape = tensorflow.CollectionDef.BytesList.$Properties;
        }
    }

    /**
     * Properties of an AssetFileDef.
     * @deprecated Use tensorflow.AssetFileDef.$Properties instead.
     */
    interface IAssetFileDef extends tensorflow.AssetFileDef.$Properties {
    }

    /** Represents an AssetFileDef. */
    class AssetFileDef {

        /**
         * Constructs a new AssetFileDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.AssetFileDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AssetFileDef filename. */
        filename: string;

        /**
         * Decodes an AssetFileDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape} AssetFileDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape;
    }

    namespace AssetFileDef {

        /** Properties of an AssetFileDef. */
        interface $Properties {

            /** AssetFileDef filename */
            filename?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AssetFileDef. */
        type $Shape = tensorflow.AssetFileDef.$Properties;
    }

    /**
     * Properties of a SavedModel.
     * @deprecated Use tensorflow.SavedModel.$Properties instead.
     */
    interface ISavedModel extends tensorflow.SavedModel.$Properties {
    }

    /** Represents a SavedModel. */
    class SavedModel {

        /**
         * Constructs a new SavedModel.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedModel.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedModel saved_model_schema_version. */
        saved_model_schema_version: (number|Long);

        /** SavedModel meta_graphs. */
        meta_graphs: tensorflow.MetaGraphDef.$Properties[];

        /**
         * Decodes a SavedModel message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedModel & tensorflow.SavedModel.$Shape} SavedModel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedModel & tensorflow.SavedModel.$Shape;
    }

    namespace SavedModel {

        /** Properties of a SavedModel. */
        interface $Properties {

            /** SavedModel saved_model_schema_version */
            saved_model_schema_version?: (number|Long|null);

            /** SavedModel meta_graphs */
            meta_graphs?: (tensorflow.MetaGraphDef.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedModel. */
        type $Shape = {
          saved_model_schema_version?: number|Long|null;
          meta_graphs?: tensorflow.MetaGraphDef.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedObjectGraph.
     * @deprecated Use tensorflow.SavedObjectGraph.$Properties instead.
     */
    interface ISavedObjectGraph extends tensorflow.SavedObjectGraph.$Properties {
    }

    /** Represents a SavedObjectGraph. */
    class SavedObjectGraph {

        /**
         * Constructs a new SavedObjectGraph.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedObjectGraph.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedObjectGraph nodes. */
        nodes: tensorflow.SavedObject.$Properties[];

        /**
         * Decodes a SavedObjectGraph message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape} SavedObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape;
    }

    namespace SavedObjectGraph {

        /** Properties of a SavedObjectGraph. */
        interface $Properties {

            /** SavedObjectGraph nodes */
            nodes?: (tensorflow.SavedObject.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedObjectGraph. */
        type $Shape = {
          nodes?: tensorflow.SavedObject.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedObject.
     * @deprecated Use tensorflow.SavedObject.$Properties instead.
     */
    interface ISavedObject extends tensorflow.SavedObject.$Properties {
    }

    /** Represents a SavedObject. */
    class SavedObject {

        /**
         * Constructs a new SavedObject.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedObject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedObject user_object. */
        user_object?: (tensorflow.SavedUserObject.$Properties|null);

        /** SavedObject asset. */
        asset?: (tensorflow.SavedAsset.$Properties|null);

        /** SavedObject function. */
        function?: (tensorflow.SavedFunction.$Properties|null);

        /** SavedObject bare_concrete_function. */
        bare_concrete_function?: (tensorflow.SavedBareConcreteFunction.$Properties|null);

        /** SavedObject registered_name. */
        registered_name: string;

        /** SavedObject registered_saver. */
        registered_saver: string;

        /** SavedObject kind. */
        kind?: ("user_object"|"asset"|"Function"|"bare_concrete_function");

        /**
         * Decodes a SavedObject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedObject & tensorflow.SavedObject.$Shape} SavedObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedObject & tensorflow.SavedObject.$Shape;
    }

    namespace SavedObject {

        /** Properties of a SavedObject. */
        interface $Properties {

            /** SavedObject user_object */
            user_object?: (tensorflow.SavedUserObject.$Properties|null);

            /** SavedObject asset */
            asset?: (tensorflow.SavedAsset.$Properties|null);

            /** SavedObject function */
            "function"?: (tensorflow.SavedFunction.$Properties|null);

            /** SavedObject bare_concrete_function */
            bare_concrete_function?: (tensorflow.SavedBareConcreteFunction.$Properties|null);

            /** SavedObject registered_name */
            registered_name?: (string|null);

            /** SavedObject registered_saver */
            registered_saver?: (string|null);

            /** SavedObject kind */
            kind?: ("user_object"|"asset"|"Function"|"bare_concrete_function");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a SavedObject. */
        type $Shape = {
          user_object?: tensorflow.SavedUserObject.$Shape|null;
          asset?: tensorflow.SavedAsset.$Shape|null;
          "Function"?: tensorflow.SavedFunction.$Shape|null;
          bare_concrete_function?: tensorflow.SavedBareConcreteFunction.$Shape|null;
          registered_name?: string|null;
          registered_saver?: string|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; user_object?: null; asset?: null; "Function"?: null; bare_concrete_function?: null }|{ kind?: "user_object"; user_object: tensorflow.SavedUserObject.$Shape; asset?: null; "Function"?: null; bare_concrete_function?: null }|{ kind?: "asset"; user_object?: null; asset: tensorflow.SavedAsset.$Shape; "Function"?: null; bare_concrete_function?: null }|{ kind?: "Function"; user_object?: null; asset?: null; "Function": tensorflow.SavedFunction.$Shape; bare_concrete_function?: null }|{ kind?: "bare_concrete_function"; user_object?: null; asset?: null; "Function"?: null; bare_concrete_function: tensorflow.SavedBareConcreteFunction.$Shape })
        );
    }

    /**
     * Properties of a SavedUserObject.
     * @deprecated Use tensorflow.SavedUserObject.$Properties instead.
     */
    interface ISavedUserObject extends tensorflow.SavedUserObject.$Properties {
    }

    /** Represents a SavedUserObject. */
    class SavedUserObject {

        /**
         * Constructs a new SavedUserObject.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedUserObject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedUserObject identifier. */
        identifier: string;

        /** SavedUserObject version. */
        version?: (tensorflow.VersionDef.$Properties|null);

        /** SavedUserObject metadata. */
        metadata: string;

        /**
         * Decodes a SavedUserObject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape} SavedUserObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape;
    }

    namespace SavedUserObject {

        /** Properties of a SavedUserObject. */
        interface $Properties {

            /** SavedUserObject identifier */
            identifier?: (string|null);

            /** SavedUserObject version */
            version?: (tensorflow.VersionDef.$Properties|null);

            /** SavedUserObject metadata */
            metadata?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedUserObject. */
        type $Shape = tensorflow.SavedUserObject.$Properties;
    }

    /**
     * Properties of a SavedAsset.
     * @deprecated Use tensorflow.SavedAsset.$Properties instead.
     */
    interface ISavedAsset extends tensorflow.SavedAsset.$Properties {
    }

    /** Represents a SavedAsset. */
    class SavedAsset {

        /**
         * Constructs a new SavedAsset.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedAsset.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedAsset asset_file_def_index. */
        asset_file_def_index: number;

        /**
         * Decodes a SavedAsset message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape} SavedAsset
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape;
    }

    namespace SavedAsset {

        /** Properties of a SavedAsset. */
        interface $Properties {

            /** SavedAsset asset_file_def_index */
            asset_file_def_index?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedAsset. */
        type $Shape = tensorflow.SavedAsset.$Properties;
    }

    /**
     * Properties of a SavedFunction.
     * @deprecated Use tensorflow.SavedFunction.$Properties instead.
     */
    interface ISavedFunction extends tensorflow.SavedFunction.$Properties {
    }

    /** Represents a SavedFunction. */
    class SavedFunction {

        /**
         * Constructs a new SavedFunction.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedFunction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedFunction concrete_functions. */
        concrete_functions: string[];

        /**
         * Decodes a SavedFunction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape} SavedFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape;
    }

    namespace SavedFunction {

        /** Properties of a SavedFunction. */
        interface $Properties {

            /** SavedFunction concrete_functions */
            concrete_functions?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedFunction. */
        type $Shape = tensorflow.SavedFunction.$Properties;
    }

    /**
     * Properties of a SavedBareConcreteFunction.
     * @deprecated Use tensorflow.SavedBareConcreteFunction.$Properties instead.
     */
    interface ISavedBareConcreteFunction extends tensorflow.SavedBareConcreteFunction.$Properties {
    }

    /** Represents a SavedBareConcreteFunction. */
    class SavedBareConcreteFunction {

        /**
         * Constructs a new SavedBareConcreteFunction.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedBareConcreteFunction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedBareConcreteFunction concrete_function_name. */
        concrete_function_name: string;

        /** SavedBareConcreteFunction argument_keywords. */
        argument_keywords: string[];

        /** SavedBareConcreteFunction allowed_positional_arguments. */
        allowed_positional_arguments: (number|Long);

        /**
         * Decodes a SavedBareConcreteFunction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape} SavedBareConcreteFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape;
    }

    namespace SavedBareConcreteFunction {

        /** Properties of a SavedBareConcreteFunction. */
        interface $Properties {

            /** SavedBareConcreteFunction concrete_function_name */
            concrete_function_name?: (string|null);

            /** SavedBareConcreteFunction argument_keywords */
            argument_keywords?: (string[]|null);

            /** SavedBareConcreteFunction allowed_positional_arguments */
            allowed_positional_arguments?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedBareConcreteFunction. */
        type $Shape = tensorflow.SavedBareConcreteFunction.$Properties;
    }

    /**
     * Properties of a SaverDef.
     * @deprecated Use tensorflow.SaverDef.$Properties instead.
     */
    interface ISaverDef extends tensorflow.SaverDef.$Properties {
    }

    /** Represents a SaverDef. */
    class SaverDef {

        /**
         * Constructs a new SaverDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SaverDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SaverDef filename_tensor_name. */
        filename_tensor_name: string;

        /** SaverDef save_tensor_name. */
        save_tensor_name: string;

        /** SaverDef restore_op_name. */
        restore_op_name: string;

        /** SaverDef max_to_keep. */
        max_to_keep: number;

        /** SaverDef sharded. */
        sharded: boolean;

        /** SaverDef keep_checkpoint_every_n_hours. */
        keep_checkpoint_every_n_hours: number;

        /** SaverDef version. */
        version: tensorflow.SaverDef.CheckpointFormatVersion;

        /**
         * Decodes a SaverDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SaverDef & tensorflow.SaverDef.$Shape} SaverDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SaverDef & tensorflow.SaverDef.$Shape;
    }

    namespace SaverDef {

        /** Properties of a SaverDef. */
        interface $Properties {

            /** SaverDef filename_tensor_name */
            filename_tensor_name?: (string|null);

            /** SaverDef save_tensor_name */
            save_tensor_name?: (string|null);

            /** SaverDef restore_op_name */
            restore_op_name?: (string|null);

            /** SaverDef max_to_keep */
            max_to_keep?: (number|null);

            /** SaverDef sharded */
            sharded?: (boolean|null);

            /** SaverDef keep_checkpoint_every_n_hours */
            keep_checkpoint_every_n_hours?: (number|null);

            /** SaverDef version */
            version?: (tensorflow.SaverDef.CheckpointFormatVersion|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SaverDef. */
        type $Shape = tensorflow.SaverDef.$Properties;

        /** CheckpointFormatVersion enum. */
        enum CheckpointFormatVersion {

            /** LEGACY value */
            LEGACY = 0,

            /** V1 value */
            V1 = 1,

            /** V2 value */
            V2 = 2
        }
    }
}

/** Namespace third_party. */
export namespace third_party {

    /** Namespace tensorflow. */
    namespace tensorflow {

        /** Namespace python. */
        namespace python {

            /** Namespace keras. */
            namespace keras {

                /** Namespace protobuf. */
                namespace protobuf {

                    /**
                     * Properties of a SavedMetadata.
                     * @deprecated Use third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties instead.
                     */
                    interface ISavedMetadata extends third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties {
                    }

                    /** Represents a SavedMetadata. */
                    class SavedMetadata {

                        /**
                         * Constructs a new SavedMetadata.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** SavedMetadata nodes. */
                        nodes: third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties[];

                        /**
                         * Decodes a SavedMetadata message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {third_party.tensorflow.python.keras.protobuf.SavedMetadata & third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Shape} SavedMetadata
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): third_party.tensorflow.python.keras.protobuf.SavedMetadata & third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Shape;
                    }

                    namespace SavedMetadata {

                        /** Properties of a SavedMetadata. */
                        interface $Properties {

                            /** SavedMetadata nodes */
                            nodes?: (third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties[]|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a SavedMetadata. */
                        type $Shape = third_party.tensorflow.python.keras.protobuf.SavedMetadata.$Properties;
                    }

                    /**
                     * Properties of a SavedObject.
                     * @deprecated Use third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties instead.
                     */
                    interface ISavedObject extends third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties {
                    }

                    /** Represents a SavedObject. */
                    class SavedObject {

                        /**
                         * Constructs a new SavedObject.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** SavedObject node_id. */
                        node_id: number;

                        /** SavedObject node_path. */
                        node_path: string;

                        /** SavedObject identifier. */
                        identifier: string;

                        /** SavedObject metadata. */
                        metadata: string;

                        /**
                         * Decodes a SavedObject message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {third_party.tensorflow.python.keras.protobuf.SavedObject & third_party.tensorflow.python.keras.protobuf.SavedObject.$Shape} SavedObject
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): third_party.tensorflow.python.keras.protobuf.SavedObject & third_party.tensorflow.python.keras.protobuf.SavedObject.$Shape;
                    }

                    namespace SavedObject {

                        /** Properties of a SavedObject. */
                        interface $Properties {

                            /** SavedObject node_id */
                            node_id?: (number|null);

                            /** SavedObject node_path */
                            node_path?: (string|null);

                            /** SavedObject identifier */
                            identifier?: (string|null);

                            /** SavedObject metadata */
                            metadata?: (string|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a SavedObject. */
                        type $Shape = third_party.tensorflow.python.keras.protobuf.SavedObject.$Properties;
                    }
                }
            }
        }
    }
}
