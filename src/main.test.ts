import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * What the page's first download holds: main.tsx and every module it reaches through static
 * imports (a dynamic `import()` starts another chunk, fetched later). Read from the sources, so
 * it needs no build; `npm run bench -- first-load` measures the built bytes.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `import … from 'x'`, `export … from 'x'` (not type-only) and `import 'x'`. */
const staticImports = (source: string): string[] => {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?([\w*{}\s,$]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, typeOnly, clause, spec] = m;
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1].split(',').map((s) => s.trim()).filter(Boolean);
    if (typeOnly || (names && names.length > 0 && names.every((n) => n.startsWith('type ')))) continue;
    found.push(spec);
  }
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]);
  return found;
};

const resolveFile = (from: string, spec: string): string | undefined =>
  ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => join(dirname(from), spec + ext)).find((f) => existsSync(f) && /\.tsx?$/.test(f));

/** Source files (relative to the project) and packages the entry reaches statically. */
const firstDownload = (entry: string) => {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    const rel = relative(root, file);
    if (files.has(rel)) return;
    files.add(rel);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const next = resolveFile(file, spec);
        if (next) visit(next);
      }
    }
  };
  visit(join(root, entry));
  return { files: [...files], packages: [...packages] };
};

describe("the page's first download (src/main.tsx and its static imports)", () => {
  const { files, packages } = firstDownload('src/main.tsx');

  it('reaches the shell and the emulator client (the walk itself works)', () => {
    expect(files).toEqual(expect.arrayContaining(['src/ui/shell/App.tsx', 'src/ui/pages.tsx', 'src/worker/client.ts']));
    expect(packages).toEqual(expect.arrayContaining(['react', '@cloudscape-design/components/app-layout']));
  });

  it('holds no engine: the emulator runs in its worker, and the in-thread fallback is imported only when no worker can be made', () => {
    expect(files.filter((f) => f.startsWith('src/engine/'))).toEqual([]);
    expect(files).not.toContain('src/worker/host.ts');
    expect(files).not.toContain('src/worker/persistence.ts');
  });

  it('holds no AWS SDK: the clients load beside the first paint', () => {
    expect(packages.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'))).toEqual([]);
    expect(files).not.toContain('src/aws/clients.ts');
  });

  it('holds no page: each page brings its own components when it is opened', () => {
    expect(files.filter((f) => /^src\/ui\/pages\/(streams|generator|monitoring|analytics)\//.test(f))).toEqual([]);
  });
});

describe('staticImports', () => {
  it('skips type-only imports and dynamic imports, and keeps side-effect imports and re-exports', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "import './styles.css';",
      "const lazyPage = () => import('./page');",
      'import {',
      '  h,',
      '  i,',
      "} from './h';",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./d', './f', './h', './styles.css']);
  });
});
