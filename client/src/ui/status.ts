/**
 * Loading and error states over the graph (API down → a message and a Retry button), and toasts.
 */
import { clear, h } from './dom.js';

export class StatusOverlay {
  constructor(private readonly root: HTMLElement) {}

  loading(text: string): void {
    clear(this.root);
    this.root.classList.add('show');
    this.root.setAttribute('aria-busy', 'true');
    this.root.append(h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, text));
  }

  error(message: string, onRetry: () => void): void {
    clear(this.root);
    this.root.classList.add('show');
    this.root.removeAttribute('aria-busy');
    const retry = h('button', { type: 'button', class: 'primary', id: 'btn-retry' }, 'Retry');
    retry.addEventListener('click', onRetry);
    this.root.append(h('p', { class: 'error', role: 'alert' }, message), retry);
    retry.focus();
  }

  hide(): void {
    clear(this.root);
    this.root.classList.remove('show');
    this.root.removeAttribute('aria-busy');
  }

  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * A brief message in the page's persistent live region (#toast, role=status), so screen readers
   * announce it (a region inserted with its text often is not); emptied (and so invisible) after `ms`.
   */
  toast(text: string, ms = 2500): void {
    let t = document.getElementById('toast');
    if (!t) {
      t = h('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      this.root.parentElement?.append(t);
    }
    const region = t;
    if (this.toastTimer !== null) clearTimeout(this.toastTimer);
    region.textContent = text;
    this.toastTimer = setTimeout(() => {
      this.toastTimer = null;
      region.textContent = '';
    }, ms);
  }
}
