/** What a benchmark module's `run()` returns: its section of BENCHMARKS.md. */
export interface BenchResult {
  /** Stable id (the module's file name without `.bench.ts`); marks the section in BENCHMARKS.md. */
  id: string;
  title: string;
  /** The section body, Markdown, without its heading. */
  markdown: string;
}

export interface BenchModule {
  run(): Promise<BenchResult>;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
