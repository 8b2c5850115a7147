import { all, create, type MathNode } from 'mathjs';

const math = create(all ?? {});
// Kept before the overrides below: this parser is the only way in, and it never sees user scope.
const parse = math.parse;

function disabled(name: string) {
  return () => {
    throw new Error(`${name} is not available in the calculator`);
  };
}

// mathjs's own security advice: functions that can define units, import code or re-enter the parser are off.
math.import(
  Object.fromEntries(
    ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve', 'reviver', 'chain'].map(
      (name) => [name, disabled(name)],
    ),
  ),
  { override: true },
);

/** Longest expression the calculator accepts. */
export const maxExpressionLength = 500;

function isAssignment(node: MathNode): boolean {
  return node.type === 'AssignmentNode' || node.type === 'FunctionAssignmentNode';
}

/**
 * Evaluates arithmetic and unit conversions (`12*7+3`, `5 km to mi`) with mathjs in a limited
 * scope: no assignments, function definitions, imports, new units or nested evaluation.
 * Returns the result as text; throws an Error whose message is safe to show the model.
 */
export function evaluateExpression(expression: string): string {
  if (expression.length > maxExpressionLength) throw new Error(`The expression is longer than ${maxExpressionLength} characters.`);
  let node: MathNode;
  try {
    node = parse(expression);
  } catch (error) {
    throw new Error(`The expression could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (node.filter(isAssignment).length > 0) throw new Error('Assignments and function definitions are not allowed.');
  const value: unknown = node.compile().evaluate({});
  if (typeof value === 'function') throw new Error('The expression does not evaluate to a value.');
  return math.format(value, { precision: 12 });
}
