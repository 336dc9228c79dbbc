/** A helper call: `random.number({"max":5})`, `var.set("id", random.uuid)`. */
export interface CallNode {
  kind: 'call';
  name: string;
  args: ArgNode[];
  /** Offset of the helper name in the source. */
  offset: number;
}

/** A literal argument: parsed JSON, a single-quoted string, or KDG's raw-text fallback. */
export interface ValueNode {
  kind: 'value';
  value: unknown;
  offset: number;
}

export type ArgNode = CallNode | ValueNode;

/** A parsed template: literal strings between calls (`texts.length === calls.length + 1`). */
export interface TemplateAst {
  texts: string[];
  calls: CallNode[];
}
