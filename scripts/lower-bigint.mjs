// Rewrites BigInt literals (`0n`, `10n`) in a built script as `BigInt("0")` calls.
//
// Google Apps Script's editor refuses BigInt literal syntax ("Unexpected token ILLEGAL") while
// its V8 runtime has the BigInt function (enuchi/React-Google-Apps-Script issue 236; endo's
// `nat` package writes BigInt(0) for the same reason), and esbuild cannot lower the literals.
// tsup.config.ts runs this on dist/revops.global.js; tests/bundle/global.test.ts checks the
// result with acorn.
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenizer } from 'acorn';

/**
 * The source with every BigInt literal token replaced by a `BigInt("<decimal>")` call.
 * @param {string} code
 * @returns {{ code: string, count: number }}
 */
export function lowerBigIntLiterals(code) {
  const spans = [];
  for (const token of tokenizer(code, { ecmaVersion: 'latest' })) {
    if (token.type.label === 'num' && typeof token.value === 'bigint') spans.push(token);
  }
  let out = '';
  let at = 0;
  for (const t of spans) {
    // a space keeps `return 0n` → `return BigInt("0")` and `a-0n` apart; parentheses keep `0n.x` a call
    out += `${code.slice(at, t.start)} (BigInt("${t.value.toString()}"))`;
    at = t.end;
  }
  return { code: out + code.slice(at), count: spans.length };
}

/**
 * Rewrites the file in place.
 * @param {string} file
 * @returns {number} how many literals were rewritten
 */
export function lowerBigIntFile(file) {
  const { code, count } = lowerBigIntLiterals(readFileSync(file, 'utf8'));
  writeFileSync(file, code);
  return count;
}
