import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importGraph.js';

// The layers of src/, lowest first (docs/design.md "Project layout", ../shared/architecture.md). A module may
// import its own layer and the layers below it, never one above: nothing imports the CLI, and
// everything up to report is pure: file and process I/O is in io/, batch/ and cli/.
const LAYERS = ['model', 'calendar', 'metrics', 'typology', 'policy', 'steps', 'evaluate', 'adapters', 'diff', 'testing', 'verify', 'run', 'report', 'io', 'batch', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** The entry points: each may import any layer below the one named. */
const ENTRIES: Readonly<Record<string, Layer>> = { index: 'batch', core: 'report', 'testing/index': 'testing' };

/** The folder (or top-level file) a module belongs to. */
function layerOf(module: string): Layer | 'entry' | undefined {
  if (module in ENTRIES) return 'entry';
  const head = module.split('/')[0] ?? '';
  return (LAYERS as readonly string[]).includes(head) ? (head as Layer) : undefined;
}

/** Node built-ins: the layers up to `report` (what a browser runs, `trappa/core` and below) must not import them. */
const NODE_BUILTIN = /^node:|^(fs|path|os|crypto|worker_threads|readline|zlib|child_process|stream|util)$/;
const PURE: ReadonlySet<Layer> = new Set(['model', 'calendar', 'metrics', 'typology', 'policy', 'steps', 'evaluate', 'adapters', 'diff', 'testing', 'verify', 'run', 'report']);

const { files, edges } = importGraph();

describe('layers (issue 14)', () => {
  it('puts every module of src/ in a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('imports only downwards: nothing imports the CLI, no layer imports one above it', () => {
    const upwards = edges
      .filter((e) => e.internal)
      .flatMap((e) => {
        const from = layerOf(e.from);
        const to = layerOf(e.to);
        if (from === undefined || to === undefined || to === 'entry') return to === 'entry' && from !== 'entry' ? [`${e.from} → ${e.to} (an entry point)`] : [];
        const ceiling = from === 'entry' ? LAYERS.indexOf(ENTRIES[e.from] as Layer) : LAYERS.indexOf(from);
        return LAYERS.indexOf(to) > ceiling ? [`${e.from} → ${e.to}`] : [];
      });
    expect(upwards.sort()).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  it('keeps Node built-ins out of the layers a browser runs (everything below batch)', () => {
    const node = edges.filter((e) => !e.internal && NODE_BUILTIN.test(e.to) && PURE.has(layerOf(e.from) as Layer)).map((e) => `${e.from} → ${e.to}`);
    expect(node).toEqual([]);
  });

  it('would catch an upward import and a cycle (the checks can fail)', () => {
    const fake = [
      { from: 'model/a', to: 'cli/main', internal: true, typeOnly: false },
      { from: 'steps/x', to: 'steps/y', internal: true, typeOnly: true },
      { from: 'steps/y', to: 'steps/x', internal: true, typeOnly: false },
    ];
    expect(LAYERS.indexOf('cli') > LAYERS.indexOf(layerOf('model/a') as Layer)).toBe(true);
    expect(importCycles(['model/a', 'cli/main', 'steps/x', 'steps/y'], fake)).toEqual([['steps/x', 'steps/y']]);
  });
});
