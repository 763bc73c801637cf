/**
 * An ONNX model's graph as plain data to rewrite (onnx.proto's ModelProto,
 * GraphProto, NodeProto, AttributeProto and TensorProto, the fields a
 * rewrite reads), and back to bytes. Every field not read here is written
 * back as it came.
 */
import { type Field, floatField, lenField, packedVarints, type Part, readFields, stringField, textOf, toBytes, varintField, varintValue } from "./protobuf.ts";

/** A float tensor (TensorProto with data_type FLOAT); other tensors are never parsed. */
export interface OnnxTensor {
  name: string;
  dims: number[];
  values: Float32Array;
}

export interface OnnxAttribute {
  name: string;
  /** The AttributeProto as read, or built by `floatAttribute`. */
  raw: Uint8Array;
  f?: number;
  ints?: number[];
  /** A float tensor value (a Constant's `value`); edited in place, written back from here. */
  t?: OnnxTensor;
}

export interface OnnxNode {
  opType: string;
  name: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: OnnxAttribute[];
  /** Fields of the NodeProto not read here (doc_string …), as read. */
  other: Uint8Array[];
}

export interface OnnxModel {
  nodes: OnnxNode[];
  /** Float tensors by name: the graph's initializers and its Constant nodes' values. */
  constants: Map<string, OnnxTensor>;
  /** Initializers added by a rewrite. */
  added: OnnxTensor[];
  /** Names the graph outputs: a rewrite must keep them. */
  graphOutputs: Set<string>;
  /** Serialises the model with its current nodes and tensors. */
  encode(): Uint8Array;
}

// Field numbers of onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1, GRAPH_INITIALIZER = 5, GRAPH_OUTPUT = 12;
const VALUE_INFO_NAME = 1;
const NODE_INPUT = 1, NODE_OUTPUT = 2, NODE_NAME = 3, NODE_OP_TYPE = 4, NODE_ATTRIBUTE = 5, NODE_DOMAIN = 7;
const ATTR_NAME = 1, ATTR_F = 2, ATTR_T = 5, ATTR_INTS = 8, ATTR_TYPE = 20;
const ATTR_TYPE_FLOAT = 1, ATTR_TYPE_TENSOR = 4;
const TENSOR_DIMS = 1, TENSOR_DATA_TYPE = 2, TENSOR_FLOAT_DATA = 4, TENSOR_NAME = 8, TENSOR_RAW_DATA = 9;
const DATA_TYPE_FLOAT = 1;

function floatsOf(field: Field): number[] {
  const view = new DataView(field.value.buffer, field.value.byteOffset, field.value.byteLength);
  return Array.from({ length: field.value.byteLength >> 2 }, (_, k) => view.getFloat32(4 * k, true));
}

/** Repeated integers, packed (one LEN field) or not (one VARINT field each). */
function intsOf(fields: readonly Field[], no: number): number[] {
  return fields.filter((f) => f.no === no).flatMap((f) => (f.wire === 2 ? packedVarints(f.value) : [varintValue(f)]));
}

function readTensor(bytes: Uint8Array): OnnxTensor | null {
  const fields = readFields(bytes);
  const dataType = fields.find((f) => f.no === TENSOR_DATA_TYPE);
  if (!dataType || varintValue(dataType) !== DATA_TYPE_FLOAT) return null;
  const name = fields.find((f) => f.no === TENSOR_NAME);
  const raw = fields.find((f) => f.no === TENSOR_RAW_DATA);
  let values: Float32Array;
  if (raw && raw.value.byteLength % 4 !== 0) return null;
  // A copy: the bytes may sit at any alignment in the file, and a rewrite edits the values.
  if (raw) values = new Float32Array(new Uint8Array(raw.value).buffer);
  else values = Float32Array.from(fields.filter((f) => f.no === TENSOR_FLOAT_DATA).flatMap(floatsOf));
  const dims = intsOf(fields, TENSOR_DIMS);
  if (values.length !== dims.reduce((a, b) => a * b, 1)) return null;  // external data, or not what it says
  return { name: name ? textOf(name) : "", dims, values };
}

function encodeTensor(t: OnnxTensor): Part[] {
  return [
    ...t.dims.map((d) => varintField(TENSOR_DIMS, d)),
    varintField(TENSOR_DATA_TYPE, DATA_TYPE_FLOAT),
    stringField(TENSOR_NAME, t.name),
    lenField(TENSOR_RAW_DATA, new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength)),
  ];
}

function readAttribute(raw: Uint8Array): OnnxAttribute {
  const fields = readFields(raw);
  const attr: OnnxAttribute = { name: textOf(fields.find((f) => f.no === ATTR_NAME)!), raw };
  for (const f of fields) {
    if (f.no === ATTR_F && f.wire === 5) attr.f = floatsOf(f)[0];
    else if (f.no === ATTR_T && f.wire === 2) attr.t = readTensor(f.value) ?? undefined;
  }
  if (fields.some((f) => f.no === ATTR_INTS)) attr.ints = intsOf(fields, ATTR_INTS);
  return attr;
}

export function floatAttribute(name: string, value: number): OnnxAttribute {
  return { name, f: value, raw: toBytes([stringField(ATTR_NAME, name), floatField(ATTR_F, value), varintField(ATTR_TYPE, ATTR_TYPE_FLOAT)]) };
}

function encodeAttribute(a: OnnxAttribute): Part[] {
  if (!a.t) return [a.raw];
  // A tensor attribute is written from its (possibly edited) values.
  return [stringField(ATTR_NAME, a.name), lenField(ATTR_T, ...encodeTensor(a.t)), varintField(ATTR_TYPE, ATTR_TYPE_TENSOR)];
}

function readNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: "", name: "", domain: "", inputs: [], outputs: [], attributes: [], other: [] };
  for (const f of readFields(bytes)) {
    if (f.no === NODE_INPUT) node.inputs.push(textOf(f));
    else if (f.no === NODE_OUTPUT) node.outputs.push(textOf(f));
    else if (f.no === NODE_NAME) node.name = textOf(f);
    else if (f.no === NODE_OP_TYPE) node.opType = textOf(f);
    else if (f.no === NODE_DOMAIN) node.domain = textOf(f);
    else if (f.no === NODE_ATTRIBUTE) node.attributes.push(readAttribute(f.value));
    else node.other.push(f.raw);
  }
  return node;
}

function encodeNode(n: OnnxNode): Part[] {
  return [
    ...n.inputs.map((s) => stringField(NODE_INPUT, s)),
    ...n.outputs.map((s) => stringField(NODE_OUTPUT, s)),
    stringField(NODE_NAME, n.name),
    stringField(NODE_OP_TYPE, n.opType),
    ...n.attributes.map((a) => lenField(NODE_ATTRIBUTE, ...encodeAttribute(a))),
    ...n.other,
    ...(n.domain ? [stringField(NODE_DOMAIN, n.domain)] : []),
  ];
}

export function readModel(bytes: Uint8Array): OnnxModel {
  const modelFields = readFields(bytes);
  const graphField = modelFields.find((f) => f.no === MODEL_GRAPH);
  if (!graphField) throw new Error("expected an ONNX model with a graph (ModelProto field 7), found none");
  const graphFields = readFields(graphField.value);
  const nodes = graphFields.filter((f) => f.no === GRAPH_NODE).map((f) => readNode(f.value));
  const constants = new Map<string, OnnxTensor>();
  const initializers = new Map<Field, OnnxTensor>();
  for (const f of graphFields) {
    if (f.no !== GRAPH_INITIALIZER) continue;
    const t = readTensor(f.value);
    if (t) {
      constants.set(t.name, t);
      initializers.set(f, t);
    }
  }
  for (const n of nodes) {
    const value = n.opType === "Constant" && n.attributes.length === 1 ? n.attributes[0]!.t : undefined;
    if (value && n.outputs.length === 1) constants.set(n.outputs[0]!, value);
  }
  const graphOutputs = new Set(graphFields.filter((f) => f.no === GRAPH_OUTPUT).map((f) => textOf(readFields(f.value).find((v) => v.no === VALUE_INFO_NAME)!)));
  const model: OnnxModel = {
    nodes,
    constants,
    added: [],
    graphOutputs,
    encode() {
      const graph = lenField(
        MODEL_GRAPH,
        ...model.nodes.map((n) => lenField(GRAPH_NODE, ...encodeNode(n))),
        ...graphFields.filter((f) => f.no !== GRAPH_NODE).map((f) => {
          const t = initializers.get(f);
          return t ? lenField(GRAPH_INITIALIZER, ...encodeTensor(t)) : f.raw;
        }),
        ...model.added.map((t) => lenField(GRAPH_INITIALIZER, ...encodeTensor(t))),
      );
      return toBytes(modelFields.map((f) => (f === graphField ? graph : f.raw)));
    },
  };
  return model;
}
