// Bounds shared by the HDF5 walk through libhdf5 (hdf5.ts) and the structural pre-check that runs
// before it (precheck.ts): the pre-check must cover at least what the walk will ask libhdf5 for.

/** Objects (groups, datasets, links) the walk visits. A Keras model has a few per layer; stops link farms. */
export const MAX_HDF5_OBJECTS = 20_000;
/** Attributes the walk reads across the file; also the most one object may declare in dense storage. */
export const MAX_ATTRS = 50_000;
/**
 * Distinct object headers the pre-check reads. The walk visits MAX_HDF5_OBJECTS objects but has
 * libhdf5 open every child of each group it lists (get_type), so the pre-check walks the whole
 * reachable graph; past this bound the file is refused rather than handed over half-checked.
 */
export const MAX_PRECHECK_OBJECTS = 5 * MAX_HDF5_OBJECTS;
