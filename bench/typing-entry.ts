// The typing benchmark's in-process side, bundled by bench/typing.bench.mjs into out/bench/: the engine's facade, as
// the language server uses it (each version opened from the previous one, then its diagnostics).
export { createSparkDraService } from '../server/src/engine';
