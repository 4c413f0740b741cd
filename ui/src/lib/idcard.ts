// Resident ID card numbers (GB 11643): 18 characters, the last a check digit (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** null when valid; otherwise a Chinese message for the form. Empty input is valid (optional). */
export function idNumberProblem(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  if (!s) return null;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号码应为18位（最后一位可以是X）';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const dt = new Date(y, m - 1, d);
  if (y < 1900 || dt.getFullYear() !== y || dt.getMonth() !== m - 1 || dt.getDate() !== d) {
    return '身份证号码中的出生日期不正确';
  }
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return '身份证号码校验位不正确，请核对';
  return null;
}
