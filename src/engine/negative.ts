// Negative signatures: content that is certainly not a model, reported instead of scanned.
import type { FindingInput, Head } from './types';
import { latin1Text } from './io/text';

/** An LFS pointer is a few lines of text; anything larger is not one (spec: under 1024 bytes). */
const LFS_POINTER_MAX_BYTES = 1024;
const LFS_SPEC = 'version https://git-lfs.github.com/spec/v1';
/** Extensions where HTML is expected and therefore not a failed download. */
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.svg', '.md']);

export interface NegativeHit { format: string; finding: FindingInput }

export function negativeSignature(head: Head): NegativeHit | null {
  if (head.size === 0) {
    return { format: 'empty', finding: { ruleId: 'file/empty', message: 'The file is empty' } };
  }
  const start = latin1Text(head.bytes.subarray(0, 512));
  if (head.size <= LFS_POINTER_MAX_BYTES && start.startsWith(LFS_SPEC)) {
    // https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md: "oid sha256:<hex>" and "size <n>" lines.
    const oid = /oid sha256:([0-9a-f]{64})/.exec(start)?.[1];
    const size = /\nsize (\d+)/.exec(start)?.[1];
    return {
      format: 'git-lfs-pointer',
      finding: {
        ruleId: 'file/git-lfs-pointer',
        message: 'This is a Git LFS pointer, not the model: fetch the real file and scan it',
        evidence: `oid sha256:${oid ?? '?'} size ${size ?? '?'}`,
      },
    };
  }
  if (!HTML_EXTENSIONS.has(head.ext)) {
    const trimmed = start.replace(/^\u00ef\u00bb\u00bf/, '').trimStart().slice(0, 64).toLowerCase();
    if (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html') || /^<head[\s>]/.test(trimmed)) {
      const title = /<title[^>]*>([^<]{0,120})/i.exec(latin1Text(head.bytes.subarray(0, 4096)))?.[1]?.trim();
      return {
        format: 'html',
        finding: {
          ruleId: 'file/html-document',
          message: 'This is an HTML page, not a model: probably a failed download',
          evidence: title ? `<title>${title}` : trimmed.slice(0, 40),
        },
      };
    }
  }
  return null;
}
