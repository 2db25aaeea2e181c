import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace CoreML. */
export namespace CoreML {

    /** Namespace Specification. */
    namespace Specification {

        /**
         * Properties of a Pipeline.
         * @deprecated Use CoreML.Specification.Pipeline.$Properties instead.
         */
        interface IPipeline extends CoreML.Specification.Pipeline.$Properties {
        }

        /** Represents a Pipeline. */
        class Pipeline {

            /**
             * Constructs a new Pipeline.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.Pipeline.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pipeline models. */
            models: CoreML.Specification.Model.$Properties[];

            /** Pipeline names. */
            names: string[];

            /**
             * Decodes a Pipeline message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.Pipeline & CoreML.Specification.Pipeline.$Shape} Pipeline
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.Pipeline & CoreML.Specification.Pipeline.$Shape;
        }

        namespace Pipeline {

            /** Properties of a Pipeline. */
            interface $Properties {

                /** Pipeline models */
                models?: (CoreML.Specification.Model.$Properties[]|null);

                /** Pipeline names */
                names?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pipeline. */
            type $Shape = {
              models?: CoreML.Specification.Model.$Shape[]|null;
              names?: string[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a PipelineClassifier.
         * @deprecated Use CoreML.Specification.PipelineClassifier.$Properties instead.
         */
        interface IPipelineClassifier extends CoreML.Specification.PipelineClassifier.$Properties {
        }

        /** Represents a PipelineClassifier. */
        class PipelineClassifier {

            /**
             * Constructs a new PipelineClassifier.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.PipelineClassifier.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PipelineClassifier pipeline. */
            pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

            /**
             * Decodes a PipelineClassifier message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.PipelineClassifier & CoreML.Specification.PipelineClassifier.$Shape} PipelineClassifier
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.PipelineClassifier & CoreML.Specification.PipelineClassifier.$Shape;
        }

        namespace PipelineClassifier {

            /** Properties of a PipelineClassifier. */
            interface $Properties {

                /** PipelineClassifier pipeline */
                pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PipelineClassifier. */
            type $Shape = {
              pipeline?: CoreML.Specification.Pipeline.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a PipelineRegressor.
         * @deprecated Use CoreML.Specification.PipelineRegressor.$Properties instead.
         */
        interface IPipelineRegressor extends CoreML.Specification.PipelineRegressor.$Properties {
        }

        /** Represents a PipelineRegressor. */
        class PipelineRegressor {

            /**
             * Constructs a new PipelineRegressor.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.PipelineRegressor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PipelineRegressor pipeline. */
            pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

            /**
             * Decodes a PipelineRegressor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.PipelineRegressor & CoreML.Specification.PipelineRegressor.$Shape} PipelineRegressor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.PipelineRegressor & CoreML.Specification.PipelineRegressor.$Shape;
        }

        namespace PipelineRegressor {

            /** Properties of a PipelineRegressor. */
            interface $Properties {

                /** PipelineRegressor pipeline */
                pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PipelineRegressor. */
            type $Shape = {
              pipeline?: CoreML.Specification.Pipeline.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Metadata.
         * @deprecated Use CoreML.Specification.Metadata.$Properties instead.
         */
        interface IMetadata extends CoreML.Specification.Metadata.$Properties {
        }

        /** Represents a Metadata. */
        class Metadata {

            /**
             * Constructs a new Metadata.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.Metadata.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Metadata shortDescription. */
            shortDescription: string;

            /** Metadata versionString. */
            versionString: string;

            /** Metadata author. */
            author: string;

            /** Metadata license. */
            license: string;

            /** Metadata userDefined. */
            userDefined: { [k: string]: string };

            /**
             * Decodes a Metadata message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.Metadata & CoreML.Specification.Metadata.$Shape} Metadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.Metadata & CoreML.Specification.Metadata.$Shape;
        }

        namespace Metadata {

            /** Properties of a Metadata. */
            interface $Properties {

                /** Metadata shortDescription */
                shortDescription?: (string|null);

                /** Metadata versionString */
                versionString?: (string|null);

                /** Metadata author */
                author?: (string|null);

                /** Metadata license */
                license?: (string|null);

                /** Metadata userDefined */
                userDefined?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Metadata. */
            type $Shape = CoreML.Specification.Metadata.$Properties;
        }

        /**
         * Properties of a ModelDescription.
         * @deprecated Use CoreML.Specification.ModelDescription.$Properties instead.
         */
        interface IModelDescription extends CoreML.Specification.ModelDescription.$Properties {
        }

        /** Represents a ModelDescription. */
        class ModelDescription {

            /**
             * Constructs a new ModelDescription.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.ModelDescription.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ModelDescription defaultFunctionName. */
            defaultFunctionName: string;

            /** ModelDescription metadata. */
            metadata?: (CoreML.Specification.Metadata.$Properties|null);

            /** ModelDescription predictedFeatureName. */
            predictedFeatureName: string;

            /** ModelDescription predictedProbabilitiesName. */
            predictedProbabilitiesName: string;

            /**
             * Decodes a ModelDescription message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.ModelDescription & CoreML.Specification.ModelDescription.$Shape} ModelDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.ModelDescription & CoreML.Specification.ModelDescription.$Shape;
        }

        namespace ModelDescription {

            /** Properties of a ModelDescription. */
            interface $Properties {

                /** ModelDescription defaultFunctionName */
                defaultFunctionName?: (string|null);

                /** ModelDescription metadata */
                metadata?: (CoreML.Specification.Metadata.$Properties|null);

                /** ModelDescription predictedFeatureName */
                predictedFeatureName?: (string|null);

                /** ModelDescription predictedProbabilitiesName */
                predictedProbabilitiesName?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ModelDescription. */
            type $Shape = CoreML.Specification.ModelDescription.$Properties;
        }

        /**
         * Properties of a SerializedModel.
         * @deprecated Use CoreML.Specification.SerializedModel.$Properties instead.
         */
        interface ISerializedModel extends CoreML.Specification.SerializedModel.$Properties {
        }

        /** Represents a SerializedModel. */
        class SerializedModel {

            /**
             * Constructs a new SerializedModel.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.SerializedModel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SerializedModel identifier. */
            identifier: string;

            /** SerializedModel model. */
            model: Uint8Array;

            /**
             * Decodes a SerializedModel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.SerializedModel & CoreML.Specification.SerializedModel.$Shape} SerializedModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.SerializedModel & CoreML.Specification.SerializedModel.$Shape;
        }

        namespace SerializedModel {

            /** Properties of a SerializedModel. */
            interface $Properties {

                /** SerializedModel identifier */
                identifier?: (string|null);

                /** SerializedModel model */
                model?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SerializedModel. */
            type $Shape = CoreML.Specification.SerializedModel.$Properties;
        }

        /**
         * Properties of a Model.
         * @deprecated Use CoreML.Specification.Model.$Properties instead.
         */
        interface IModel extends CoreML.Specification.Model.$Properties {
        }

        /** Represents a Model. */
        class Model {

            /**
             * Constructs a new Model.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.Model.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Model specificationVersion. */
            specificationVersion: number;

            /** Model description. */
            description?: (CoreML.Specification.ModelDescription.$Properties|null);

            /** Model isUpdatable. */
            isUpdatable: boolean;

            /** Model pipelineClassifier. */
            pipelineClassifier?: (CoreML.Specification.PipelineClassifier.$Properties|null);

            /** Model pipelineRegressor. */
            pipelineRegressor?: (CoreML.Specification.PipelineRegressor.$Properties|null);

            /** Model pipeline. */
            pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

            /** Model glmRegressor. */
            glmRegressor: Uint8Array;

            /** Model supportVectorRegressor. */
            supportVectorRegressor: Uint8Array;

            /** Model treeEnsembleRegressor. */
            treeEnsembleRegressor: Uint8Array;

            /** Model neuralNetworkRegressor. */
            neuralNetworkRegressor?: (CoreML.Specification.NeuralNetworkRegressor.$Properties|null);

            /** Model bayesianProbitRegressor. */
            bayesianProbitRegressor: Uint8Array;

            /** Model glmClassifier. */
            glmClassifier: Uint8Array;

            /** Model supportVectorClassifier. */
            supportVectorClassifier: Uint8Array;

            /** Model treeEnsembleClassifier. */
            treeEnsembleClassifier: Uint8Array;

            /** Model neuralNetworkClassifier. */
            neuralNetworkClassifier?: (CoreML.Specification.NeuralNetworkClassifier.$Properties|null);

            /** Model kNearestNeighborsClassifier. */
            kNearestNeighborsClassifier: Uint8Array;

            /** Model neuralNetwork. */
            neuralNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

            /** Model itemSimilarityRecommender. */
            itemSimilarityRecommender: Uint8Array;

            /** Model mlProgram. */
            mlProgram?: (CoreML.Specification.MILSpec.Program.$Properties|null);

            /** Model customModel. */
            customModel?: (CoreML.Specification.CustomModel.$Properties|null);

            /** Model linkedModel. */
            linkedModel?: (CoreML.Specification.LinkedModel.$Properties|null);

            /** Model classConfidenceThresholding. */
            classConfidenceThresholding: Uint8Array;

            /** Model oneHotEncoder. */
            oneHotEncoder: Uint8Array;

            /** Model imputer. */
            imputer: Uint8Array;

            /** Model featureVectorizer. */
            featureVectorizer: Uint8Array;

            /** Model dictVectorizer. */
            dictVectorizer: Uint8Array;

            /** Model scaler. */
            scaler: Uint8Array;

            /** Model categoricalMapping. */
            categoricalMapping: Uint8Array;

            /** Model normalizer. */
            normalizer: Uint8Array;

            /** Model arrayFeatureExtractor. */
            arrayFeatureExtractor: Uint8Array;

            /** Model nonMaximumSuppression. */
            nonMaximumSuppression: Uint8Array;

            /** Model identity. */
            identity: Uint8Array;

            /** Model textClassifier. */
            textClassifier: Uint8Array;

            /** Model wordTagger. */
            wordTagger: Uint8Array;

            /** Model visionFeaturePrint. */
            visionFeaturePrint: Uint8Array;

            /** Model soundAnalysisPreprocessing. */
            soundAnalysisPreprocessing: Uint8Array;

            /** Model gazetteer. */
            gazetteer: Uint8Array;

            /** Model wordEmbedding. */
            wordEmbedding: Uint8Array;

            /** Model audioFeaturePrint. */
            audioFeaturePrint: Uint8Array;

            /** Model serializedModel. */
            serializedModel?: (CoreML.Specification.SerializedModel.$Properties|null);

            /**
             * Decodes a Model message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.Model & CoreML.Specification.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.Model & CoreML.Specification.Model.$Shape;
        }

        namespace Model {

            /** Properties of a Model. */
            interface $Properties {

                /** Model specificationVersion */
                specificationVersion?: (number|null);

                /** Model description */
                description?: (CoreML.Specification.ModelDescription.$Properties|null);

                /** Model isUpdatable */
                isUpdatable?: (boolean|null);

                /** Model pipelineClassifier */
                pipelineClassifier?: (CoreML.Specification.PipelineClassifier.$Properties|null);

                /** Model pipelineRegressor */
                pipelineRegressor?: (CoreML.Specification.PipelineRegressor.$Properties|null);

                /** Model pipeline */
                pipeline?: (CoreML.Specification.Pipeline.$Properties|null);

                /** Model glmRegressor */
                glmRegressor?: (Uint8Array|null);

                /** Model supportVectorRegressor */
                supportVectorRegressor?: (Uint8Array|null);

                /** Model treeEnsembleRegressor */
                treeEnsembleRegressor?: (Uint8Array|null);

                /** Model neuralNetworkRegressor */
                neuralNetworkRegressor?: (CoreML.Specification.NeuralNetworkRegressor.$Properties|null);

                /** Model bayesianProbitRegressor */
                bayesianProbitRegressor?: (Uint8Array|null);

                /** Model glmClassifier */
                glmClassifier?: (Uint8Array|null);

                /** Model supportVectorClassifier */
                supportVectorClassifier?: (Uint8Array|null);

                /** Model treeEnsembleClassifier */
                treeEnsembleClassifier?: (Uint8Array|null);

                /** Model neuralNetworkClassifier */
                neuralNetworkClassifier?: (CoreML.Specification.NeuralNetworkClassifier.$Properties|null);

                /** Model kNearestNeighborsClassifier */
                kNearestNeighborsClassifier?: (Uint8Array|null);

                /** Model neuralNetwork */
                neuralNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

                /** Model itemSimilarityRecommender */
                itemSimilarityRecommender?: (Uint8Array|null);

                /** Model mlProgram */
                mlProgram?: (CoreML.Specification.MILSpec.Program.$Properties|null);

                /** Model customModel */
                customModel?: (CoreML.Specification.CustomModel.$Properties|null);

                /** Model linkedModel */
                linkedModel?: (CoreML.Specification.LinkedModel.$Properties|null);

                /** Model classConfidenceThresholding */
                classConfidenceThresholding?: (Uint8Array|null);

                /** Model oneHotEncoder */
                oneHotEncoder?: (Uint8Array|null);

                /** Model imputer */
                imputer?: (Uint8Array|null);

                /** Model featureVectorizer */
                featureVectorizer?: (Uint8Array|null);

                /** Model dictVectorizer */
                dictVectorizer?: (Uint8Array|null);

                /** Model scaler */
                scaler?: (Uint8Array|null);

                /** Model categoricalMapping */
                categoricalMapping?: (Uint8Array|null);

                /** Model normalizer */
                normalizer?: (Uint8Array|null);

                /** Model arrayFeatureExtractor */
                arrayFeatureExtractor?: (Uint8Array|null);

                /** Model nonMaximumSuppression */
                nonMaximumSuppression?: (Uint8Array|null);

                /** Model identity */
                identity?: (Uint8Array|null);

                /** Model textClassifier */
                textClassifier?: (Uint8Array|null);

                /** Model wordTagger */
                wordTagger?: (Uint8Array|null);

                /** Model visionFeaturePrint */
                visionFeaturePrint?: (Uint8Array|null);

                /** Model soundAnalysisPreprocessing */
                soundAnalysisPreprocessing?: (Uint8Array|null);

                /** Model gazetteer */
                gazetteer?: (Uint8Array|null);

                /** Model wordEmbedding */
                wordEmbedding?: (Uint8Array|null);

                /** Model audioFeaturePrint */
                audioFeaturePrint?: (Uint8Array|null);

                /** Model serializedModel */
                serializedModel?: (CoreML.Specification.SerializedModel.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Model. */
            type $Shape = {
              specificationVersion?: number|null;
              description?: CoreML.Specification.ModelDescription.$Shape|null;
              isUpdatable?: boolean|null;
              pipelineClassifier?: CoreML.Specification.PipelineClassifier.$Shape|null;
              pipelineRegressor?: CoreML.Specification.PipelineRegressor.$Shape|null;
              pipeline?: CoreML.Specification.Pipeline.$Shape|null;
              glmRegressor?: Uint8Array|null;
              supportVectorRegressor?: Uint8Array|null;
              treeEnsembleRegressor?: Uint8Array|null;
              neuralNetworkRegressor?: CoreML.Specification.NeuralNetworkRegressor.$Shape|null;
              bayesianProbitRegressor?: Uint8Array|null;
              glmClassifier?: Uint8Array|null;
              supportVectorClassifier?: Uint8Array|null;
              treeEnsembleClassifier?: Uint8Array|null;
              neuralNetworkClassifier?: CoreML.Specification.NeuralNetworkClassifier.$Shape|null;
              kNearestNeighborsClassifier?: Uint8Array|null;
              neuralNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
              itemSimilarityRecommender?: Uint8Array|null;
              mlProgram?: CoreML.Specification.MILSpec.Program.$Shape|null;
              customModel?: CoreML.Specification.CustomModel.$Shape|null;
              linkedModel?: CoreML.Specification.LinkedModel.$Shape|null;
              classConfidenceThresholding?: Uint8Array|null;
              oneHotEncoder?: Uint8Array|null;
              imputer?: Uint8Array|null;
              featureVectorizer?: Uint8Array|null;
              dictVectorizer?: Uint8Array|null;
              scaler?: Uint8Array|null;
              categoricalMapping?: Uint8Array|null;
              normalizer?: Uint8Array|null;
              arrayFeatureExtractor?: Uint8Array|null;
              nonMaximumSuppression?: Uint8Array|null;
              identity?: Uint8Array|null;
              textClassifier?: Uint8Array|null;
              wordTagger?: Uint8Array|null;
              visionFeaturePrint?: Uint8Array|null;
              soundAnalysisPreprocessing?: Uint8Array|null;
              gazetteer?: Uint8Array|null;
              wordEmbedding?: Uint8Array|null;
              audioFeaturePrint?: Uint8Array|null;
              serializedModel?: CoreML.Specification.SerializedModel.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a NeuralNetwork.
         * @deprecated Use CoreML.Specification.NeuralNetwork.$Properties instead.
         */
        interface INeuralNetwork extends CoreML.Specification.NeuralNetwork.$Properties {
        }

        /** Represents a NeuralNetwork. */
        class NeuralNetwork {

            /**
             * Constructs a new NeuralNetwork.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.NeuralNetwork.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NeuralNetwork layers. */
            layers: CoreML.Specification.NeuralNetworkLayer.$Properties[];

            /**
             * Decodes a NeuralNetwork message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetwork & CoreML.Specification.NeuralNetwork.$Shape} NeuralNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.NeuralNetwork & CoreML.Specification.NeuralNetwork.$Shape;
        }

        namespace NeuralNetwork {

            /** Properties of a NeuralNetwork. */
            interface $Properties {

                /** NeuralNetwork layers */
                layers?: (CoreML.Specification.NeuralNetworkLayer.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NeuralNetwork. */
            type $Shape = {
              layers?: CoreML.Specification.NeuralNetworkLayer.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a NeuralNetworkLayer.
         * @deprecated Use CoreML.Specification.NeuralNetworkLayer.$Properties instead.
         */
        interface INeuralNetworkLayer extends CoreML.Specification.NeuralNetworkLayer.$Properties {
        }

        /** Represents a NeuralNetworkLayer. */
        class NeuralNetworkLayer {

            /**
             * Constructs a new NeuralNetworkLayer.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.NeuralNetworkLayer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NeuralNetworkLayer name. */
            name: string;

            /** NeuralNetworkLayer input. */
            input: string[];

            /** NeuralNetworkLayer output. */
            output: string[];

            /** NeuralNetworkLayer isUpdatable. */
            isUpdatable: boolean;

            /** NeuralNetworkLayer custom. */
            custom?: (CoreML.Specification.CustomLayerParams.$Properties|null);

            /** NeuralNetworkLayer branch. */
            branch?: (CoreML.Specification.BranchLayerParams.$Properties|null);

            /** NeuralNetworkLayer loop. */
            loop?: (CoreML.Specification.LoopLayerParams.$Properties|null);

            /** NeuralNetworkLayer layer. */
            layer?: ("custom"|"branch"|"loop");

            /**
             * Decodes a NeuralNetworkLayer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkLayer & CoreML.Specification.NeuralNetworkLayer.$Shape} NeuralNetworkLayer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.NeuralNetworkLayer & CoreML.Specification.NeuralNetworkLayer.$Shape;
        }

        namespace NeuralNetworkLayer {

            /** Properties of a NeuralNetworkLayer. */
            interface $Properties {

                /** NeuralNetworkLayer name */
                name?: (string|null);

                /** NeuralNetworkLayer input */
                input?: (string[]|null);

                /** NeuralNetworkLayer output */
                output?: (string[]|null);

                /** NeuralNetworkLayer isUpdatable */
                isUpdatable?: (boolean|null);

                /** NeuralNetworkLayer custom */
                custom?: (CoreML.Specification.CustomLayerParams.$Properties|null);

                /** NeuralNetworkLayer branch */
                branch?: (CoreML.Specification.BranchLayerParams.$Properties|null);

                /** NeuralNetworkLayer loop */
                loop?: (CoreML.Specification.LoopLayerParams.$Properties|null);

                /** NeuralNetworkLayer layer */
                layer?: ("custom"|"branch"|"loop");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a NeuralNetworkLayer. */
            type $Shape = {
              name?: string|null;
              input?: string[]|null;
              output?: string[]|null;
              isUpdatable?: boolean|null;
              custom?: CoreML.Specification.CustomLayerParams.$Shape|null;
              branch?: CoreML.Specification.BranchLayerParams.$Shape|null;
              loop?: CoreML.Specification.LoopLayerParams.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ layer?: undefined; custom?: null; branch?: null; loop?: null }|{ layer?: "custom"; custom: CoreML.Specification.CustomLayerParams.$Shape; branch?: null; loop?: null }|{ layer?: "branch"; custom?: null; branch: CoreML.Specification.BranchLayerParams.$Shape; loop?: null }|{ layer?: "loop"; custom?: null; branch?: null; loop: CoreML.Specification.LoopLayerParams.$Shape })
            );
        }

        /**
         * Properties of a BranchLayerParams.
         * @deprecated Use CoreML.Specification.BranchLayerParams.$Properties instead.
         */
        interface IBranchLayerParams extends CoreML.Specification.BranchLayerParams.$Properties {
        }

        /** Represents a BranchLayerParams. */
        class BranchLayerParams {

            /**
             * Constructs a new BranchLayerParams.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.BranchLayerParams.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BranchLayerParams ifBranch. */
            ifBranch?: (CoreML.Specification.NeuralNetwork.$Properties|null);

            /** BranchLayerParams elseBranch. */
            elseBranch?: (CoreML.Specification.NeuralNetwork.$Properties|null);

            /**
             * Decodes a BranchLayerParams message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.BranchLayerParams & CoreML.Specification.BranchLayerParams.$Shape} BranchLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.BranchLayerParams & CoreML.Specification.BranchLayerParams.$Shape;
        }

        namespace BranchLayerParams {

            /** Properties of a BranchLayerParams. */
            interface $Properties {

                /** BranchLayerParams ifBranch */
                ifBranch?: (CoreML.Specification.NeuralNetwork.$Properties|null);

                /** BranchLayerParams elseBranch */
                elseBranch?: (CoreML.Specification.NeuralNetwork.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BranchLayerParams. */
            type $Shape = {
              ifBranch?: CoreML.Specification.NeuralNetwork.$Shape|null;
              elseBranch?: CoreML.Specification.NeuralNetwork.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LoopLayerParams.
         * @deprecated Use CoreML.Specification.LoopLayerParams.$Properties instead.
         */
        interface ILoopLayerParams extends CoreML.Specification.LoopLayerParams.$Properties {
        }

        /** Represents a LoopLayerParams. */
        class LoopLayerParams {

            /**
             * Constructs a new LoopLayerParams.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.LoopLayerParams.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoopLayerParams maxLoopIterations. */
            maxLoopIterations: (number|Long);

            /** LoopLayerParams conditionVar. */
            conditionVar: string;

            /** LoopLayerParams conditionNetwork. */
            conditionNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

            /** LoopLayerParams bodyNetwork. */
            bodyNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

            /**
             * Decodes a LoopLayerParams message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.LoopLayerParams & CoreML.Specification.LoopLayerParams.$Shape} LoopLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.LoopLayerParams & CoreML.Specification.LoopLayerParams.$Shape;
        }

        namespace LoopLayerParams {

            /** Properties of a LoopLayerParams. */
            interface $Properties {

                /** LoopLayerParams maxLoopIterations */
                maxLoopIterations?: (number|Long|null);

                /** LoopLayerParams conditionVar */
                conditionVar?: (string|null);

                /** LoopLayerParams conditionNetwork */
                conditionNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

                /** LoopLayerParams bodyNetwork */
                bodyNetwork?: (CoreML.Specification.NeuralNetwork.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoopLayerParams. */
            type $Shape = {
              maxLoopIterations?: number|Long|null;
              conditionVar?: string|null;
              conditionNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
              bodyNetwork?: CoreML.Specification.NeuralNetwork.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CustomLayerParams.
         * @deprecated Use CoreML.Specification.CustomLayerParams.$Properties instead.
         */
        interface ICustomLayerParams extends CoreML.Specification.CustomLayerParams.$Properties {
        }

        /** Represents a CustomLayerParams. */
        class CustomLayerParams {

            /**
             * Constructs a new CustomLayerParams.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.CustomLayerParams.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CustomLayerParams className. */
            className: string;

            /** CustomLayerParams parameters. */
            parameters: { [k: string]: CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties };

            /** CustomLayerParams description. */
            description: string;

            /**
             * Decodes a CustomLayerParams message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.CustomLayerParams & CoreML.Specification.CustomLayerParams.$Shape} CustomLayerParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.CustomLayerParams & CoreML.Specification.CustomLayerParams.$Shape;
        }

        namespace CustomLayerParams {

            /** Properties of a CustomLayerParams. */
            interface $Properties {

                /** CustomLayerParams className */
                className?: (string|null);

                /** CustomLayerParams parameters */
                parameters?: ({ [k: string]: CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties }|null);

                /** CustomLayerParams description */
                description?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CustomLayerParams. */
            type $Shape = {
              className?: string|null;
              parameters?: { [k: string]: CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape }|null;
              description?: string|null;
              $unknowns?: Uint8Array[];
            };

            /**
             * Properties of a CustomLayerParamValue.
             * @deprecated Use CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties instead.
             */
            interface ICustomLayerParamValue extends CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties {
            }

            /** Represents a CustomLayerParamValue. */
            class CustomLayerParamValue {

                /**
                 * Constructs a new CustomLayerParamValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CustomLayerParamValue doubleValue. */
                doubleValue?: (number|null);

                /** CustomLayerParamValue stringValue. */
                stringValue?: (string|null);

                /** CustomLayerParamValue intValue. */
                intValue?: (number|null);

                /** CustomLayerParamValue longValue. */
                longValue?: (number|Long|null);

                /** CustomLayerParamValue boolValue. */
                boolValue?: (boolean|null);

                /** CustomLayerParamValue value. */
                value?: ("doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue");

                /**
                 * Decodes a CustomLayerParamValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.CustomLayerParams.CustomLayerParamValue & CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape} CustomLayerParamValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.CustomLayerParams.CustomLayerParamValue & CoreML.Specification.CustomLayerParams.CustomLayerParamValue.$Shape;
            }

            namespace CustomLayerParamValue {

                /** Properties of a CustomLayerParamValue. */
                interface $Properties {

                    /** CustomLayerParamValue doubleValue */
                    doubleValue?: (number|null);

                    /** CustomLayerParamValue stringValue */
                    stringValue?: (string|null);

                    /** CustomLayerParamValue intValue */
                    intValue?: (number|null);

                    /** CustomLayerParamValue longValue */
                    longValue?: (number|Long|null);

                    /** CustomLayerParamValue boolValue */
                    boolValue?: (boolean|null);

                    /** CustomLayerParamValue value */
                    value?: ("doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a CustomLayerParamValue. */
                type $Shape = {
                  doubleValue?: number|null;
                  stringValue?: string|null;
                  intValue?: number|null;
                  longValue?: number|Long|null;
                  boolValue?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "doubleValue"; doubleValue: number; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "stringValue"; doubleValue?: null; stringValue: string; intValue?: null; longValue?: null; boolValue?: null }|{ value?: "intValue"; doubleValue?: null; stringValue?: null; intValue: number; longValue?: null; boolValue?: null }|{ value?: "longValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue: number|Long; boolValue?: null }|{ value?: "boolValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue: boolean })
                );
            }
        }

        /**
         * Properties of a NeuralNetworkClassifier.
         * @deprecated Use CoreML.Specification.NeuralNetworkClassifier.$Properties instead.
         */
        interface INeuralNetworkClassifier extends CoreML.Specification.NeuralNetworkClassifier.$Properties {
        }

        /** Represents a NeuralNetworkClassifier. */
        class NeuralNetworkClassifier {

            /**
             * Constructs a new NeuralNetworkClassifier.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.NeuralNetworkClassifier.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NeuralNetworkClassifier layers. */
            layers: CoreML.Specification.NeuralNetworkLayer.$Properties[];

            /** NeuralNetworkClassifier labelProbabilityLayerName. */
            labelProbabilityLayerName: string;

            /**
             * Decodes a NeuralNetworkClassifier message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkClassifier & CoreML.Specification.NeuralNetworkClassifier.$Shape} NeuralNetworkClassifier
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.NeuralNetworkClassifier & CoreML.Specification.NeuralNetworkClassifier.$Shape;
        }

        namespace NeuralNetworkClassifier {

            /** Properties of a NeuralNetworkClassifier. */
            interface $Properties {

                /** NeuralNetworkClassifier layers */
                layers?: (CoreML.Specification.NeuralNetworkLayer.$Properties[]|null);

                /** NeuralNetworkClassifier labelProbabilityLayerName */
                labelProbabilityLayerName?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NeuralNetworkClassifier. */
            type $Shape = {
              layers?: CoreML.Specification.NeuralNetworkLayer.$Shape[]|null;
              labelProbabilityLayerName?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a NeuralNetworkRegressor.
         * @deprecated Use CoreML.Specification.NeuralNetworkRegressor.$Properties instead.
         */
        interface INeuralNetworkRegressor extends CoreML.Specification.NeuralNetworkRegressor.$Properties {
        }

        /** Represents a NeuralNetworkRegressor. */
        class NeuralNetworkRegressor {

            /**
             * Constructs a new NeuralNetworkRegressor.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.NeuralNetworkRegressor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NeuralNetworkRegressor layers. */
            layers: CoreML.Specification.NeuralNetworkLayer.$Properties[];

            /**
             * Decodes a NeuralNetworkRegressor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.NeuralNetworkRegressor & CoreML.Specification.NeuralNetworkRegressor.$Shape} NeuralNetworkRegressor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.NeuralNetworkRegressor & CoreML.Specification.NeuralNetworkRegressor.$Shape;
        }

        namespace NeuralNetworkRegressor {

            /** Properties of a NeuralNetworkRegressor. */
            interface $Properties {

                /** NeuralNetworkRegressor layers */
                layers?: (CoreML.Specification.NeuralNetworkLayer.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NeuralNetworkRegressor. */
            type $Shape = {
              layers?: CoreML.Specification.NeuralNetworkLayer.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CustomModel.
         * @deprecated Use CoreML.Specification.CustomModel.$Properties instead.
         */
        interface ICustomModel extends CoreML.Specification.CustomModel.$Properties {
        }

        /** Represents a CustomModel. */
        class CustomModel {

            /**
             * Constructs a new CustomModel.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.CustomModel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CustomModel className. */
            className: string;

            /** CustomModel parameters. */
            parameters: { [k: string]: CoreML.Specification.CustomModel.CustomModelParamValue.$Properties };

            /** CustomModel description. */
            description: string;

            /**
             * Decodes a CustomModel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.CustomModel & CoreML.Specification.CustomModel.$Shape} CustomModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.CustomModel & CoreML.Specification.CustomModel.$Shape;
        }

        namespace CustomModel {

            /** Properties of a CustomModel. */
            interface $Properties {

                /** CustomModel className */
                className?: (string|null);

                /** CustomModel parameters */
                parameters?: ({ [k: string]: CoreML.Specification.CustomModel.CustomModelParamValue.$Properties }|null);

                /** CustomModel description */
                description?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CustomModel. */
            type $Shape = {
              className?: string|null;
              parameters?: { [k: string]: CoreML.Specification.CustomModel.CustomModelParamValue.$Shape }|null;
              description?: string|null;
              $unknowns?: Uint8Array[];
            };

            /**
             * Properties of a CustomModelParamValue.
             * @deprecated Use CoreML.Specification.CustomModel.CustomModelParamValue.$Properties instead.
             */
            interface ICustomModelParamValue extends CoreML.Specification.CustomModel.CustomModelParamValue.$Properties {
            }

            /** Represents a CustomModelParamValue. */
            class CustomModelParamValue {

                /**
                 * Constructs a new CustomModelParamValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.CustomModel.CustomModelParamValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CustomModelParamValue doubleValue. */
                doubleValue?: (number|null);

                /** CustomModelParamValue stringValue. */
                stringValue?: (string|null);

                /** CustomModelParamValue intValue. */
                intValue?: (number|null);

                /** CustomModelParamValue longValue. */
                longValue?: (number|Long|null);

                /** CustomModelParamValue boolValue. */
                boolValue?: (boolean|null);

                /** CustomModelParamValue bytesValue. */
                bytesValue?: (Uint8Array|null);

                /** CustomModelParamValue value. */
                value?: ("doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"|"bytesValue");

                /**
                 * Decodes a CustomModelParamValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.CustomModel.CustomModelParamValue & CoreML.Specification.CustomModel.CustomModelParamValue.$Shape} CustomModelParamValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.CustomModel.CustomModelParamValue & CoreML.Specification.CustomModel.CustomModelParamValue.$Shape;
            }

            namespace CustomModelParamValue {

                /** Properties of a CustomModelParamValue. */
                interface $Properties {

                    /** CustomModelParamValue doubleValue */
                    doubleValue?: (number|null);

                    /** CustomModelParamValue stringValue */
                    stringValue?: (string|null);

                    /** CustomModelParamValue intValue */
                    intValue?: (number|null);

                    /** CustomModelParamValue longValue */
                    longValue?: (number|Long|null);

                    /** CustomModelParamValue boolValue */
                    boolValue?: (boolean|null);

                    /** CustomModelParamValue bytesValue */
                    bytesValue?: (Uint8Array|null);

                    /** CustomModelParamValue value */
                    value?: ("doubleValue"|"stringValue"|"intValue"|"longValue"|"boolValue"|"bytesValue");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a CustomModelParamValue. */
                type $Shape = {
                  doubleValue?: number|null;
                  stringValue?: string|null;
                  intValue?: number|null;
                  longValue?: number|Long|null;
                  boolValue?: boolean|null;
                  bytesValue?: Uint8Array|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "doubleValue"; doubleValue: number; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "stringValue"; doubleValue?: null; stringValue: string; intValue?: null; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "intValue"; doubleValue?: null; stringValue?: null; intValue: number; longValue?: null; boolValue?: null; bytesValue?: null }|{ value?: "longValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue: number|Long; boolValue?: null; bytesValue?: null }|{ value?: "boolValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue: boolean; bytesValue?: null }|{ value?: "bytesValue"; doubleValue?: null; stringValue?: null; intValue?: null; longValue?: null; boolValue?: null; bytesValue: Uint8Array })
                );
            }
        }

        /**
         * Properties of a LinkedModel.
         * @deprecated Use CoreML.Specification.LinkedModel.$Properties instead.
         */
        interface ILinkedModel extends CoreML.Specification.LinkedModel.$Properties {
        }

        /** Represents a LinkedModel. */
        class LinkedModel {

            /**
             * Constructs a new LinkedModel.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.LinkedModel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkedModel linkedModelFile. */
            linkedModelFile?: (CoreML.Specification.LinkedModelFile.$Properties|null);

            /** LinkedModel LinkType. */
            LinkType?: "linkedModelFile";

            /**
             * Decodes a LinkedModel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.LinkedModel & CoreML.Specification.LinkedModel.$Shape} LinkedModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.LinkedModel & CoreML.Specification.LinkedModel.$Shape;
        }

        namespace LinkedModel {

            /** Properties of a LinkedModel. */
            interface $Properties {

                /** LinkedModel linkedModelFile */
                linkedModelFile?: (CoreML.Specification.LinkedModelFile.$Properties|null);

                /** LinkedModel LinkType */
                LinkType?: "linkedModelFile";

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a LinkedModel. */
            type $Shape = {
              linkedModelFile?: CoreML.Specification.LinkedModelFile.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ LinkType?: undefined; linkedModelFile?: null }|{ LinkType?: "linkedModelFile"; linkedModelFile: CoreML.Specification.LinkedModelFile.$Shape })
            );
        }

        /**
         * Properties of a LinkedModelFile.
         * @deprecated Use CoreML.Specification.LinkedModelFile.$Properties instead.
         */
        interface ILinkedModelFile extends CoreML.Specification.LinkedModelFile.$Properties {
        }

        /** Represents a LinkedModelFile. */
        class LinkedModelFile {

            /**
             * Constructs a new LinkedModelFile.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.LinkedModelFile.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkedModelFile linkedModelFileName. */
            linkedModelFileName?: (CoreML.Specification.StringParameter.$Properties|null);

            /** LinkedModelFile linkedModelSearchPath. */
            linkedModelSearchPath?: (CoreML.Specification.StringParameter.$Properties|null);

            /**
             * Decodes a LinkedModelFile message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.LinkedModelFile & CoreML.Specification.LinkedModelFile.$Shape} LinkedModelFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.LinkedModelFile & CoreML.Specification.LinkedModelFile.$Shape;
        }

        namespace LinkedModelFile {

            /** Properties of a LinkedModelFile. */
            interface $Properties {

                /** LinkedModelFile linkedModelFileName */
                linkedModelFileName?: (CoreML.Specification.StringParameter.$Properties|null);

                /** LinkedModelFile linkedModelSearchPath */
                linkedModelSearchPath?: (CoreML.Specification.StringParameter.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LinkedModelFile. */
            type $Shape = CoreML.Specification.LinkedModelFile.$Properties;
        }

        /**
         * Properties of a StringParameter.
         * @deprecated Use CoreML.Specification.StringParameter.$Properties instead.
         */
        interface IStringParameter extends CoreML.Specification.StringParameter.$Properties {
        }

        /** Represents a StringParameter. */
        class StringParameter {

            /**
             * Constructs a new StringParameter.
             * @param [properties] Properties to set
             */
            constructor(properties?: CoreML.Specification.StringParameter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StringParameter defaultValue. */
            defaultValue: string;

            /**
             * Decodes a StringParameter message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {CoreML.Specification.StringParameter & CoreML.Specification.StringParameter.$Shape} StringParameter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.StringParameter & CoreML.Specification.StringParameter.$Shape;
        }

        namespace StringParameter {

            /** Properties of a StringParameter. */
            interface $Properties {

                /** StringParameter defaultValue */
                defaultValue?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StringParameter. */
            type $Shape = CoreML.Specification.StringParameter.$Properties;
        }

        /** Namespace MILSpec. */
        namespace MILSpec {

            /**
             * Properties of a Program.
             * @deprecated Use CoreML.Specification.MILSpec.Program.$Properties instead.
             */
            interface IProgram extends CoreML.Specification.MILSpec.Program.$Properties {
            }

            /** Represents a Program. */
            class Program {

                /**
                 * Constructs a new Program.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Program.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Program version. */
                version: (number|Long);

                /** Program functions. */
                functions: { [k: string]: CoreML.Specification.MILSpec.Function.$Properties };

                /** Program docString. */
                docString: string;

                /** Program attributes. */
                attributes: { [k: string]: CoreML.Specification.MILSpec.Value.$Properties };

                /**
                 * Decodes a Program message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Program & CoreML.Specification.MILSpec.Program.$Shape} Program
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Program & CoreML.Specification.MILSpec.Program.$Shape;
            }

            namespace Program {

                /** Properties of a Program. */
                interface $Properties {

                    /** Program version */
                    version?: (number|Long|null);

                    /** Program functions */
                    functions?: ({ [k: string]: CoreML.Specification.MILSpec.Function.$Properties }|null);

                    /** Program docString */
                    docString?: (string|null);

                    /** Program attributes */
                    attributes?: ({ [k: string]: CoreML.Specification.MILSpec.Value.$Properties }|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Program. */
                type $Shape = {
                  version?: number|Long|null;
                  functions?: { [k: string]: CoreML.Specification.MILSpec.Function.$Shape }|null;
                  docString?: string|null;
                  attributes?: { [k: string]: CoreML.Specification.MILSpec.Value.$Shape }|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Function.
             * @deprecated Use CoreML.Specification.MILSpec.Function.$Properties instead.
             */
            interface IFunction extends CoreML.Specification.MILSpec.Function.$Properties {
            }

            /** Represents a Function. */
            class Function {

                /**
                 * Constructs a new Function.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Function.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Function opset. */
                opset: string;

                /** Function block_specializations. */
                block_specializations: { [k: string]: CoreML.Specification.MILSpec.Block.$Properties };

                /** Function attributes. */
                attributes: { [k: string]: CoreML.Specification.MILSpec.Value.$Properties };

                /**
                 * Decodes a Function message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Function & CoreML.Specification.MILSpec.Function.$Shape} Function
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Function & CoreML.Specification.MILSpec.Function.$Shape;
            }

            namespace Function {

                /** Properties of a Function. */
                interface $Properties {

                    /** Function opset */
                    opset?: (string|null);

                    /** Function block_specializations */
                    block_specializations?: ({ [k: string]: CoreML.Specification.MILSpec.Block.$Properties }|null);

                    /** Function attributes */
                    attributes?: ({ [k: string]: CoreML.Specification.MILSpec.Value.$Properties }|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Function. */
                type $Shape = {
                  opset?: string|null;
                  block_specializations?: { [k: string]: CoreML.Specification.MILSpec.Block.$Shape }|null;
                  attributes?: { [k: string]: CoreML.Specification.MILSpec.Value.$Shape }|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Block.
             * @deprecated Use CoreML.Specification.MILSpec.Block.$Properties instead.
             */
            interface IBlock extends CoreML.Specification.MILSpec.Block.$Properties {
            }

            /** Represents a Block. */
            class Block {

                /**
                 * Constructs a new Block.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Block.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Block outputs. */
                outputs: string[];

                /** Block operations. */
                operations: CoreML.Specification.MILSpec.Operation.$Properties[];

                /** Block attributes. */
                attributes: { [k: string]: CoreML.Specification.MILSpec.Value.$Properties };

                /**
                 * Decodes a Block message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Block & CoreML.Specification.MILSpec.Block.$Shape} Block
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Block & CoreML.Specification.MILSpec.Block.$Shape;
            }

            namespace Block {

                /** Properties of a Block. */
                interface $Properties {

                    /** Block outputs */
                    outputs?: (string[]|null);

                    /** Block operations */
                    operations?: (CoreML.Specification.MILSpec.Operation.$Properties[]|null);

                    /** Block attributes */
                    attributes?: ({ [k: string]: CoreML.Specification.MILSpec.Value.$Properties }|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Block. */
                type $Shape = {
                  outputs?: string[]|null;
                  operations?: CoreML.Specification.MILSpec.Operation.$Shape[]|null;
                  attributes?: { [k: string]: CoreML.Specification.MILSpec.Value.$Shape }|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of an Argument.
             * @deprecated Use CoreML.Specification.MILSpec.Argument.$Properties instead.
             */
            interface IArgument extends CoreML.Specification.MILSpec.Argument.$Properties {
            }

            /** Represents an Argument. */
            class Argument {

                /**
                 * Constructs a new Argument.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Argument.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Argument arguments. */
                arguments: CoreML.Specification.MILSpec.Argument.Binding.$Properties[];

                /**
                 * Decodes an Argument message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Argument & CoreML.Specification.MILSpec.Argument.$Shape} Argument
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Argument & CoreML.Specification.MILSpec.Argument.$Shape;
            }

            namespace Argument {

                /** Properties of an Argument. */
                interface $Properties {

                    /** Argument arguments */
                    "arguments"?: (CoreML.Specification.MILSpec.Argument.Binding.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Argument. */
                type $Shape = {
                  "arguments"?: CoreML.Specification.MILSpec.Argument.Binding.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };

                /**
                 * Properties of a Binding.
                 * @deprecated Use CoreML.Specification.MILSpec.Argument.Binding.$Properties instead.
                 */
                interface IBinding extends CoreML.Specification.MILSpec.Argument.Binding.$Properties {
                }

                /** Represents a Binding. */
                class Binding {

                    /**
                     * Constructs a new Binding.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: CoreML.Specification.MILSpec.Argument.Binding.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** Binding name. */
                    name?: (string|null);

                    /** Binding value. */
                    value?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                    /** Binding binding. */
                    binding?: ("name"|"value");

                    /**
                     * Decodes a Binding message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Argument.Binding & CoreML.Specification.MILSpec.Argument.Binding.$Shape} Binding
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Argument.Binding & CoreML.Specification.MILSpec.Argument.Binding.$Shape;
                }

                namespace Binding {

                    /** Properties of a Binding. */
                    interface $Properties {

                        /** Binding name */
                        name?: (string|null);

                        /** Binding value */
                        value?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                        /** Binding binding */
                        binding?: ("name"|"value");

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Narrowed shape of a Binding. */
                    type $Shape = {
                      name?: string|null;
                      value?: CoreML.Specification.MILSpec.Value.$Shape|null;
                      $unknowns?: Uint8Array[];
                    } & (
                      ({ binding?: undefined; name?: null; value?: null }|{ binding?: "name"; name: string; value?: null }|{ binding?: "value"; name?: null; value: CoreML.Specification.MILSpec.Value.$Shape })
                    );
                }
            }

            /**
             * Properties of an Operation.
             * @deprecated Use CoreML.Specification.MILSpec.Operation.$Properties instead.
             */
            interface IOperation extends CoreML.Specification.MILSpec.Operation.$Properties {
            }

            /** Represents an Operation. */
            class Operation {

                /**
                 * Constructs a new Operation.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Operation.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Operation type. */
                type: string;

                /** Operation inputs. */
                inputs: { [k: string]: CoreML.Specification.MILSpec.Argument.$Properties };

                /** Operation blocks. */
                blocks: CoreML.Specification.MILSpec.Block.$Properties[];

                /** Operation attributes. */
                attributes: { [k: string]: CoreML.Specification.MILSpec.Value.$Properties };

                /**
                 * Decodes an Operation message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Operation & CoreML.Specification.MILSpec.Operation.$Shape} Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Operation & CoreML.Specification.MILSpec.Operation.$Shape;
            }

            namespace Operation {

                /** Properties of an Operation. */
                interface $Properties {

                    /** Operation type */
                    type?: (string|null);

                    /** Operation inputs */
                    inputs?: ({ [k: string]: CoreML.Specification.MILSpec.Argument.$Properties }|null);

                    /** Operation blocks */
                    blocks?: (CoreML.Specification.MILSpec.Block.$Properties[]|null);

                    /** Operation attributes */
                    attributes?: ({ [k: string]: CoreML.Specification.MILSpec.Value.$Properties }|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Operation. */
                type $Shape = {
                  type?: string|null;
                  inputs?: { [k: string]: CoreML.Specification.MILSpec.Argument.$Shape }|null;
                  blocks?: CoreML.Specification.MILSpec.Block.$Shape[]|null;
                  attributes?: { [k: string]: CoreML.Specification.MILSpec.Value.$Shape }|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Value.
             * @deprecated Use CoreML.Specification.MILSpec.Value.$Properties instead.
             */
            interface IValue extends CoreML.Specification.MILSpec.Value.$Properties {
            }

            /** Represents a Value. */
            class Value {

                /**
                 * Constructs a new Value.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.Value.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Value docString. */
                docString: string;

                /** Value immediateValue. */
                immediateValue?: (CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties|null);

                /** Value blobFileValue. */
                blobFileValue?: (CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties|null);

                /** Value value. */
                value?: ("immediateValue"|"blobFileValue");

                /**
                 * Decodes a Value message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.Value & CoreML.Specification.MILSpec.Value.$Shape} Value
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Value & CoreML.Specification.MILSpec.Value.$Shape;
            }

            namespace Value {

                /** Properties of a Value. */
                interface $Properties {

                    /** Value docString */
                    docString?: (string|null);

                    /** Value immediateValue */
                    immediateValue?: (CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties|null);

                    /** Value blobFileValue */
                    blobFileValue?: (CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties|null);

                    /** Value value */
                    value?: ("immediateValue"|"blobFileValue");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a Value. */
                type $Shape = {
                  docString?: string|null;
                  immediateValue?: CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape|null;
                  blobFileValue?: CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; immediateValue?: null; blobFileValue?: null }|{ value?: "immediateValue"; immediateValue: CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape; blobFileValue?: null }|{ value?: "blobFileValue"; immediateValue?: null; blobFileValue: CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape })
                );

                /**
                 * Properties of an ImmediateValue.
                 * @deprecated Use CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties instead.
                 */
                interface IImmediateValue extends CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties {
                }

                /** Represents an ImmediateValue. */
                class ImmediateValue {

                    /**
                     * Constructs a new ImmediateValue.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: CoreML.Specification.MILSpec.Value.ImmediateValue.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ImmediateValue tensor. */
                    tensor?: (CoreML.Specification.MILSpec.TensorValue.$Properties|null);

                    /** ImmediateValue tuple. */
                    tuple?: (CoreML.Specification.MILSpec.TupleValue.$Properties|null);

                    /** ImmediateValue list. */
                    list?: (CoreML.Specification.MILSpec.ListValue.$Properties|null);

                    /** ImmediateValue dictionary. */
                    dictionary?: (CoreML.Specification.MILSpec.DictionaryValue.$Properties|null);

                    /** ImmediateValue value. */
                    value?: ("tensor"|"tuple"|"list"|"dictionary");

                    /**
                     * Decodes an ImmediateValue message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Value.ImmediateValue & CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape} ImmediateValue
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Value.ImmediateValue & CoreML.Specification.MILSpec.Value.ImmediateValue.$Shape;
                }

                namespace ImmediateValue {

                    /** Properties of an ImmediateValue. */
                    interface $Properties {

                        /** ImmediateValue tensor */
                        tensor?: (CoreML.Specification.MILSpec.TensorValue.$Properties|null);

                        /** ImmediateValue tuple */
                        tuple?: (CoreML.Specification.MILSpec.TupleValue.$Properties|null);

                        /** ImmediateValue list */
                        list?: (CoreML.Specification.MILSpec.ListValue.$Properties|null);

                        /** ImmediateValue dictionary */
                        dictionary?: (CoreML.Specification.MILSpec.DictionaryValue.$Properties|null);

                        /** ImmediateValue value */
                        value?: ("tensor"|"tuple"|"list"|"dictionary");

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Narrowed shape of an ImmediateValue. */
                    type $Shape = {
                      tensor?: CoreML.Specification.MILSpec.TensorValue.$Shape|null;
                      tuple?: CoreML.Specification.MILSpec.TupleValue.$Shape|null;
                      list?: CoreML.Specification.MILSpec.ListValue.$Shape|null;
                      dictionary?: CoreML.Specification.MILSpec.DictionaryValue.$Shape|null;
                      $unknowns?: Uint8Array[];
                    } & (
                      ({ value?: undefined; tensor?: null; tuple?: null; list?: null; dictionary?: null }|{ value?: "tensor"; tensor: CoreML.Specification.MILSpec.TensorValue.$Shape; tuple?: null; list?: null; dictionary?: null }|{ value?: "tuple"; tensor?: null; tuple: CoreML.Specification.MILSpec.TupleValue.$Shape; list?: null; dictionary?: null }|{ value?: "list"; tensor?: null; tuple?: null; list: CoreML.Specification.MILSpec.ListValue.$Shape; dictionary?: null }|{ value?: "dictionary"; tensor?: null; tuple?: null; list?: null; dictionary: CoreML.Specification.MILSpec.DictionaryValue.$Shape })
                    );
                }

                /**
                 * Properties of a BlobFileValue.
                 * @deprecated Use CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties instead.
                 */
                interface IBlobFileValue extends CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties {
                }

                /** Represents a BlobFileValue. */
                class BlobFileValue {

                    /**
                     * Constructs a new BlobFileValue.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** BlobFileValue fileName. */
                    fileName: string;

                    /** BlobFileValue offset. */
                    offset: (number|Long);

                    /**
                     * Decodes a BlobFileValue message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.Value.BlobFileValue & CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape} BlobFileValue
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.Value.BlobFileValue & CoreML.Specification.MILSpec.Value.BlobFileValue.$Shape;
                }

                namespace BlobFileValue {

                    /** Properties of a BlobFileValue. */
                    interface $Properties {

                        /** BlobFileValue fileName */
                        fileName?: (string|null);

                        /** BlobFileValue offset */
                        offset?: (number|Long|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a BlobFileValue. */
                    type $Shape = CoreML.Specification.MILSpec.Value.BlobFileValue.$Properties;
                }
            }

            /**
             * Properties of a TensorValue.
             * @deprecated Use CoreML.Specification.MILSpec.TensorValue.$Properties instead.
             */
            interface ITensorValue extends CoreML.Specification.MILSpec.TensorValue.$Properties {
            }

            /** Represents a TensorValue. */
            class TensorValue {

                /**
                 * Constructs a new TensorValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.TensorValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TensorValue strings. */
                strings?: (CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties|null);

                /** TensorValue value. */
                value?: "strings";

                /**
                 * Decodes a TensorValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.TensorValue & CoreML.Specification.MILSpec.TensorValue.$Shape} TensorValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.TensorValue & CoreML.Specification.MILSpec.TensorValue.$Shape;
            }

            namespace TensorValue {

                /** Properties of a TensorValue. */
                interface $Properties {

                    /** TensorValue strings */
                    strings?: (CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties|null);

                    /** TensorValue value */
                    value?: "strings";

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a TensorValue. */
                type $Shape = {
                  strings?: CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; strings?: null }|{ value?: "strings"; strings: CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape })
                );

                /**
                 * Properties of a RepeatedStrings.
                 * @deprecated Use CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties instead.
                 */
                interface IRepeatedStrings extends CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties {
                }

                /** Represents a RepeatedStrings. */
                class RepeatedStrings {

                    /**
                     * Constructs a new RepeatedStrings.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** RepeatedStrings values. */
                    values: string[];

                    /**
                     * Decodes a RepeatedStrings message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.TensorValue.RepeatedStrings & CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape} RepeatedStrings
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.TensorValue.RepeatedStrings & CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Shape;
                }

                namespace RepeatedStrings {

                    /** Properties of a RepeatedStrings. */
                    interface $Properties {

                        /** RepeatedStrings values */
                        values?: (string[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a RepeatedStrings. */
                    type $Shape = CoreML.Specification.MILSpec.TensorValue.RepeatedStrings.$Properties;
                }
            }

            /**
             * Properties of a TupleValue.
             * @deprecated Use CoreML.Specification.MILSpec.TupleValue.$Properties instead.
             */
            interface ITupleValue extends CoreML.Specification.MILSpec.TupleValue.$Properties {
            }

            /** Represents a TupleValue. */
            class TupleValue {

                /**
                 * Constructs a new TupleValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.TupleValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TupleValue values. */
                values: CoreML.Specification.MILSpec.Value.$Properties[];

                /**
                 * Decodes a TupleValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.TupleValue & CoreML.Specification.MILSpec.TupleValue.$Shape} TupleValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.TupleValue & CoreML.Specification.MILSpec.TupleValue.$Shape;
            }

            namespace TupleValue {

                /** Properties of a TupleValue. */
                interface $Properties {

                    /** TupleValue values */
                    values?: (CoreML.Specification.MILSpec.Value.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TupleValue. */
                type $Shape = {
                  values?: CoreML.Specification.MILSpec.Value.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a ListValue.
             * @deprecated Use CoreML.Specification.MILSpec.ListValue.$Properties instead.
             */
            interface IListValue extends CoreML.Specification.MILSpec.ListValue.$Properties {
            }

            /** Represents a ListValue. */
            class ListValue {

                /**
                 * Constructs a new ListValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.ListValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ListValue values. */
                values: CoreML.Specification.MILSpec.Value.$Properties[];

                /**
                 * Decodes a ListValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.ListValue & CoreML.Specification.MILSpec.ListValue.$Shape} ListValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.ListValue & CoreML.Specification.MILSpec.ListValue.$Shape;
            }

            namespace ListValue {

                /** Properties of a ListValue. */
                interface $Properties {

                    /** ListValue values */
                    values?: (CoreML.Specification.MILSpec.Value.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ListValue. */
                type $Shape = {
                  values?: CoreML.Specification.MILSpec.Value.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a DictionaryValue.
             * @deprecated Use CoreML.Specification.MILSpec.DictionaryValue.$Properties instead.
             */
            interface IDictionaryValue extends CoreML.Specification.MILSpec.DictionaryValue.$Properties {
            }

            /** Represents a DictionaryValue. */
            class DictionaryValue {

                /**
                 * Constructs a new DictionaryValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: CoreML.Specification.MILSpec.DictionaryValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DictionaryValue values. */
                values: CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties[];

                /**
                 * Decodes a DictionaryValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {CoreML.Specification.MILSpec.DictionaryValue & CoreML.Specification.MILSpec.DictionaryValue.$Shape} DictionaryValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.DictionaryValue & CoreML.Specification.MILSpec.DictionaryValue.$Shape;
            }

            namespace DictionaryValue {

                /** Properties of a DictionaryValue. */
                interface $Properties {

                    /** DictionaryValue values */
                    values?: (CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DictionaryValue. */
                type $Shape = {
                  values?: CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };

                /**
                 * Properties of a KeyValuePair.
                 * @deprecated Use CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties instead.
                 */
                interface IKeyValuePair extends CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties {
                }

                /** Represents a KeyValuePair. */
                class KeyValuePair {

                    /**
                     * Constructs a new KeyValuePair.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** KeyValuePair key. */
                    key?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                    /** KeyValuePair value. */
                    value?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                    /**
                     * Decodes a KeyValuePair message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair & CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape} KeyValuePair
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair & CoreML.Specification.MILSpec.DictionaryValue.KeyValuePair.$Shape;
                }

                namespace KeyValuePair {

                    /** Properties of a KeyValuePair. */
                    interface $Properties {

                        /** KeyValuePair key */
                        key?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                        /** KeyValuePair value */
                        value?: (CoreML.Specification.MILSpec.Value.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a KeyValuePair. */
                    type $Shape = {
                      key?: CoreML.Specification.MILSpec.Value.$Shape|null;
                      value?: CoreML.Specification.MILSpec.Value.$Shape|null;
                      $unknowns?: Uint8Array[];
                    };
                }
            }
        }
    }
}
