// Small pieces of wording the views share. No DOM here: tested with Vitest.

/** "1 answer", "3 answers": `n` with its noun, plural unless it is one. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
