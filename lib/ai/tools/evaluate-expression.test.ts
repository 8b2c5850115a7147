import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate-expression';

describe('evaluateExpression', () => {
  it.each([
    ['12*7+3', '87'],
    ['(2 + 3) ^ 2 / 5', '5'],
    ['sqrt(2)^2', '2'],
    ['5 km to mi', '3.10685596119 mi'],
    ['100 degF to degC', '37.7777777778 degC'],
  ])('evaluates %s', (expression, expected) => {
    expect(evaluateExpression(expression)).toBe(expected);
  });

  it.each(['import({x: 1}, {})', 'createUnit("flint")', 'evaluate("1+1")', 'parse("1")', 'compile("1")', 'simplify("x+x")'])(
    'refuses %s, which could change the evaluator or re-enter it',
    (expression) => {
      expect(() => evaluateExpression(expression)).toThrow(/not available/);
    },
  );

  it('refuses assignments and function definitions', () => {
    expect(() => evaluateExpression('f(x) = x^2')).toThrow(/not allowed/);
    expect(() => evaluateExpression('a = 2')).toThrow(/not allowed/);
  });

  it('explains unreadable and overlong input', () => {
    expect(() => evaluateExpression('2 +* 3')).toThrow(/could not be read/);
    expect(() => evaluateExpression('1+'.repeat(300) + '1')).toThrow(/longer than 500/);
  });
});
