// Seeded byte-level fuzzing of the codec readers: each compressed fixture (and a zstd log) is mutated (bytes flipped,
// spans deleted or duplicated, cut short) and decoded; every mutant must give text or an error naming the file —
// never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeEventLogBytes } from '../../../server/src/engine/eventlog/decode';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import { fixture, SHELL_APP } from './fixtures';
import { DRA } from './logs';

const SEED = 0x10c_f022;
const MUTANTS = 150;
/** The zstd log decodes to 2 MB: fewer mutants keep the test quick. */
const ZSTD_MUTANTS = 40;

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const at = Math.floor(rand() * bytes.length);
  const span = 1 + Math.floor(rand() * 64);
  switch (Math.floor(rand() * 4)) {
    case 0: {
      const out = bytes.slice();
      for (let i = at; i < Math.min(out.length, at + span); i++) out[i] = Math.floor(rand() * 256);
      return out;
    }
    case 1: {
      const out = new Uint8Array(bytes.length - Math.min(span, bytes.length - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + span), at);
      return out;
    }
    case 2: {
      const piece = bytes.subarray(at, at + span);
      const out = new Uint8Array(bytes.length + piece.length);
      out.set(bytes.subarray(0, at));
      out.set(piece, at);
      out.set(bytes.subarray(at), at + piece.length);
      return out;
    }
    default:
      return bytes.subarray(0, at);
  }
}

for (const name of [`${SHELL_APP}.lz4`, `${SHELL_APP}.snappy`, `${SHELL_APP}.lzf`, 'dra.zstd']) {
  test(`codec fuzz: ${name} mutants decode or fail with the file named, never throw`, () => {
    const bytes = new Uint8Array(readFileSync(name === 'dra.zstd' ? DRA : fixture(name)));
    const rand = mulberry32(SEED ^ name.length);
    const mutants = name === 'dra.zstd' ? ZSTD_MUTANTS : MUTANTS;
    let errors = 0;
    for (let i = 0; i < mutants; i++) {
      const mutant = mutate(bytes, rand);
      const r = decodeEventLogBytes(mutant, name);
      if (!r.ok) {
        errors++;
        assert.ok(r.error.startsWith(`${name}: `), r.error);
      }
    }
    // Most mutants damage the framing or a checksum; a reader that accepted everything would be checking nothing.
    assert.ok(errors > mutants / 4, `${errors} of ${mutants} mutants were refused`);
  });
}
