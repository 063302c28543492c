import { describe, expect, it } from 'vitest';
import { clusterId } from '../../support/lab/kafka.ts';

describe('clusterId', () => {
  it('re-draws an id that the kafka-storage parser would read as an option', () => {
    // 0xfb bytes encode to "-_v7…": a leading dash. 0x01 bytes encode to "AQEB…".
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x01)];
    let calls = 0;
    const id = clusterId(() => draws[calls++]!);
    expect(calls).toBe(2);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
  });

  it('gives 22 base64url characters and never a leading dash', () => {
    for (let i = 0; i < 2000; i++) {
      const id = clusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});
