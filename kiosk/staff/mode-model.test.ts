import { describe, expect, it } from 'vitest';
import { createModeModel, MODE_KEY } from './mode-model.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const fromUrl = { mode: 'interactive' as const, modeFromUrl: true };

describe('terminal mode', () => {
  it('should follow the start URL, or the default, until staff switch it', () => {
    const storage = new MemoryStorage();
    const model = createModeModel(fromUrl, storage);
    expect([model.mode.value, model.source.value]).toEqual(['interactive', 'url']);
    const plain = createModeModel({ mode: 'interactive', modeFromUrl: false }, storage);
    expect(plain.source.value).toBe('default');
  });

  it('should keep a staff switch across a reload', () => {
    const storage = new MemoryStorage();
    createModeModel(fromUrl, storage).switchTo('attract');
    const reloaded = createModeModel(fromUrl, storage);
    expect([reloaded.mode.value, reloaded.source.value]).toEqual(['attract', 'staff']);
  });

  it("should go back to the start URL's mode and forget the switch", () => {
    const storage = new MemoryStorage();
    const model = createModeModel({ mode: 'attract', modeFromUrl: true }, storage);
    model.switchTo('interactive');
    expect(model.mode.value).toBe('interactive');
    model.useUrlMode();
    expect([model.mode.value, model.source.value]).toEqual(['attract', 'url']);
    expect(storage.items.has(MODE_KEY)).toBe(false);
  });

  it('should ignore a stored value that is not a mode', () => {
    const storage = new MemoryStorage();
    storage.setItem(MODE_KEY, 'party');
    expect(createModeModel(fromUrl, storage).source.value).toBe('url');
  });
});
