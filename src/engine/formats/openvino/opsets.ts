// Operation types of OpenVINO's public opsets 1..16, as listed in the opset tables of the OpenVINO
// source (src/core/include/openvino/opsets/opsetN_tbl.hpp, union over N). The IR names each layer
// with type="<op>" version="opsetN"; "Const" is how the IR serializer spells Constant. A layer whose
// type is not in this set (or whose version is not a public opset) needs an extension library the
// application registers (core.add_extension(path)): that library is native code run at load time.
export const OPSET_VERSION = /^opset([1-9]|1[0-9])$/;

/** Versions the runtime itself defines for ops inserted by its own transformations (not extensions). */
export const INTERNAL_VERSIONS: ReadonlySet<string> = new Set(['internal', 'ie_internal_opset', 'ov_internal', 'experimental', 'type_relaxed_opset']);

export const OPSET_OPS: ReadonlySet<string> = new Set(`
Abs Acos Acosh AdaptiveAvgPool AdaptiveMaxPool Add Asin Asinh Assign Atan Atanh AvgPool BatchNormInference
BatchToSpace BinaryConvolution BitwiseAnd BitwiseLeftShift BitwiseNot BitwiseOr BitwiseRightShift BitwiseXor
Broadcast Bucketize CTCGreedyDecoder CTCGreedyDecoderSeqLen CTCLoss Ceiling Clamp Col2Im Concat Const Constant
Convert ConvertLike ConvertPromoteTypes Convolution ConvolutionBackpropData Cos Cosh CumSum DFT
DeformableConvolution DeformablePSROIPooling DepthToSpace DetectionOutput Divide Einsum Elu
EmbeddingBagOffsets EmbeddingBagOffsetsSum EmbeddingBagPacked EmbeddingBagPackedSum EmbeddingSegmentsSum Equal
Erf Exp ExperimentalDetectronDetectionOutput ExperimentalDetectronGenerateProposalsSingleImage
ExperimentalDetectronPriorGridGenerator ExperimentalDetectronROIFeatureExtractor ExperimentalDetectronTopKROIs
ExtractImagePatches Eye FakeConvert FakeQuantize Floor FloorMod GRN GRUCell GRUSequence Gather GatherElements
GatherND GatherTree Gelu GenerateProposals Greater GreaterEqual GridSample GroupConvolution
GroupConvolutionBackpropData GroupNormalization HSigmoid HSwish HardSigmoid I420toBGR I420toRGB IDFT IRDFT
ISTFT Identity If Interpolate Inverse IsFinite IsInf IsNaN LRN LSTMCell LSTMSequence Less LessEqual Log
LogSoftmax LogicalAnd LogicalNot LogicalOr LogicalXor Loop MOE MVN MatMul MatrixNms MaxPool Maximum Minimum
Mish Mod MulticlassNms Multinomial Multiply NMSRotated NV12toBGR NV12toRGB Negative NonMaxSuppression NonZero
NormalizeL2 NotEqual OneHot PRelu PSROIPooling Pad Parameter Power PriorBox PriorBoxClustered Proposal RDFT
RNNCell RNNSequence ROIAlign ROIAlignRotated ROIPooling RandomUniform Range ReadValue ReduceL1 ReduceL2
ReduceLogicalAnd ReduceLogicalOr ReduceMax ReduceMean ReduceMin ReduceProd ReduceSum RegionYolo ReorgYolo
Reshape Result Reverse ReverseSequence Roll Round STFT ScaledDotProductAttention ScatterElementsUpdate
ScatterNDUpdate ScatterUpdate SearchSorted SegmentMax Select Selu ShapeOf ShuffleChannels Sigmoid Sign Sin
Sinh Slice SliceScatter SoftPlus SoftSign Softmax SpaceToBatch SpaceToDepth SparseConv SparseFillEmptyRows
Split Sqrt SquaredDifference Squeeze StridedSlice StringTensorPack StringTensorUnpack Subtract Swish STFT Tan
Tanh TensorIterator Tile TopK Transpose Unique Unsqueeze VariadicSplit Xor
`.trim().split(/\s+/));
