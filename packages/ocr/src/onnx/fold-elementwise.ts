/**
 * PaddleOCR's PP-OCRv4 models, as exported by paddle2onnx, spell each
 * activation of their PP-LCNetV3 backbone as elementwise steps: a hard swish
 * as Add 3 → Clip 0..6 → Mul → Div 6, and a learnable scale and shift
 * (Mul by one number, Add one number) after every convolution and every
 * activation. ONNX Runtime fuses none of them into its blocked (NCHWc)
 * convolutions, and a scalar Mul or Add even sends the tensor out of the
 * blocked layout and back (a reorder each way). These rewrites say the same
 * arithmetic in the forms the runtime fuses:
 *
 * - hard swish as x · HardSigmoid(x) (α = 1/6, β = ½), fused into the convolution before it;
 * - a scale and shift right after a convolution folded into its weights and bias;
 * - a scale and shift right before a 1×1 convolution without padding folded into that
 *   convolution's weights and bias (with padding, the border would see the shift where
 *   it saw zeros, so only 1×1 is exact);
 * - any other scale and shift after a convolution's output as a BatchNormalization
 *   (scale s, bias b, mean 0, variance 1, ε 0), which the runtime keeps blocked.
 *
 * Each is exact up to float rounding (the recogniser's probabilities differ by
 * ~1e-7). Measured on a 200-dpi page's 138 lines (2026-12-05, one thread):
 * recognition 1.1 s → 0.77 s of CPU, detection 0.82 s → 0.6 s.
 */
import { floatAttribute, type OnnxModel, type OnnxNode, type OnnxTensor } from "./model.ts";

export interface FoldCounts {
  hardSwish: number;
  intoConvBefore: number;
  intoConvAfter: number;
  batchNorm: number;
  unusedConstants: number;
}

/** Ops a tensor passes through without changing its channel count (to find a tensor's channels from the convolution that made it). */
const CHANNEL_PRESERVING = new Set(["Add", "Mul", "Div", "Sub", "Clip", "Relu", "HardSigmoid", "Sigmoid", "BatchNormalization"]);

interface GraphIndex {
  producer: Map<string, OnnxNode>;
  consumers: Map<string, OnnxNode[]>;
}

function indexGraph(model: OnnxModel): GraphIndex {
  const producer = new Map<string, OnnxNode>(), consumers = new Map<string, OnnxNode[]>();
  for (const n of model.nodes) {
    for (const o of n.outputs) producer.set(o, n);
    for (const i of n.inputs) {
      const list = consumers.get(i);
      if (list) list.push(n);
      else consumers.set(i, [n]);
    }
  }
  return { producer, consumers };
}

export function foldElementwise(model: OnnxModel): FoldCounts {
  const counts: FoldCounts = { hardSwish: 0, intoConvBefore: 0, intoConvAfter: 0, batchNorm: 0, unusedConstants: 0 };
  const removed = new Set<OnnxNode>();
  const step = (rewrite: (n: OnnxNode, g: GraphIndex) => boolean, key: keyof FoldCounts) => {
    const g = indexGraph(model);
    for (const n of model.nodes) if (!removed.has(n) && rewrite(n, g)) counts[key]++;
    model.nodes = model.nodes.filter((n) => !removed.has(n));
    removed.clear();
  };
  const ctx = { model, removed };
  step((n, g) => hardSwishAsHardSigmoid(ctx, n, g), "hardSwish");
  step((n, g) => scaleShiftIntoConvBefore(ctx, n, g), "intoConvBefore");
  step((n, g) => scaleShiftIntoConvAfter(ctx, n, g), "intoConvAfter");
  step((n, g) => scaleShiftAsBatchNorm(ctx, n, g), "batchNorm");
  // The scalars folded away: the runtime would warn of each unused one.
  step((n, g) => dropUnusedConstant(ctx, n, g), "unusedConstants");
  return counts;
}

interface Context {
  model: OnnxModel;
  removed: Set<OnnxNode>;
}

function dropUnusedConstant(ctx: Context, n: OnnxNode, g: GraphIndex): boolean {
  if (n.opType !== "Constant" || n.outputs.some((o) => g.consumers.has(o) || ctx.model.graphOutputs.has(o))) return false;
  ctx.removed.add(n);
  return true;
}

function scalar(model: OnnxModel, name: string): number | null {
  const t = model.constants.get(name);
  return t && t.values.length === 1 ? t.values[0]! : null;
}

/** The only consumer of `tensor`, unless the graph outputs it. */
function soleConsumer(ctx: Context, g: GraphIndex, tensor: string): OnnxNode | null {
  const c = g.consumers.get(tensor);
  return c?.length === 1 && !ctx.model.graphOutputs.has(tensor) && !ctx.removed.has(c[0]!) ? c[0]! : null;
}

/** A binary node with one scalar constant input: the other input and the scalar. */
function withScalar(ctx: Context, n: OnnxNode, opType: string): { input: string; value: number } | null {
  if (n.opType !== opType || n.domain !== "" || n.inputs.length !== 2) return null;
  for (const k of [0, 1]) {
    const value = scalar(ctx.model, n.inputs[k]!);
    if (value !== null && scalar(ctx.model, n.inputs[1 - k]!) === null) return { input: n.inputs[1 - k]!, value };
  }
  return null;
}

function clipsToZeroSix(ctx: Context, n: OnnxNode): boolean {
  if (n.opType !== "Clip") return false;
  const attr = (name: string) => n.attributes.find((a) => a.name === name)?.f;
  // Before opset 11 the bounds are attributes, from 11 on inputs.
  const min = n.inputs.length > 1 ? scalar(ctx.model, n.inputs[1]!) : attr("min");
  const max = n.inputs.length > 2 ? scalar(ctx.model, n.inputs[2]!) : attr("max");
  return min === 0 && max === 6;
}

/** Add 3 → Clip 0..6 → Mul by the Add's input → Div 6, anchored at the Add. */
function hardSwishAsHardSigmoid(ctx: Context, add: OnnxNode, g: GraphIndex): boolean {
  const shift = withScalar(ctx, add, "Add");
  if (!shift || shift.value !== 3) return false;
  const clip = soleConsumer(ctx, g, add.outputs[0]!);
  if (!clip || clip.inputs[0] !== add.outputs[0] || !clipsToZeroSix(ctx, clip)) return false;
  const mul = soleConsumer(ctx, g, clip.outputs[0]!);
  if (!mul || mul.opType !== "Mul" || !mul.inputs.includes(shift.input) || !mul.inputs.includes(clip.outputs[0]!)) return false;
  const div = soleConsumer(ctx, g, mul.outputs[0]!);
  const divisor = div && withScalar(ctx, div, "Div");
  if (!div || !divisor || divisor.value !== 6 || divisor.input !== mul.outputs[0] || div.inputs[0] !== mul.outputs[0]) return false;
  Object.assign(clip, { opType: "HardSigmoid", inputs: [shift.input], attributes: [floatAttribute("alpha", 1 / 6), floatAttribute("beta", 0.5)] });
  mul.outputs = [div.outputs[0]!];
  ctx.removed.add(add).add(div);
  return true;
}

/** A Mul by one number followed by an Add of one number, anchored at the Mul: input, scale, shift, the Add. */
function scaleShift(ctx: Context, mul: OnnxNode, g: GraphIndex): { input: string; scale: number; shift: number; add: OnnxNode } | null {
  const scale = withScalar(ctx, mul, "Mul");
  if (!scale) return null;
  const add = soleConsumer(ctx, g, mul.outputs[0]!);
  const shift = add && withScalar(ctx, add, "Add");
  if (!add || !shift || shift.input !== mul.outputs[0]) return null;
  return { input: scale.input, scale: scale.value, shift: shift.value, add };
}

/** A plain 2-D convolution's weights (O × I/group × kh × kw) and bias (made when it has none), when both are constants used by it alone. */
function convTensors(ctx: Context, conv: OnnxNode, g: GraphIndex): { weight: OnnxTensor; bias: OnnxTensor } | null {
  if (conv.opType !== "Conv" || conv.domain !== "" || conv.inputs.length < 2) return null;
  const weight = ctx.model.constants.get(conv.inputs[1]!);
  if (!weight || weight.dims.length !== 4 || g.consumers.get(conv.inputs[1]!)?.length !== 1) return null;
  const outChannels = weight.dims[0]!;
  if (conv.inputs.length >= 3) {
    const bias = ctx.model.constants.get(conv.inputs[2]!);
    return bias && bias.values.length === outChannels && g.consumers.get(conv.inputs[2]!)?.length === 1 ? { weight, bias } : null;
  }
  const bias = { name: `${conv.outputs[0]}_folded_bias`, dims: [outChannels], values: new Float32Array(outChannels) };
  ctx.model.added.push(bias);
  conv.inputs = [...conv.inputs, bias.name];
  return { weight, bias };
}

/** Conv → Mul s → Add b: the convolution's weights × s, its bias × s + b. */
function scaleShiftIntoConvBefore(ctx: Context, mul: OnnxNode, g: GraphIndex): boolean {
  const ss = scaleShift(ctx, mul, g);
  const conv = ss && g.producer.get(ss.input);
  if (!ss || !conv || soleConsumer(ctx, g, ss.input) !== mul) return false;
  const tensors = convTensors(ctx, conv, g);
  if (!tensors) return false;
  const { weight, bias } = tensors;
  for (let k = 0; k < weight.values.length; k++) weight.values[k] = weight.values[k]! * ss.scale;
  for (let k = 0; k < bias.values.length; k++) bias.values[k] = bias.values[k]! * ss.scale + ss.shift;
  conv.outputs = [ss.add.outputs[0]!];
  ctx.removed.add(mul).add(ss.add);
  return true;
}

function isUnpadded1x1(conv: OnnxNode): boolean {
  const attr = (name: string) => conv.attributes.find((a) => a.name === name);
  const kernel = attr("kernel_shape")?.ints;
  const pads = attr("pads")?.ints ?? [];
  const autoPad = attr("auto_pad");
  return kernel?.length === 2 && kernel[0] === 1 && kernel[1] === 1 && pads.every((p) => p === 0) && !autoPad;
}

/** Mul s → Add b → 1×1 Conv without padding: its weights × s, its bias + b · Σ weights of each output channel. */
function scaleShiftIntoConvAfter(ctx: Context, mul: OnnxNode, g: GraphIndex): boolean {
  const ss = scaleShift(ctx, mul, g);
  const conv = ss && soleConsumer(ctx, g, ss.add.outputs[0]!);
  if (!ss || !conv || conv.inputs[0] !== ss.add.outputs[0] || !isUnpadded1x1(conv)) return false;
  const tensors = convTensors(ctx, conv, g);
  if (!tensors) return false;
  const { weight, bias } = tensors;
  const perOutput = weight.values.length / weight.dims[0]!;
  for (let o = 0; o < weight.dims[0]!; o++) {
    let sum = 0;
    for (let k = o * perOutput; k < (o + 1) * perOutput; k++) {
      sum += weight.values[k]!;
      weight.values[k] = weight.values[k]! * ss.scale;
    }
    bias.values[o] = bias.values[o]! + ss.shift * sum;
  }
  conv.inputs = [ss.input, ...conv.inputs.slice(1)];
  ctx.removed.add(mul).add(ss.add);
  return true;
}

/** The channel count of a tensor made by a convolution, through ops that keep channels. */
function channelsOf(ctx: Context, g: GraphIndex, tensor: string): number | null {
  let name = tensor;
  for (let hops = 0; hops < 8; hops++) {
    const p = g.producer.get(name);
    if (!p) return null;
    if (p.opType === "Conv") return ctx.model.constants.get(p.inputs[1]!)?.dims[0] ?? null;
    if (!CHANNEL_PRESERVING.has(p.opType)) return null;
    // Follow the input that is not a constant (an elementwise op's tensor operand).
    const next = p.inputs.find((i) => !ctx.model.constants.has(i));
    if (!next) return null;
    name = next;
  }
  return null;
}

/** Mul s → Add b on a convolution's channels: a BatchNormalization with scale s, bias b, mean 0, variance 1, ε 0. */
function scaleShiftAsBatchNorm(ctx: Context, mul: OnnxNode, g: GraphIndex): boolean {
  const ss = scaleShift(ctx, mul, g);
  const channels = ss && channelsOf(ctx, g, ss.input);
  if (!ss || !channels) return false;
  const params = ([["scale", ss.scale], ["bias", ss.shift], ["mean", 0], ["var", 1]] as const).map(([what, v]) => ({
    name: `${ss.add.outputs[0]}_bn_${what}`, dims: [channels], values: new Float32Array(channels).fill(v),
  }));
  ctx.model.added.push(...params);
  Object.assign(mul, { opType: "BatchNormalization", inputs: [ss.input, ...params.map((p) => p.name)], outputs: ss.add.outputs, attributes: [floatAttribute("epsilon", 0)] });
  ctx.removed.add(ss.add);
  return true;
}
