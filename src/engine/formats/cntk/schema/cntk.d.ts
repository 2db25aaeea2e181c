import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace CNTK. */
export namespace CNTK {

    /** Namespace proto. */
    namespace proto {

        /**
         * Properties of a NDShape.
         * @deprecated Use CNTK.proto.NDShape.$Properties instead.
         */
        interface INDShape extends CNTK.proto.NDShape.$Properties {
        }

        /** Represents a NDShape. */
        class NDShape {

            /**
             * Constructs a new NDShape.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.NDShape.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NDShape shape_dim. */
            shape_dim: (number|Long)[];

            /**
             * Decodes a NDShape message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.NDShape & CNTK.proto.NDShape.$Shape} NDShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.NDShape & CNTK.proto.NDShape.$Shape;
        }

        namespace NDShape {

            /** Properties of a NDShape. */
            interface $Properties {

                /** NDShape shape_dim */
                shape_dim?: ((number|Long)[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NDShape. */
            type $Shape = CNTK.proto.NDShape.$Properties;
        }

        /**
         * Properties of an Axis.
         * @deprecated Use CNTK.proto.Axis.$Properties instead.
         */
        interface IAxis extends CNTK.proto.Axis.$Properties {
        }

        /** Represents an Axis. */
        class Axis {

            /**
             * Constructs a new Axis.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.Axis.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Axis static_axis_idx. */
            static_axis_idx: number;

            /** Axis name. */
            name: string;

            /** Axis is_ordered_dynamic_axis. */
            is_ordered_dynamic_axis: boolean;

            /**
             * Decodes an Axis message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.Axis & CNTK.proto.Axis.$Shape} Axis
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.Axis & CNTK.proto.Axis.$Shape;
        }

        namespace Axis {

            /** Properties of an Axis. */
            interface $Properties {

                /** Axis static_axis_idx */
                static_axis_idx?: (number|null);

                /** Axis name */
                name?: (string|null);

                /** Axis is_ordered_dynamic_axis */
                is_ordered_dynamic_axis?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Axis. */
            type $Shape = CNTK.proto.Axis.$Properties;
        }

        /**
         * Properties of a NDArrayView.
         * @deprecated Use CNTK.proto.NDArrayView.$Properties instead.
         */
        interface INDArrayView extends CNTK.proto.NDArrayView.$Properties {
        }

        /** Represents a NDArrayView. */
        class NDArrayView {

            /**
             * Constructs a new NDArrayView.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.NDArrayView.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NDArrayView data_type. */
            data_type: CNTK.proto.NDArrayView.DataType;

            /** NDArrayView storage_format. */
            storage_format: CNTK.proto.NDArrayView.StorageFormat;

            /** NDArrayView shape. */
            shape?: (CNTK.proto.NDShape.$Properties|null);

            /**
             * Decodes a NDArrayView message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.NDArrayView & CNTK.proto.NDArrayView.$Shape} NDArrayView
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.NDArrayView & CNTK.proto.NDArrayView.$Shape;
        }

        namespace NDArrayView {

            /** Properties of a NDArrayView. */
            interface $Properties {

                /** NDArrayView data_type */
                data_type?: (CNTK.proto.NDArrayView.DataType|null);

                /** NDArrayView storage_format */
                storage_format?: (CNTK.proto.NDArrayView.StorageFormat|null);

                /** NDArrayView shape */
                shape?: (CNTK.proto.NDShape.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NDArrayView. */
            type $Shape = CNTK.proto.NDArrayView.$Properties;

            /** DataType enum. */
            enum DataType {

                /** Unknown value */
                Unknown = 0,

                /** Float value */
                Float = 1,

                /** Double value */
                Double = 2,

                /** Float16 value */
                Float16 = 4,

                /** Int8 value */
                Int8 = 5,

                /** Int16 value */
                Int16 = 6
            }

            /** StorageFormat enum. */
            enum StorageFormat {

                /** Dense value */
                Dense = 0,

                /** SparseCSC value */
                SparseCSC = 1,

                /** SparseBlockCol value */
                SparseBlockCol = 2
            }
        }

        /**
         * Properties of a Vector.
         * @deprecated Use CNTK.proto.Vector.$Properties instead.
         */
        interface IVector extends CNTK.proto.Vector.$Properties {
        }

        /** Represents a Vector. */
        class Vector {

            /**
             * Constructs a new Vector.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.Vector.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Vector value. */
            value: CNTK.proto.DictionaryValue.$Properties[];

            /**
             * Decodes a Vector message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.Vector & CNTK.proto.Vector.$Shape} Vector
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.Vector & CNTK.proto.Vector.$Shape;
        }

        namespace Vector {

            /** Properties of a Vector. */
            interface $Properties {

                /** Vector value */
                value?: (CNTK.proto.DictionaryValue.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Vector. */
            type $Shape = {
              value?: CNTK.proto.DictionaryValue.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Dictionary.
         * @deprecated Use CNTK.proto.Dictionary.$Properties instead.
         */
        interface IDictionary extends CNTK.proto.Dictionary.$Properties {
        }

        /** Represents a Dictionary. */
        class Dictionary {

            /**
             * Constructs a new Dictionary.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.Dictionary.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dictionary version. */
            version: (number|Long);

            /** Dictionary data. */
            data: { [k: string]: CNTK.proto.DictionaryValue.$Properties };

            /**
             * Decodes a Dictionary message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.Dictionary & CNTK.proto.Dictionary.$Shape} Dictionary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.Dictionary & CNTK.proto.Dictionary.$Shape;
        }

        namespace Dictionary {

            /** Properties of a Dictionary. */
            interface $Properties {

                /** Dictionary version */
                version?: (number|Long|null);

                /** Dictionary data */
                data?: ({ [k: string]: CNTK.proto.DictionaryValue.$Properties }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dictionary. */
            type $Shape = {
              version?: number|Long|null;
              data?: { [k: string]: CNTK.proto.DictionaryValue.$Shape }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a DictionaryValue.
         * @deprecated Use CNTK.proto.DictionaryValue.$Properties instead.
         */
        interface IDictionaryValue extends CNTK.proto.DictionaryValue.$Properties {
        }

        /** Represents a DictionaryValue. */
        class DictionaryValue {

            /**
             * Constructs a new DictionaryValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: CNTK.proto.DictionaryValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DictionaryValue version. */
            version: (number|Long);

            /** DictionaryValue value_type. */
            value_type: CNTK.proto.DictionaryValue.Type;

            /** DictionaryValue bool_value. */
            bool_value?: (boolean|null);

            /** DictionaryValue int_value. */
            int_value?: (number|null);

            /** DictionaryValue size_t_value. */
            size_t_value?: (number|Long|null);

            /** DictionaryValue float_value. */
            float_value?: (number|null);

            /** DictionaryValue double_value. */
            double_value?: (number|null);

            /** DictionaryValue string_value. */
            string_value?: (string|null);

            /** DictionaryValue nd_shape_value. */
            nd_shape_value?: (CNTK.proto.NDShape.$Properties|null);

            /** DictionaryValue axis_value. */
            axis_value?: (CNTK.proto.Axis.$Properties|null);

            /** DictionaryValue vector_value. */
            vector_value?: (CNTK.proto.Vector.$Properties|null);

            /** DictionaryValue dictionary_value. */
            dictionary_value?: (CNTK.proto.Dictionary.$Properties|null);

            /** DictionaryValue nd_array_view_value. */
            nd_array_view_value?: (CNTK.proto.NDArrayView.$Properties|null);

            /** DictionaryValue value. */
            value?: ("bool_value"|"int_value"|"size_t_value"|"float_value"|"double_value"|"string_value"|"nd_shape_value"|"axis_value"|"vector_value"|"dictionary_value"|"nd_array_view_value");

            /**
             * Decodes a DictionaryValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CNTK.proto.DictionaryValue & CNTK.proto.DictionaryValue.$Shape} DictionaryValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CNTK.proto.DictionaryValue & CNTK.proto.DictionaryValue.$Shape;
        }

        namespace DictionaryValue {

            /** Properties of a DictionaryValue. */
            interface $Properties {

                /** DictionaryValue version */
                version?: (number|Long|null);

                /** DictionaryValue value_type */
                value_type?: (CNTK.proto.DictionaryValue.Type|null);

                /** DictionaryValue bool_value */
                bool_value?: (boolean|null);

                /** DictionaryValue int_value */
                int_value?: (number|null);

                /** DictionaryValue size_t_value */
                size_t_value?: (number|Long|null);

                /** DictionaryValue float_value */
                float_value?: (number|null);

                /** DictionaryValue double_value */
                double_value?: (number|null);

                /** DictionaryValue string_value */
                string_value?: (string|null);

                /** DictionaryValue nd_shape_value */
                nd_shape_value?: (CNTK.proto.NDShape.$Properties|null);

                /** DictionaryValue axis_value */
                axis_value?: (CNTK.proto.Axis.$Properties|null);

                /** DictionaryValue vector_value */
                vector_value?: (CNTK.proto.Vector.$Properties|null);

                /** DictionaryValue dictionary_value */
                dictionary_value?: (CNTK.proto.Dictionary.$Properties|null);

                /** DictionaryValue nd_array_view_value */
                nd_array_view_value?: (CNTK.proto.NDArrayView.$Properties|null);

                /** DictionaryValue value */
                value?: ("bool_value"|"int_value"|"size_t_value"|"float_value"|"double_value"|"string_value"|"nd_shape_value"|"axis_value"|"vector_value"|"dictionary_value"|"nd_array_view_value");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a DictionaryValue. */
            type $Shape = {
              version?: number|Long|null;
              value_type?: CNTK.proto.DictionaryValue.Type|null;
              bool_value?: boolean|null;
              int_value?: number|null;
              size_t_value?: number|Long|null;
              float_value?: number|null;
              double_value?: number|null;
              string_value?: string|null;
              nd_shape_value?: CNTK.proto.NDShape.$Shape|null;
              axis_value?: CNTK.proto.Axis.$Shape|null;
              vector_value?: CNTK.proto.Vector.$Shape|null;
              dictionary_value?: CNTK.proto.Dictionary.$Shape|null;
              nd_array_view_value?: CNTK.proto.NDArrayView.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "bool_value"; bool_value: boolean; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "int_value"; bool_value?: null; int_value: number; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "size_t_value"; bool_value?: null; int_value?: null; size_t_value: number|Long; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "float_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value: number; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "double_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value: number; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "string_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value: string; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "nd_shape_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value: CNTK.proto.NDShape.$Shape; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "axis_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value: CNTK.proto.Axis.$Shape; vector_value?: null; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "vector_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value: CNTK.proto.Vector.$Shape; dictionary_value?: null; nd_array_view_value?: null }|{ value?: "dictionary_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value: CNTK.proto.Dictionary.$Shape; nd_array_view_value?: null }|{ value?: "nd_array_view_value"; bool_value?: null; int_value?: null; size_t_value?: null; float_value?: null; double_value?: null; string_value?: null; nd_shape_value?: null; axis_value?: null; vector_value?: null; dictionary_value?: null; nd_array_view_value: CNTK.proto.NDArrayView.$Shape })
            );

            /** Type enum. */
            enum Type {

                /** None value */
                None = 0,

                /** Bool value */
                Bool = 1,

                /** Int value */
                Int = 2,

                /** SizeT value */
                SizeT = 3,

                /** Float value */
                Float = 4,

                /** Double value */
                Double = 5,

                /** String value */
                String = 6,

                /** NDShape value */
                NDShape = 7,

                /** Axis value */
                Axis = 8,

                /** Vector value */
                Vector = 9,

                /** Dictionary value */
                Dictionary = 10,

                /** NDArrayView value */
                NDArrayView = 11
            }
        }
    }
}
