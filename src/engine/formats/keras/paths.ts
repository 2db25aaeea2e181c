// How often the walk through libhdf5 (hdf5.ts) will list each HDF5 group, from the group graph the
// pre-check (precheck.ts) read: the walk goes by path, not by object, so sharing multiplies its work.
import { LimitExceeded } from '../../types';
import { MAX_HDF5_DEPTH, MAX_HDF5_RELISTED_LINKS } from './limits';

/** A group as the walk will list it: links listed, and the objects its hard links name (repeated as listed). */
export interface Group { links: number; children: number[] }

/**
 * The walk through libhdf5 (hdf5.ts) goes by path: a group reached by n paths is listed n times and
 * each of its children opened each time, by a path that grows with the depth (a 100 KB group of
 * 1,000 hard links to itself kept libhdf5 busy for minutes). The paths to each group are counted here
 * layer by layer, as the walk descends (hard links, groups to MAX_HDF5_DEPTH), and the file is refused
 * when the listings beyond each group's first would exceed MAX_HDF5_RELISTED_LINKS.
 */
export function relistingBound(root: number, groups: Map<number, Group>): void {
  const counted = new Set<number>();
  let once = 0, total = 0;
  let layer = new Map<number, number>([[root, 1]]);
  for (let depth = 0; layer.size && depth <= MAX_HDF5_DEPTH; depth++) {
    const next = new Map<number, number>();
    for (const [addr, paths] of layer) {
      const g = groups.get(addr);
      if (!g) continue; // not a group: not listed
      total += paths * g.links;
      if (!counted.has(addr)) { counted.add(addr); once += g.links; }
      if (total - once > MAX_HDF5_RELISTED_LINKS) {
        throw new LimitExceeded('hdf5GroupLinks', `HDF5 groups reached by many paths would be listed again and again (more than ${MAX_HDF5_RELISTED_LINKS} links beyond each group's first listing, MAX_HDF5_RELISTED_LINKS); the file was not handed to libhdf5`);
      }
      if (depth < MAX_HDF5_DEPTH) for (const c of g.children) if (groups.has(c)) next.set(c, (next.get(c) ?? 0) + paths);
    }
    layer = next;
  }
}

