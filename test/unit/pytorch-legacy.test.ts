// Legacy PyTorch checkpoints (five stacked pickles + raw storages) through the public scan(): every
// pickle handed to the pickle scanner, storages stepped over by size and never read, and the tricks
// that hide a payload in this layout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { SCANNERS } from '../../src/engine/registry';

// The registry's pickle entry: its sniff is what the orchestrator calls (scanners load lazily, registry.ts).
const pickleEntry = SCANNERS.find((s) => s.id === 'pickle')!;
import {
  MAGIC_PICKLE, PROTOCOL_PICKLE, concat, keysPickle, legacyCheckpoint, mainPickle, op, pickle, recordingSource, type LegacyStorage,
} from '../builders/pytorch';

const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const children = (r: FileReport) => r.nodes.slice(1).map((n) => n.path.slice(1).join(' > '));
const criticalAt = (r: FileReport, child: string) => r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === child);
const EVIL_OPS = [op.global('posix', 'system'), op.str('echo pwned'), [0x85], op.reduce()];
const EVIL = pickle(...EVIL_OPS);
afterEach(() => { vi.restoreAllMocks(); });

const FLOATS: LegacyStorage = { key: '140230', type: 'FloatStorage', numel: 6, elementSize: 4 };
const LONGS: LegacyStorage = { key: '140231', type: 'LongStorage', numel: 3, elementSize: 8 };

describe('pytorch legacy checkpoints', () => {
  it('hands each of the five pickles to the pickle scanner and steps over the storages', async () => {
    const hints: string[] = [];
    const original = pickleEntry.sniff.bind(pickleEntry);
    vi.spyOn(pickleEntry, 'sniff').mockImplementation((head) => { hints.push(`${head.name}:${head.hint}`); return original(head); });
    const bytes = legacyCheckpoint({ storages: [FLOATS, LONGS] });
    const r = await scan(fromBytes(bytes, 'model.pth'));
    expect(r.format).toBe('pytorch-legacy');
    expect(r.complete).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'pytorch-legacy', protocolVersion: 1001, storages: 2, storageBytes: 48 });
    expect(children(r)).toEqual(['pickle#0@0', 'pickle#1@15', 'pickle#2@21', expect.stringMatching(/^pickle#3@25$/), expect.stringMatching(/^pickle#4@\d+$/)]);
    expect(hints.filter((h) => h.startsWith('pickle#'))).toHaveLength(5);
    expect(hints.every((h) => !h.startsWith('pickle#') || h.endsWith(':pickle'))).toBe(true);
  });

  it('never reads the raw storages', async () => {
    const big: LegacyStorage = { key: '0', type: 'FloatStorage', numel: 2 * 1024 * 1024, elementSize: 4 };
    const bytes = legacyCheckpoint({ storages: [big] });
    const rec = recordingSource(bytes, 'big.pt');
    const r = await scan(rec.source);
    expect(r.nodes[0]!.notes).toMatchObject({ storages: 1, storageBytes: 8 * 1024 * 1024 });
    // The disassembler reads a bounded window (1 MiB) from each pickle's start; nothing past that.
    const dataStart = bytes.length - 8 * 1024 * 1024;
    expect(rec.touched(dataStart + 2 * 1024 * 1024, bytes.length)).toBe(false);
    expect(rec.bytesRead()).toBeLessThan(8 * 1024 * 1024);
  });

  it('flags a magic number computed by eval() (picklescan bypass) and scans that first pickle', async () => {
    const magic = pickle(op.global('__builtin__', 'eval'), op.str('0x1950A86A20F9469CFC6C'), [0x85], op.reduce());
    const r = await scan(fromBytes(legacyCheckpoint({ magic }), 'model.pt'));
    expect(r.format).toBe('pytorch-legacy');
    expect(find(r, 'pytorch/legacy-magic-not-literal')[0]).toMatchObject({ severity: 'warning', location: { path: ['model.pt'], offset: 0 } });
    expect(criticalAt(r, 'pickle#0@0')).toBe(true);
  });

  it('finds a payload in the main pickle (CRITICAL at pickle#3)', async () => {
    const main = mainPickle([FLOATS], [op.str('hook'), ...EVIL_OPS]);
    const r = await scan(fromBytes(legacyCheckpoint({ storages: [FLOATS], main }), 'model.pt'));
    expect(criticalAt(r, 'pickle#3@25')).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ storages: 1 });
  });

  it('scans bytes hidden after the last storage (a second pickle) and reports them', async () => {
    const r = await scan(fromBytes(legacyCheckpoint({ storages: [FLOATS], trailing: EVIL }), 'model.pt'));
    const [hit] = find(r, 'pytorch/trailing-data');
    expect(hit).toMatchObject({ severity: 'warning' });
    const child = children(r).find((c) => c.startsWith('[bytes '))!;
    expect(child).toMatch(/^\[bytes \d+-\d+\]$/);
    expect(criticalAt(r, child)).toBe(true);
  });

  // A declaration larger than the elements present is the CVE-2026-24747 shape: CRITICAL since issue 11.
  it('reports a storage declared larger than the elements it holds, CRITICAL', async () => {
    const lying = { ...FLOATS, declared: 1_000_000 };
    const r = await scan(fromBytes(legacyCheckpoint({ storages: [FLOATS], main: mainPickle([lying]) }), 'model.pt'));
    expect(find(r, 'pytorch/storage-size-mismatch')[0]).toMatchObject({ severity: 'critical', location: { pointer: FLOATS.key } });
  });

  it('reports a storage declared smaller than the elements it holds, WARNING', async () => {
    const lying = { ...FLOATS, declared: 1 };
    const r = await scan(fromBytes(legacyCheckpoint({ storages: [FLOATS], main: mainPickle([lying]) }), 'model.pt'));
    expect(find(r, 'pytorch/storage-size-mismatch')[0]).toMatchObject({ severity: 'warning', location: { pointer: FLOATS.key } });
  });

  it('stops at an unknown storage type with a finding and scans the rest instead of guessing', async () => {
    const odd: LegacyStorage = { key: '0', type: 'Float8Storage', numel: 4, elementSize: 1 };
    const bytes = legacyCheckpoint({ storages: [odd] });
    const r = await scan(fromBytes(bytes, 'model.pt'));
    const [hit] = find(r, 'pytorch/unknown-storage-layout');
    expect(hit!.message).toContain('torch.Float8Storage');
    expect(r.complete).toBe(false);
    expect(children(r)).toContain(`[bytes ${hit!.location.offset}-${bytes.length}]`);
  });

  it('treats a storage-keys pickle that is not a list as unknown layout (the key pickle runs a payload)', async () => {
    const bytes = concat(MAGIC_PICKLE, PROTOCOL_PICKLE, pickle(op.emptyDict()), pickle(op.emptyList()), EVIL, pickle(op.none()));
    const r = await scan(fromBytes(bytes, 'bypass.pt'));
    expect(r.format).toBe('pytorch-legacy');
    expect(find(r, 'pytorch/unknown-storage-layout')).toHaveLength(1);
    expect(criticalAt(r, `pickle#4@${MAGIC_PICKLE.length + PROTOCOL_PICKLE.length + 4 + 4}`)).toBe(true);
  });

  it('reports a checkpoint cut inside its main pickle as malformed, after scanning what is there', async () => {
    const full = legacyCheckpoint({ storages: [FLOATS], main: mainPickle([FLOATS], [op.str('hook'), ...EVIL_OPS]) });
    const r = await scan(fromBytes(full.subarray(0, 25 + 60), 'cut.pt'));
    expect(r.complete).toBe(false);
    expect(find(r, 'format/malformed').some((f) => f.location.path.length === 1)).toBe(true);
    expect(children(r)).toContain('pickle#3@25');
  });

  it('reports a storage record that runs past the end of the file as malformed', async () => {
    const full = legacyCheckpoint({ storages: [FLOATS] });
    const r = await scan(fromBytes(full.subarray(0, full.length - 5), 'cut.pt'));
    expect(find(r, 'format/malformed')[0]!.message).toMatch(/past the end/);
    expect(r.complete).toBe(false);
  });

  it('leaves a plain pickle (no protocol-version pickle after it) to the pickle scanner', async () => {
    const r = await scan(fromBytes(concat(EVIL, keysPickle(['0'])), 'model.pt'));
    expect(r.format).toBe('pickle');
  });
});
