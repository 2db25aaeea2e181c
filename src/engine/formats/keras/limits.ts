// Bounds shared by the HDF5 walk through libhdf5 (hdf5.ts) and the structural pre-check that runs
// before it (precheck.ts): the pre-check must cover at least what the walk will ask libhdf5 for.

/** Objects (groups, datasets, links) the walk visits. A Keras model has a few per layer; stops link farms. */
export const MAX_HDF5_OBJECTS = 20_000;
/**
 * Links the walk lists across the file, counted on every listing. The walk goes by path, so a group
 * reached by many paths is listed (and each of its children opened) once per path: a group holding
 * 1,000 hard links to itself (100 KB) kept libhdf5 busy for more than 5 minutes. A tree lists each
 * object once, so this is 5 times the objects the walk visits.
 */
export const MAX_HDF5_LISTED_LINKS = 5 * MAX_HDF5_OBJECTS;
/** Group nesting the walk follows. Keras nests 4-6 deep; stops deep chains built to exhaust the walk. */
export const MAX_HDF5_DEPTH = 32;
/**
 * Listings beyond each group's first that the walk may make (a group reached by several paths is
 * listed on each). An h5py alias of a layer group adds a few; hard links that fan out or loop back
 * multiply without end. Checked by the pre-check from the graph it reads, before libhdf5 lists anything.
 */
export const MAX_HDF5_RELISTED_LINKS = 2_000;
/** Links listed across all groups (each group once) that the pre-check reads before refusing the file. */
export const MAX_PRECHECK_LINKS = 1_000_000;
/** Attributes the walk reads across the file; also the most one object may declare in dense storage. */
export const MAX_ATTRS = 50_000;
/**
 * Distinct object headers the pre-check reads. The walk visits MAX_HDF5_OBJECTS objects but has
 * libhdf5 open every child of each group it lists (get_type), so the pre-check walks the whole
 * reachable graph; past this bound the file is refused rather than handed over half-checked.
 */
export const MAX_PRECHECK_OBJECTS = 5 * MAX_HDF5_OBJECTS;
