// The fallback takes whatever no other scanner claims (registry.ts FALLBACK): it has no sniff of its own.
// Kept apart from the sweep so the registry can name it without loading it (registry.ts lazy).
import type { Sniffer } from '../../types';

export const unknownSniffer: Sniffer = { id: 'unknown', extensions: [], sniff: () => ({ confidence: 'name' }) };
