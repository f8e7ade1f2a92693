/**
 * Column menus, moves, the pinned reference and drag-to-reorder: which menu is open, which column
 * is dragged, and what to announce. Every change goes to the shared view state (a custom order,
 * the reference), so the link carries it; `moveColumn`/`dropColumn` are the pure rules.
 */
import { tick } from 'svelte';
import type { MechanismsOptions } from '$lib/state/view-state';
import { dropColumn, moveColumn, type MatrixLayout } from './mechanisms.layout';
import { HEADER, type MatrixNavigation } from './matrix-navigation.svelte';

interface Deps {
	layout: () => MatrixLayout;
	/** The reference as set (it may be filtered out). */
	reference: () => string | null;
	setMechanisms: (patch: Partial<MechanismsOptions>) => void;
	nav: MatrixNavigation;
	root: () => HTMLElement | undefined;
}

export class ColumnOrder {
	menuFor: string | null = $state(null);
	/** Read by a polite live region. */
	announcement = $state('');
	dragging: string | null = $state(null);
	dropTarget: string | null = $state(null);
	readonly #deps: Deps;

	constructor(deps: Deps) {
		this.#deps = deps;
	}

	get #shownIds(): string[] {
		return this.#deps.layout().columns.map((c) => c.assetId);
	}

	nameOf(assetId: string): string {
		return this.#deps.layout().columns.find((c) => c.assetId === assetId)?.shortName ?? assetId;
	}

	toggleMenu(assetId: string): void {
		this.menuFor = this.menuFor === assetId ? null : assetId;
		this.#deps.nav.setActive(HEADER, assetId);
		if (this.menuFor) {
			void tick().then(() =>
				this.#deps.root()?.querySelector<HTMLElement>(`[data-menu="${assetId}"] button`)?.focus()
			);
		}
	}

	closeMenu(): void {
		this.menuFor = null;
		void this.#deps.nav.focusActive();
	}

	/** A click outside the open menu's column closes it. */
	windowClick(event: MouseEvent): void {
		if (this.menuFor === null) return;
		const target = event.target as Element | null;
		if (!target?.closest(`[data-column="${this.menuFor}"]`)) this.menuFor = null;
	}

	#apply(next: string[], movedId: string): void {
		this.#deps.setMechanisms({ order: 'custom', columns: next });
		this.announcement = `${this.nameOf(movedId)} moved to column ${next.indexOf(movedId) + 1} of ${next.length}.`;
	}

	/** Moves a column one place; focus stays on the menu item (`action`) that did it. */
	async move(assetId: string, delta: number, action: string): Promise<void> {
		const shown = this.#shownIds;
		const next = moveColumn(shown, assetId, delta, this.#deps.layout().reference);
		if (next.join() === shown.join()) {
			this.announcement = `${this.nameOf(assetId)} cannot move ${delta < 0 ? 'left' : 'right'}.`;
			return;
		}
		this.#apply(next, assetId);
		await tick();
		this.#deps.root()?.querySelector<HTMLElement>(`[data-action="${assetId}:${action}"]`)?.focus();
	}

	async toggleReference(assetId: string): Promise<void> {
		const pinned = this.#deps.reference() === assetId;
		this.#deps.setMechanisms({ reference: pinned ? null : assetId });
		this.announcement = pinned
			? `${this.nameOf(assetId)} is no longer the reference.`
			: `${this.nameOf(assetId)} is the reference column; differences are computed against it.`;
		this.menuFor = null;
		this.#deps.nav.setActive(HEADER, assetId);
		await this.#deps.nav.focusActive();
	}

	dragStart(event: DragEvent, assetId: string): void {
		this.dragging = assetId;
		event.dataTransfer?.setData('text/plain', assetId);
		if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
	}

	dragOver(event: DragEvent, assetId: string): void {
		if (!this.dragging || this.dragging === assetId) return;
		if (assetId === this.#deps.layout().reference) return;
		event.preventDefault();
		this.dropTarget = assetId;
	}

	drop(event: DragEvent, assetId: string): void {
		event.preventDefault();
		const dragged = this.dragging ?? event.dataTransfer?.getData('text/plain') ?? null;
		this.dragEnd();
		if (!dragged) return;
		const shown = this.#shownIds;
		const next = dropColumn(shown, dragged, assetId, this.#deps.layout().reference);
		if (next.join() !== shown.join()) this.#apply(next, dragged);
	}

	dragEnd(): void {
		this.dragging = null;
		this.dropTarget = null;
	}
}
