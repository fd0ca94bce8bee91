/**
 * `network.json`: the full coordination network (accounts, kept edges with evidence, clusters) as JSON with
 * object keys sorted at every depth, for tools and for diffing two runs.
 */
import type { CoordinationNetwork } from '../model/network.js';
import { stableStringify } from './stable-stringify.js';

/**
 * Write the network as pretty JSON (2-space indent, keys sorted, trailing newline). Arrays keep their order.
 * @example JSON.parse(writeNetworkJson(network)).clusters[0].id // 'C0001'
 */
export function writeNetworkJson(network: CoordinationNetwork): string {
  return [...writeNetworkJsonChunks(network)].join('');
}

/**
 * The same text as {@link writeNetworkJson} (identical to `stableStringify(network, 2)` plus a newline), one array
 * element at a time, so a network too large for one string can be streamed to a file.
 */
export function* writeNetworkJsonChunks(network: CoordinationNetwork): Generator<string> {
  const keys = (['accounts', 'clusters', 'edges'] as const).filter((key) => network[key] !== undefined);
  yield '{\n';
  for (const [k, key] of keys.entries()) {
    const items: readonly unknown[] = network[key];
    const close = k === keys.length - 1 ? '\n' : ',\n';
    if (items.length === 0) {
      yield `  ${JSON.stringify(key)}: []${close}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [i, item] of items.entries()) {
      const text = stableStringify(item, 2).replaceAll('\n', '\n    ');
      yield `    ${text}${i === items.length - 1 ? '\n' : ',\n'}`;
    }
    yield `  ]${close}`;
  }
  yield '}\n';
}
