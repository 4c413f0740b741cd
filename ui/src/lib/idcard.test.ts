import { describe, expect, it } from 'vitest';
import { idCheckChar, idNumberProblem } from './idcard';

describe('GB 11643 ID numbers', () => {
  it('computes the check character', () => {
    // the standard's worked example
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052419800101001')).toBe('3');
  });
  it('accepts valid numbers, lower-case x and empty input', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberProblem('440524198001010013')).toBeNull();
    expect(idNumberProblem('320102197503120026')).toBeNull();
    expect(idNumberProblem('440524188001010014')).toMatch('出生日期'); // before 1900
    expect(idNumberProblem('')).toBeNull();
  });
  it('rejects wrong length, wrong check digit and impossible birth dates', () => {
    expect(idNumberProblem('1101051949123100')).toMatch('18位');
    expect(idNumberProblem('110105194912310021')).toMatch('校验位');
    expect(idNumberProblem('110105194902300020')).toMatch('出生日期');
  });
});
