import type { RuleDef } from './types';

/**
 * Rules of the oci scanner: OCI image layouts (image-spec image-layout.md, manifest.md, image-index.md,
 * descriptor.md, config.md) and `docker save` tarballs (moby image/tarexport: manifest.json).
 */
export const OCI_RULES = {
  'oci/digest-mismatch': {
    severity: 'warning', title: 'Image blob does not match its digest',
    explanation: 'A blob\'s SHA-256 differs from the digest it is stored under or that a manifest gives it. Content addressing is what ties an image to what was reviewed and signed: a blob that does not hash to its name was altered after the image was built (a tampered layer), or the copy is corrupt. `docker load` and containerd refuse such blobs; other tools that unpack layers by path do not check.',
    remediation: 'Do not load the image. Pull it again from the registry by digest and compare the digests with the publisher\'s.',
    cwe: [345, 354],
  },
  'oci/missing-blob': {
    severity: 'warning', title: 'Image blob missing',
    explanation: 'A manifest or index names a blob (a layer, config or manifest) that is not in the image archive. The image cannot be loaded as it is, and whatever fills the gap later (a registry pull, a blob from another image) was not scanned.',
    remediation: 'Export the whole image again (`docker save`, `skopeo copy ... oci-archive:`) and scan that.',
    cwe: [353],
  },
  'oci/invalid-digest': {
    severity: 'warning', title: 'Invalid digest in an image manifest',
    explanation: 'A digest does not follow the image-spec grammar (algorithm:encoded, sha256 as 64 lower-case hex digits). Tools build blob paths from digests (blobs/<alg>/<encoded>): a digest holding "/" or ".." makes a naive tool read or write outside the image, and one that cannot be checked leaves the blob unverified.',
    remediation: 'Do not load the image; rebuild or re-export it with standard tooling.',
    cwe: [22, 20],
  },
  'oci/unsafe-reference': {
    severity: 'warning', title: 'Image manifest path leaves the image',
    explanation: 'A `docker save` manifest.json gives a Config or Layers path that is absolute or climbs out with "..". `docker load` resolves these paths against the unpacked archive; a path outside it makes the loader read an arbitrary host file as a layer or config.',
    remediation: 'Do not load the image; export it again with `docker save`.',
    cwe: [22],
  },
  'oci/external-blob': {
    severity: 'warning', title: 'Image blob fetched from an external URL',
    explanation: 'A descriptor lists "urls": the blob (a "foreign" or non-distributable layer) is downloaded from there when the image is pulled or loaded instead of being shipped in the image. Its content was not in the archive, so it was not scanned, and the server can change it.',
    remediation: 'Check who serves the URL; prefer images whose layers are all distributed with them.',
    cwe: [494, 829],
  },
  'oci/secret-in-env': {
    severity: 'warning', title: 'Credential-like environment variable in the image config',
    explanation: 'The image config sets an environment variable whose name says it holds a password, token or key, with a value. Every environment variable of a config is readable by anyone who pulls the image (`docker inspect`), so a credential baked in with ENV is published with the image.',
    remediation: 'Rotate the credential, remove the ENV line and pass secrets at run time (secrets, mounted files) instead.',
    cwe: [798, 538],
  },
} as const satisfies Record<string, RuleDef>;
