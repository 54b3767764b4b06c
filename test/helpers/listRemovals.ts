import type { Page } from '@playwright/test';

/**
 * Counts, from now on, every time a search results list leaves the page; the returned function
 * reads the count. (A keystroke used to remove the list and put it back.)
 */
export async function countListRemovals(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const seen = { removed: 0 };
    (window as unknown as { __list: typeof seen }).__list = seen;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.removedNodes)
          if (node instanceof HTMLElement && node.matches('[role=listbox]')) seen.removed += 1;
    }).observe(document.body, { subtree: true, childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { __list: { removed: number } }).__list.removed);
}
