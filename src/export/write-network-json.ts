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
  return `${stableStringify(network, 2)}\n`;
}
