import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KINESIS_BINARY_OUTPUTS } from '../src/engine/kinesis/binaryMembers';

/**
 * The output members CBOR carries differently (blobs, timestamps), derived from AWS's model of
 * Kinesis, against the emulator's table. Skipped without the models, as model-shapes.test.ts is.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = process.env.AWS_MODELS_DIR ?? path.resolve(repoRoot, '../shared/aws-models');
const modelFile = path.join(modelsDir, 'kinesis-2013-12-02.json');

interface Shape {
  type: string;
  members?: Record<string, { target: string }>;
  member?: { target: string };
  value?: { target: string };
  output?: { target: string };
}

const binaryOutputs = (shapes: Record<string, Shape>) => {
  const table: Record<string, { blobs: string[]; timestamps: string[] }> = {};
  const walk = (target: string, at: string, found: { blobs: string[]; timestamps: string[] }, seen: Set<string>) => {
    const s = shapes[target];
    if (!s) return;
    if (s.type === 'blob') found.blobs.push(at);
    if (s.type === 'timestamp') found.timestamps.push(at);
    if (seen.has(target)) return;
    const next = new Set(seen).add(target);
    if (s.type === 'structure') for (const [n, m] of Object.entries(s.members ?? {})) walk(m.target, at ? `${at}.${n}` : n, found, next);
    if (s.type === 'list' && s.member) walk(s.member.target, `${at}[]`, found, next);
  };
  for (const [id, s] of Object.entries(shapes)) {
    if (s.type !== 'operation' || !s.output) continue;
    // SubscribeToShard answers with an event stream, not a CBOR body.
    if (id.endsWith('#SubscribeToShard')) continue;
    const found = { blobs: [] as string[], timestamps: [] as string[] };
    walk(s.output.target, '', found, new Set());
    if (found.blobs.length || found.timestamps.length) table[id.split('#')[1]] = found;
  }
  return table;
};

describe.skipIf(!existsSync(modelFile))("CBOR's binary output members match AWS's model of Kinesis", () => {
  it('lists every blob and timestamp of every output, and nothing else', () => {
    const model = JSON.parse(readFileSync(modelFile, 'utf8')) as { shapes: Record<string, Shape> };
    expect(KINESIS_BINARY_OUTPUTS).toEqual(binaryOutputs(model.shapes));
  });
});
