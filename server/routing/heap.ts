/** A binary min-heap of integer items 0..capacity-1 keyed by numbers, with decrease-key. */
export class IndexedMinHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  /** Heap slot of each item, -1 when it is not in the heap. */
  private readonly slots: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the item, or lowers its key if it is already in the heap and the new key is smaller. */
  push(item: number, key: number): void {
    let slot = this.slots[item];
    if (slot < 0) {
      slot = this.count++;
    } else if (key >= this.keys[slot]) {
      return;
    }
    this.siftUp(slot, item, key);
  }

  /** Removes and returns the item with the smallest key. */
  pop(): number {
    const top = this.items[0];
    this.slots[top] = -1;
    this.count -= 1;
    if (this.count > 0) this.siftDown(this.items[this.count], this.keys[this.count]);
    return top;
  }

  private siftUp(slot: number, item: number, key: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.place(slot, this.items[parent], this.keys[parent]);
      slot = parent;
    }
    this.place(slot, item, key);
  }

  private siftDown(item: number, key: number): void {
    let slot = 0;
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= this.count) break;
      if (child + 1 < this.count && this.keys[child + 1] < this.keys[child]) child += 1;
      if (this.keys[child] >= key) break;
      this.place(slot, this.items[child], this.keys[child]);
      slot = child;
    }
    this.place(slot, item, key);
  }

  private place(slot: number, item: number, key: number): void {
    this.items[slot] = item;
    this.keys[slot] = key;
    this.slots[item] = slot;
  }
}
