import { describe, expect, it } from 'vitest';
import { ReplyQueue } from './reply-queue.ts';

describe('ReplyQueue', () => {
  it('hands entries back in order and counts them', () => {
    const queue = new ReplyQueue<string>(2);
    queue.push(1, 'a');
    queue.push(2, 'b');
    expect(queue.size).toBe(2);
    expect(queue.take(1)).toBe('a');
    expect(queue.take(2)).toBe('b');
    expect(queue.size).toBe(0);
    expect(queue.take(3)).toBeUndefined();
  });

  it('refuses an id that is not the oldest and keeps the queue as it was', () => {
    const queue = new ReplyQueue<string>();
    queue.push(5, 'five');
    queue.push(7, 'seven');
    expect(queue.take(7)).toBeUndefined();
    expect(queue.size).toBe(2);
    expect(queue.take(5)).toBe('five');
    expect(queue.take(7)).toBe('seven');
  });

  it('grows past its capacity across the wrap-around and keeps the order', () => {
    const queue = new ReplyQueue<number>(4);
    let next = 1;
    let expected = 1;
    // Interleave pushes and takes so the head wraps before the queue has to grow.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) queue.push(next, next++ * 10);
      expect(queue.take(expected)).toBe(expected++ * 10);
    }
    for (let i = 0; i < 20; i++) queue.push(next, next++ * 10);
    const rest: number[] = [];
    while (queue.size > 0) rest.push(queue.take(expected++) as number);
    expect(rest).toEqual(Array.from({ length: rest.length }, (_, i) => (4 + i) * 10));
    expect(rest).toHaveLength(26);
  });

  it('drains every entry, oldest first, and is empty after', () => {
    const queue = new ReplyQueue<string>(2);
    for (const [id, entry] of [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const)
      queue.push(id, entry);
    expect(queue.take(1)).toBe('a');
    expect(queue.drain()).toEqual(['b', 'c']);
    expect(queue.size).toBe(0);
    queue.push(4, 'd');
    expect(queue.take(4)).toBe('d');
  });
});
