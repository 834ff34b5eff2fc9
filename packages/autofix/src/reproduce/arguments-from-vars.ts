import ts from 'typescript';
import { decodeNodeValue } from '../event/frame-value.ts';
import type { FunctionNode } from '../source/top-level-bindings.ts';

/** Arguments for a function, one per parameter; `known[i]` says whether the value came from evidence. */
export interface InferredArguments {
  values: unknown[];
  known: boolean[];
}

/**
 * Rebuilds a call's arguments from the frame's captured variables: a plain parameter takes the variable
 * of its name, a destructured one an object (or array) of the variables it binds. Values are decoded from
 * the LocalVariables encoding; a parameter with no captured variable stays unknown (undefined).
 */
export function argumentsFromVars(
  fn: FunctionNode,
  vars: Readonly<Record<string, unknown>>,
): InferredArguments {
  const values: unknown[] = [];
  const known: boolean[] = [];
  for (const parameter of fn.parameters) {
    const rebuilt = rebuild(parameter.name, vars);
    values.push(rebuilt.value);
    known.push(rebuilt.known);
  }
  return { values, known };
}

function rebuild(
  name: ts.BindingName,
  vars: Readonly<Record<string, unknown>>,
): { value: unknown; known: boolean } {
  if (ts.isIdentifier(name)) {
    const known = Object.prototype.hasOwnProperty.call(vars, name.text);
    return { value: known ? decodeNodeValue(vars[name.text]) : undefined, known };
  }
  if (ts.isArrayBindingPattern(name)) {
    const parts = name.elements.map((element) =>
      ts.isOmittedExpression(element) ? { value: undefined, known: false } : rebuild(element.name, vars),
    );
    return { value: parts.map((part) => part.value), known: parts.some((part) => part.known) };
  }
  const object: Record<string, unknown> = {};
  let known = false;
  for (const element of name.elements) {
    const key = element.propertyName?.getText() ?? element.name.getText();
    const part = rebuild(element.name, vars);
    if (part.known) object[key] = part.value;
    known ||= part.known;
  }
  return { value: object, known };
}

export function parameterNames(fn: FunctionNode): string[] {
  return fn.parameters.map((parameter, index) =>
    ts.isIdentifier(parameter.name) ? parameter.name.text : `arg${index}`,
  );
}
